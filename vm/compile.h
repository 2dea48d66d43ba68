/*
 * compile: AST -> code objects (CPython 3.11's code generation, Kite's instruction set).
 *
 * The compiler runs the symbol table first (vm/symtable.h), then emits one code object
 * per scope, nested code objects living in their parent's constants. Instruction
 * positions are the span of the AST node being compiled, as in 3.11, so tracebacks
 * can underline the failing sub-expression. The maximum stack depth is tracked while
 * emitting (every jump records the depth at its target), and the exception table is
 * derived from the handler that was active when each instruction was emitted.
 *
 * Errors: NULL with SyntaxError (CPython's messages: "'return' outside function",
 * "'break' outside loop", "'continue' not properly in loop", ...) or MemoryError set.
 */
#ifndef KITE_VM_COMPILE_H
#define KITE_VM_COMPILE_H

#include "vm/vm.h"
#include "parser/ast.h"

typedef enum CompMode {
  COMP_EXEC,     /* a module body (Module) */
  COMP_EVAL,     /* an expression (Expression): the code returns its value */
  COMP_SINGLE    /* one interactive statement (Interactive): expression values are printed */
} CompMode;

/* New reference: the code object for mod. filename is recorded in the code objects
   and used to read source lines for SyntaxErrors. */
Object *comp_compile(VM *vm, const Mod *mod, Arena *arena, const char *filename, CompMode mode);

/* Net stack effect of op with arg; jump selects the effect when the jump is taken. */
int comp_stack_effect(int op, int arg, int jump);

#endif
