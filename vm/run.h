/*
 * run: compile and run a file or a string as __main__, and report what escapes.
 *
 * An uncaught exception is printed to vm->err exactly as CPython 3.11 prints it (with
 * its traceback and chained exceptions) and gives exit status 1; SystemExit gives its
 * code (None -> 0, an int -> that int, anything else is printed to stderr -> 1); a
 * SyntaxError is printed in CPython's format and gives 1.
 */
#ifndef KITE_VM_RUN_H
#define KITE_VM_RUN_H

#include "vm/vm.h"

/* Run the file at path as __main__ (its directory goes first on sys.path). Returns
   the process exit status. */
int run_file(VM *vm, const char *path);
/* Run source text as __main__, reporting errors against filename. Exit status. */
int run_string(VM *vm, const char *src, const char *filename);
/* New reference: evaluate an expression in globals (and locals, may be NULL = globals).
   NULL with the exception set (not printed). */
Object *run_eval(VM *vm, const char *src, const char *filename, Object *globals, Object *locals);
/* New reference: execute statements in globals/locals (exec()). NULL on error. */
Object *run_exec(VM *vm, const char *src, const char *filename, Object *globals, Object *locals);
/* New reference: run_exec over src[0..len), which may contain NUL bytes (a file's
   text: the parser then raises "source code cannot contain null bytes"). */
Object *run_exec_n(VM *vm, const char *src, size_t len, const char *filename, Object *globals,
                   Object *locals);
/* Run one interactive statement (REPL) in __main__; expression values are printed.
   0 ok, 1 an exception was printed, 2 the input is incomplete, or an exit status
   + 256 when SystemExit was raised. */
int run_interactive_one(VM *vm, const char *src);
/* Report the pending exception as the top level does; returns the exit status. */
int run_handle_exception(VM *vm);

#endif
