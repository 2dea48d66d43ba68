/*
 * type: type objects (built-in and user classes), instance allocation, the MRO,
 * attribute lookup along it, and the descriptors that expose C methods, members and
 * getsets (method_descr, member_descr, getset_descr, builtin functions/bound methods).
 *
 * Built-in types live inside the VM (vm->list_type ...) and are immortal. Setting one
 * up is two steps: X_type_init(vm) fills the struct with type_init_builtin and the
 * slots, allocating nothing; once every struct is filled, vm_new calls type_ready on
 * each, which builds tp_dict (method descriptors for tp_methods, member and getset
 * descriptors, slot wrappers such as __add__/__len__/__repr__ for the filled slots),
 * tp_bases and tp_mro.
 */
#ifndef KITE_RUNTIME_TYPE_H
#define KITE_RUNTIME_TYPE_H

#include "vm/vm.h"

/* Fill a built-in type's header fields; the caller then sets slots and tables.
   base NULL means object (except for object itself). No allocation. */
void type_init_builtin(VM *vm, TypeObject *t, const char *name, TypeObject *base,
                       size_t basicsize, size_t itemsize, uint32_t flags);
/* Finish a type: inherit slots from the base, build tp_dict, tp_bases, tp_mro. 0/-1. */
int type_ready(VM *vm, TypeObject *t);

/* New reference: a zero-filled instance of type with room for nitems items
   (basicsize + nitems * itemsize bytes), refcount 1, not tracked. Heap types are
   increfed (each instance owns a reference to its class). NULL + MemoryError. */
Object *obj_alloc(VM *vm, TypeObject *type, ssize_t nitems);
/* Release an instance's memory (size bytes, as allocated) and, for a heap type, the
   instance's reference to its class. Call last in tp_dealloc. */
void obj_free(VM *vm, Object *o, size_t size);
/* Size in bytes of an instance of t with nitems items. */
static inline size_t type_instance_size(TypeObject *t, ssize_t nitems) {
  return t->tp_basicsize + (size_t)nitems * t->tp_itemsize;
}

/* Instance attributes of classes that keep them inline (see type.c, "inline attribute
   values"); o's type has a __dict__ slot and o's dict pointer is NULL.
   type_inline_get: borrowed reference (alive while o holds it) or NULL (no exception).
   type_inline_set: store (value borrowed) or delete (value NULL) name; 0, -1 on error,
   1 when deleting a missing name (no exception: the caller raises AttributeError).
   type_instance_dict: borrowed reference to o's __dict__, created (moving any inline
   values into it) if needed; NULL on error. */
Object *type_inline_get(VM *vm, Object *o, Object *name);
int type_inline_set(VM *vm, Object *o, Object *name, Object *value);
Object *type_instance_dict(VM *vm, Object *o);

/* New reference: a builtin function object (builtin_function_or_method) for def,
   bound to self (borrowed, may be NULL; a module for module-level functions). */
Object *builtin_new(VM *vm, const MethodDef *def, Object *self);
/* Call a MethodDef body with argument-count checks per its flags. New reference. */
Object *methoddef_call(VM *vm, const MethodDef *def, Object *self, Object *const *args,
                       size_t nargs, Object *kwnames);

/* Argument helpers for C functions, raising CPython's TypeErrors:
   "name() takes no keyword arguments", "name expected at most 2 arguments, got 3",
   "name() takes exactly one argument (0 given)" ... 0 on success, -1 on error. */
int arg_no_kw(VM *vm, const char *fname, Object *kwnames);
int arg_count(VM *vm, const char *fname, size_t nargs, size_t min, size_t max);
/* Bind positional and keyword arguments to the named parameters `names` (NULL-
   terminated; the first npos may be given positionally, the rest only by keyword).
   out[i] receives a borrowed reference or NULL when not given. Raises CPython-style
   TypeErrors for unknown or duplicate keywords and too many/few arguments (nrequired
   leading parameters are required). */
int arg_parse(VM *vm, const char *fname, Object *const *args, size_t nargs, Object *kwnames,
              const char *const *names, size_t npos, size_t nrequired, Object **out);

/* ---- provided by the engine (vm/exec.c, runtime/func.c, runtime/traceback.c) ---- */
/* New reference: a bound method object calling func(self, ...). */
Object *method_new(VM *vm, Object *func, Object *self);
/* Set a cell's contents (value borrowed). */
void cell_set(VM *vm, Object *cell, Object *value);
/* Zero-argument super(): the class (__class__ cell) and first argument of the running
   function, as borrowed references. -1 with RuntimeError ("super(): no arguments",
   "super(): __class__ cell not found") when unavailable. */
int exec_super_args(VM *vm, Object **type, Object **obj);
/* Borrowed reference: the globals / locals mapping of the innermost Python frame, or
   NULL when no Python code is running. */
Object *exec_frame_globals(VM *vm);
Object *exec_frame_locals(VM *vm);
/* New reference: run func's code (a class body) with locals as its namespace; the
   body's return value (the __class__ cell, or None). */
Object *exec_call_with_locals(VM *vm, Object *func, Object *locals);
/* Print exc with its traceback and chained exceptions as CPython does, to out. */
void traceback_print_exception(VM *vm, Object *exc, FILE *out);

/* Class creation: __build_class__(func, name, *bases, metaclass=..., **kw). */
Object *type_build_class(VM *vm, Object *self, Object *const *args, size_t nargs,
                         Object *kwnames);

void type_type_init(VM *vm);
void object_type_init(VM *vm);
void descr_types_init(VM *vm);   /* method_descr, builtin, member/getset descrs, ... */
/* Borrowed reference (alive while o is): the member tuple of a types.UnionType (X | Y),
   or NULL when o is not a union. */
Object *type_union_args(VM *vm, Object *o);

#endif
