/*
 * exc: exception objects, the built-in exception hierarchy, and raising.
 *
 * The exception being raised lives in vm->exc (one owned reference) from the moment a
 * function fails until a handler takes it. A function that fails sets it and returns
 * NULL (or -1); callers pass the failure up without touching it.
 */
#ifndef KITE_RUNTIME_EXC_H
#define KITE_RUNTIME_EXC_H

#include <stdarg.h>
#include "vm/vm.h"

typedef struct BaseExceptionObject {
  Object ob;
  Object *dict;            /* instance __dict__ or NULL */
  Object *args;            /* tuple */
  Object *traceback;       /* traceback object or NULL */
  Object *context;         /* __context__ or NULL */
  Object *cause;           /* __cause__ or NULL */
  bool suppress_context;   /* __suppress_context__ */
  /* Extra fields used by some subclasses (NULL when unused): StopIteration.value,
     SystemExit.code, NameError/AttributeError.name, ImportError.name, SyntaxError's
     msg/filename/lineno/offset/text/end_lineno/end_offset. */
  Object *value;           /* StopIteration.value, SystemExit.code */
  Object *name;            /* NameError.name, AttributeError.name, ImportError.name */
  Object *obj;             /* AttributeError.obj */
  Object *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset; /* SyntaxError */
} BaseExceptionObject;

/* Build every built-in exception type (called by vm_new). 0 or -1. */
int exc_init_types(VM *vm);

/* Raise a new exception of type with a message built by str_from_format's rules
   (%s %d %i %u %ld %lu %zd %zu %lld %llu %c %x %p %%, plus %R repr(obj), %S str(obj),
   %T the type name of obj, %U a str object, %N a type's name from a TypeObject *).
   Always returns NULL so callers can `return exc_set(...)`. */
Object *exc_set(VM *vm, TypeObject *type, const char *fmt, ...);
Object *exc_setv(VM *vm, TypeObject *type, const char *fmt, va_list ap);
/* Raise type(value) (value borrowed; a tuple value is NOT unpacked). Returns NULL. */
Object *exc_set_obj(VM *vm, TypeObject *type, Object *value);
/* Raise the exception instance or class o as the `raise` statement does (a class is
   instantiated). Borrowed. Returns NULL. Raises TypeError if o is not an exception. */
Object *exc_raise(VM *vm, Object *o);
/* MemoryError with the preallocated instance. Returns NULL. */
Object *exc_no_memory(VM *vm);
/* Raise KeyError(key). Returns NULL. */
Object *exc_set_key_error(VM *vm, Object *key);
/* Raise StopIteration with value (borrowed; NULL = no value). Returns NULL. */
Object *exc_set_stop_iteration(VM *vm, Object *value);

static inline bool exc_occurred(VM *vm) { return vm->exc != NULL; }
/* True if the pending exception is an instance of type (or a subclass). */
bool exc_matches(VM *vm, TypeObject *type);
/* New reference: the pending exception, which is cleared. NULL if none. */
Object *exc_fetch(VM *vm);
/* Make exc (stolen; may be NULL) the pending exception, replacing any. */
void exc_restore(VM *vm, Object *exc);
void exc_clear(VM *vm);

/* New reference: an instance of type called with args (borrowed). */
Object *exc_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs);
/* True if the object o is an exception class (a subtype of BaseException). */
bool exc_is_class(VM *vm, Object *o);
/* Report an exception that cannot propagate (raised in __del__ or a callback):
   prints "<msg>: <repr of obj>" and the traceback to stderr, then clears it. */
void exc_write_unraisable(VM *vm, const char *msg, Object *obj);
/* Set exc.__context__ = ctx (borrowed), as implicit chaining does, avoiding cycles. */
void exc_set_context(VM *vm, Object *exc, Object *ctx);

#endif
