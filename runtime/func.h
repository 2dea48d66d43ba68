/*
 * func: function objects, cells (closure variables) and bound methods.
 *
 * A FunctionObject pairs a code object with the globals it runs in, its defaults and
 * closure. Calling one binds the arguments straight into a new frame (vm/exec.c);
 * arguments are never packed into a tuple for a Python callee. Functions are
 * containers (defaults, closures and __dict__ can refer back to them) and are GC
 * tracked; cells and bound methods too.
 *
 * Ownership: every field is a strong reference (or NULL).
 */
#ifndef KITE_RUNTIME_FUNC_H
#define KITE_RUNTIME_FUNC_H

#include "vm/vm.h"

typedef struct FunctionObject {
  Object ob;
  Object *code;         /* CodeObject */
  Object *globals;      /* dict */
  Object *builtins;     /* dict */
  Object *name, *qualname;   /* str */
  Object *defaults;     /* tuple or NULL */
  Object *kwdefaults;   /* dict or NULL */
  Object *closure;      /* tuple of cells or NULL */
  Object *doc;          /* any, or NULL */
  Object *dict;         /* __dict__ or NULL */
  Object *module;       /* __module__ or NULL */
  Object *annotations;  /* dict or NULL */
} FunctionObject;

typedef struct CellObject {
  Object ob;
  Object *ref;          /* NULL = empty */
} CellObject;

typedef struct MethodObject {
  Object ob;
  Object *func;
  Object *self;
} MethodObject;

/* New reference: a function for code (borrowed) running in globals (borrowed); its
   qualname is the code's. */
Object *func_new(VM *vm, Object *code, Object *globals);
/* New reference: an empty cell or one holding value (borrowed, may be NULL). */
Object *cell_new(VM *vm, Object *value);
/* Borrowed reference (alive while the cell holds it): the contents, or NULL. */
static inline Object *cell_get(Object *cell) { return ((CellObject *)cell)->ref; }
/* "f()" / "A.f()": the name CPython's argument errors use. Borrowed C string. */
const char *func_display_name(Object *func);
/* The vectorcall slot of function objects. New reference. */
Object *func_vectorcall(VM *vm, Object *func, Object *const *args, size_t nargs, Object *kwnames);
void func_type_init(VM *vm);     /* function, cell, method */

#endif
