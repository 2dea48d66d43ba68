/*
 * repl: Kite's interactive prompt (the read-eval-print loop of `kite` with no script,
 * or after one with -i).
 *
 * Behaviour follows CPython 3.11's interactive mode:
 *   - ">>> " starts a statement, "... " continues it. A simple statement runs as soon
 *     as it is complete; open brackets, a trailing backslash or an open triple-quoted
 *     string continue it; a compound statement (if/def/class/for/...) runs at the
 *     first completely empty line.
 *   - Every statement is compiled in "single" mode, so an expression statement prints
 *     the repr of a non-None value and binds it to builtins._ .
 *   - An error prints its traceback (File "<stdin>", line N, counted from the start of
 *     the statement) and the session goes on; the state lives in __main__.
 *   - EOF (Ctrl-D) leaves with status 0, SystemExit (exit(), quit(), sys.exit(n)) with
 *     its code. Ctrl-C at a prompt prints "KeyboardInterrupt" and discards the
 *     statement being typed.
 *   - On a terminal (stdin and stdout both ttys) lines are read with libedit when Kite
 *     was built with it: emacs key bindings, history kept in ~/.kite_history, and tab
 *     completion of names (keywords, __main__'s globals, builtins) and attributes
 *     (obj.attr via dir(obj)). The prompt is then drawn on stdout, as CPython's readline
 *     does; otherwise prompts go to stderr and stdin is read with stdio, shared with
 *     input().
 *
 * Ctrl-C: main.c turns SIGINT into vm->sigint_pending plus one byte written to a pipe
 * (ReplOptions.interrupt_fd); the REPL waits on stdin and that pipe together, so a
 * Ctrl-C at the prompt is seen at once and no signal handler touches the REPL.
 *
 * Ownership: the REPL allocates only from the VM's heap (plus libedit's own memory) and
 * releases everything before repl_run returns.
 */
#ifndef KITE_VM_REPL_H
#define KITE_VM_REPL_H

#include <stdbool.h>

typedef struct VM VM;

/* What `kite -V` prints and the first words of the banner. Kite names itself here
   where CPython prints "Python 3.11.7" (a documented difference). */
#define REPL_VERSION "Kite 0.1.0 (Python 3.11.7 compatible)"

typedef struct ReplOptions {
  bool banner;          /* print the version banner first (-q and -i after code turn it off) */
  int interrupt_fd;     /* readable when SIGINT arrived (see above), or -1 */
} ReplOptions;

/* Run the interactive loop on stdin until EOF or SystemExit. Returns the process exit
   status: 0 at EOF, SystemExit's code otherwise. */
int repl_run(VM *vm, const ReplOptions *opts);

/* Print the banner on stderr, as CPython does before its first prompt. */
void repl_print_banner(void);

#endif
