/*
 * symtable: scope analysis (CPython's Python/symtable.c, same rules and messages).
 *
 * Pass 1 walks the AST and records, per scope (module, function, lambda, class,
 * comprehension), every name with how it is used (DEF_* flags). Pass 2 resolves each
 * name to where it lives (SYM_LOCAL, SYM_GLOBAL_EXPLICIT, SYM_GLOBAL_IMPLICIT,
 * SYM_FREE, SYM_CELL), walking up the enclosing scopes: class scopes are skipped
 * when resolving free variables (a method does not see class attributes), except for
 * `__class__`, which a class provides as a cell when a method uses super() or
 * __class__. In 3.11 comprehensions are functions of their own; a walrus target inside
 * one binds in the nearest enclosing non-comprehension scope.
 *
 * Ownership: every Scope and Symbol lives in the AST's arena and dies with it.
 * Errors: symtable_build returns NULL with a SyntaxError set (CPython's messages).
 */
#ifndef KITE_VM_SYMTABLE_H
#define KITE_VM_SYMTABLE_H

#include <stdbool.h>
#include "parser/ast.h"

typedef struct VM VM;

enum {
  DEF_GLOBAL = 1,        /* global statement */
  DEF_LOCAL = 2,         /* assigned in this scope */
  DEF_PARAM = 4,
  DEF_NONLOCAL = 8,
  DEF_USE = 16,          /* read */
  DEF_IMPORT = 32,
  DEF_ANNOT = 64,        /* annotated (x: int) */
  DEF_COMP_ITER = 128,   /* comprehension iteration variable */
  DEF_FREE_CLASS = 256,  /* class scope: also passes the name through as a free var */
  DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT,
};

typedef enum SymScope {
  SYM_UNRESOLVED = 0, SYM_LOCAL, SYM_GLOBAL_EXPLICIT, SYM_GLOBAL_IMPLICIT, SYM_FREE, SYM_CELL
} SymScope;

typedef enum ScopeKind {
  SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS, SCOPE_COMPREHENSION
} ScopeKind;

typedef struct Symbol {
  const char *name;
  unsigned hash;
  int flags;             /* DEF_* */
  SymScope scope;        /* after pass 2 */
  int order;             /* insertion order (stable local numbering) */
} Symbol;

typedef struct Scope Scope;
struct Scope {
  const void *key;       /* the AST node: Mod, Stmt (def/class), Expr (lambda, comps) */
  ScopeKind kind;
  const char *name;      /* "<module>", function or class name, "<lambda>", "<listcomp>" */
  Scope *parent;
  Scope **children;
  int nchildren, childcap;
  Symbol *table;         /* open addressing, tablecap a power of two */
  int nsyms, tablecap;
  const char **params;   /* parameter names in signature order */
  int nparams;
  bool is_generator, is_lambda, has_varargs, has_varkw;
  bool needs_class_closure;   /* class scope: provide the __class__ cell */
  bool is_nested;             /* inside a function */
  bool comp_inlined_iter;     /* comprehension: the first iterator is the argument .0 */
  int lineno;
};

typedef struct SymTable {
  Scope *top;
  Arena *arena;
} SymTable;

/* Build the table for mod. filename is used for SyntaxErrors. NULL on error. */
SymTable *symtable_build(VM *vm, Arena *arena, const Mod *mod, const char *filename);
/* The child scope of parent created for node key, or NULL. */
Scope *symtable_child(Scope *parent, const void *key);
/* The symbol for name in scope, or NULL. */
Symbol *symtable_lookup(Scope *s, const char *name);
/* Where name lives in scope s (SYM_GLOBAL_IMPLICIT for unknown names). */
SymScope symtable_scope_of(Scope *s, const char *name);
/* True for scopes compiled to functions with fast locals. */
static inline bool symtable_is_function(const Scope *s) {
  return s->kind == SCOPE_FUNCTION || s->kind == SCOPE_COMPREHENSION;
}

/* Raise SyntaxError(msg) located at loc in filename (the source line is read back from
   the file for the `text` attribute). Returns NULL. Shared with the compiler. */
void *symtable_syntax_error(VM *vm, const char *filename, Loc loc, const char *fmt, ...);

#endif
