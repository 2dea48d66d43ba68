/*
 * object: the object header, the type object, and the generic object protocol.
 *
 * Layout (docs/memory.md has the full story):
 *   - Every heap object starts with Object: a 32-bit reference count, 32 bits of GC
 *     state and the type pointer: 16 bytes. Variable-size objects add ob_size.
 *   - Small ints are not heap objects: an Object * with the low bit set is an
 *     immediate int (OBJ_IS_SMALL). Never dereference an Object * without knowing it
 *     is not small; use obj_type() (vm/vm.h) instead of reading ob_type directly.
 *     Every int whose value fits SMALL_MIN..SMALL_MAX is always immediate, so two ints
 *     are equal iff both are immediate and bitwise equal, or both are boxed and equal.
 *   - ob_gc: bits 0..29 hold (index in the collector's table + 1) for tracked
 *     containers, 0 when untracked; bit 30 marks immortal objects (None, bools, the
 *     built-in types...); bit 31 is PEP 442's "finalized" flag. Atomic objects (int,
 *     float, str, None, bool, range) are never tracked and pay nothing for the GC.
 *
 * Reference ownership follows CPython: every function returning Object * says in its
 * header comment whether the reference is new or borrowed; "steals" is said where a
 * function takes ownership of an argument. A NULL return (or -1 for int returns)
 * always means an exception is set on the VM (vm->exc), except where a comment says
 * otherwise (tp_iternext may return NULL with no exception = exhausted).
 */
#ifndef KITE_RUNTIME_OBJECT_H
#define KITE_RUNTIME_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>   /* ssize_t */

typedef struct VM VM;
typedef struct TypeObject TypeObject;

typedef struct Object {
  uint32_t ob_refcnt;
  uint32_t ob_gc;           /* see the header comment; owned by gc/gc.c */
  TypeObject *ob_type;      /* never read directly: use obj_type() */
} Object;

typedef struct VarObject {
  Object ob_base;
  ssize_t ob_size;          /* number of items (tuple, int digits, ...) */
} VarObject;

#define OBJ_GC_INDEX_MASK 0x3fffffffu
#define OBJ_GC_IMMORTAL   0x40000000u
#define OBJ_GC_FINALIZED  0x80000000u

/* What sys.getrefcount reports for immediate and immortal values (documented in
   docs/memory.md; CPython 3.12+ reports a fixed large number for its immortals). */
#define OBJ_IMMORTAL_REFCNT 4294967295u
#define OBJ_IMMORTAL_INIT   0x40000000u   /* starting count of immortals: never reaches 0 */

/* ---- immediate small ints -------------------------------------------------- */

#define SMALL_MIN (-(INT64_C(1) << 61))
#define SMALL_MAX ((INT64_C(1) << 61) - 1)

static inline bool obj_is_small(const Object *o) { return ((uintptr_t)o & 1) != 0; }
static inline int64_t small_value(const Object *o) { return (int64_t)((intptr_t)o >> 1); }
/* The immediate for v; v must lie in SMALL_MIN..SMALL_MAX (use int_from_i64 otherwise). */
static inline Object *small_new(int64_t v) { return (Object *)(uintptr_t)(((uint64_t)v << 1) | 1); }
static inline bool small_fits(int64_t v) { return v >= SMALL_MIN && v <= SMALL_MAX; }

/* ---- reference counting ---------------------------------------------------- */

void obj_dealloc(VM *vm, Object *o);   /* called when a count reaches 0 (object.c) */

static inline void obj_incref(Object *o) {
  if (!obj_is_small(o)) o->ob_refcnt++;
}
static inline void obj_xincref(Object *o) {
  if (o) obj_incref(o);
}
static inline void obj_decref(VM *vm, Object *o) {
  if (!obj_is_small(o) && --o->ob_refcnt == 0) obj_dealloc(vm, o);
}
static inline void obj_xdecref(VM *vm, Object *o) {
  if (o) obj_decref(vm, o);
}
/* New reference: increments o and returns it. */
static inline Object *obj_newref(Object *o) {
  obj_incref(o);
  return o;
}
static inline Object *obj_xnewref(Object *o) {
  if (o) obj_incref(o);
  return o;
}
/* Set the field to NULL, then release what it held (the order matters: a destructor
   run by the release may look at the field). */
#define OBJ_CLEAR(vm, field)                 \
  do {                                       \
    Object *obj_clear_tmp_ = (Object *)(field); \
    if (obj_clear_tmp_) {                    \
      (field) = NULL;                        \
      obj_decref((vm), obj_clear_tmp_);      \
    }                                        \
  } while (0)
/* Store a new reference (stolen) into the field, then release the old one. */
#define OBJ_SETREF(vm, field, value)         \
  do {                                       \
    Object *obj_setref_tmp_ = (Object *)(field); \
    (field) = (value);                       \
    obj_xdecref((vm), obj_setref_tmp_);      \
  } while (0)

/* ---- type slots -------------------------------------------------------------- */

typedef int (*VisitProc)(VM *vm, Object *o, void *arg);

/* Vectorcall: args[0..nargs) are positional; if kwnames (a tuple of str) is not NULL,
   args[nargs..nargs+len(kwnames)) are the keyword values. All borrowed. New reference. */
typedef Object *(*VectorCallFn)(VM *vm, Object *callable, Object *const *args, size_t nargs,
                                Object *kwnames);
/* Built-in function/method body; self is the bound object (or the module, or NULL).
   Same argument convention as VectorCallFn. New reference. */
typedef Object *(*CFunction)(VM *vm, Object *self, Object *const *args, size_t nargs,
                             Object *kwnames);

/* Binary operators, in CPython's ast order. tp_binop receives op, possibly or'ed with
   BINOP_INPLACE for an augmented assignment (a type without an in-place version
   returns NotImplemented, and the plain operator is tried). */
typedef enum BinOp {
  BINOP_ADD, BINOP_SUB, BINOP_MUL, BINOP_MATMUL, BINOP_TRUEDIV, BINOP_MOD, BINOP_POW,
  BINOP_LSHIFT, BINOP_RSHIFT, BINOP_OR, BINOP_XOR, BINOP_AND, BINOP_FLOORDIV,
  BINOP_COUNT,
  BINOP_INPLACE = 0x100
} BinOp;

typedef enum UnaryOp {
  UNARY_NEG, UNARY_POS, UNARY_INVERT,
  UNARY_INDEX,   /* __index__: returns an int */
  UNARY_INT,     /* __int__ */
  UNARY_FLOAT,   /* __float__ */
  UNARY_ABS,     /* __abs__ */
  UNARY_COUNT
} UnaryOp;

/* Rich comparison ops, CPython's numbering. */
enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };

/* Method table entry (tp_methods, module tables). */
enum {
  METH_VARARGS = 0,      /* any arguments, checked by the function */
  METH_NOARGS  = 1 << 0, /* checked: no arguments */
  METH_O       = 1 << 1, /* checked: exactly one positional argument, no keywords */
  METH_NOKW    = 1 << 2, /* checked: no keyword arguments */
  METH_CLASS   = 1 << 3, /* classmethod: self is the type */
  METH_STATIC  = 1 << 4, /* staticmethod: self is NULL */
};
typedef struct MethodDef {
  const char *name;
  CFunction fn;
  int flags;
  const char *doc;
} MethodDef;

/* Member (a fixed field at an offset), for __slots__ and read-only attributes. */
enum { MEMBER_OBJECT, MEMBER_OBJECT_RO, MEMBER_SSIZE_RO, MEMBER_BOOL_RO };
typedef struct MemberDef {
  const char *name;
  int kind;
  size_t offset;
  const char *doc;
} MemberDef;

/* Computed attribute (getset descriptor). get: new reference. set: value NULL = delete;
   0 on success, -1 with an exception. set NULL = read-only. */
typedef Object *(*GetterFn)(VM *vm, Object *self, void *closure);
typedef int (*SetterFn)(VM *vm, Object *self, Object *value, void *closure);
typedef struct GetSetDef {
  const char *name;
  GetterFn get;
  SetterFn set;
  const char *doc;
  void *closure;
} GetSetDef;

enum {
  TYPE_FLAG_HEAPTYPE    = 1 << 0,  /* created by a class statement or type() */
  TYPE_FLAG_BASETYPE    = 1 << 1,  /* may be subclassed */
  TYPE_FLAG_GC          = 1 << 2,  /* instances are containers (tracked) */
  TYPE_FLAG_READY       = 1 << 3,
  TYPE_FLAG_IMMUTABLE   = 1 << 4,  /* attributes cannot be set (built-in types) */
  TYPE_FLAG_INT_SUBCLASS   = 1 << 8,   /* fast subtype checks, as CPython's */
  TYPE_FLAG_LIST_SUBCLASS  = 1 << 9,
  TYPE_FLAG_TUPLE_SUBCLASS = 1 << 10,
  TYPE_FLAG_STR_SUBCLASS   = 1 << 11,
  TYPE_FLAG_DICT_SUBCLASS  = 1 << 12,
  TYPE_FLAG_EXC_SUBCLASS   = 1 << 13,  /* BaseException and subclasses */
  TYPE_FLAG_TYPE_SUBCLASS  = 1 << 14,
};

struct TypeObject {
  VarObject ob_base;
  const char *tp_name;           /* C name for built-ins ("list"); heap types: see ht_name */
  size_t tp_basicsize;           /* instance size without items */
  size_t tp_itemsize;            /* per-item size for variable-size instances */
  uint32_t tp_flags;
  uint32_t tp_version;           /* bumped on any change of the type's dict or bases; for inline caches */
  uint32_t tp_binop_mask;        /* bit (1 << BinOp) set for each operator tp_binop may
                                    support; decides which __add__/__radd__... wrappers
                                    the type's dict shows. 0 = every operator. Bits
                                    16 + UnaryOp likewise for the unary wrappers. */
  uint32_t tp_rbinop_mask;       /* reflected wrappers shown (__radd__...); 0 = as
                                    tp_binop_mask (sequences concatenate without __radd__) */
  uint32_t tp_inplace_mask;      /* bit (1 << BinOp) for each operator with an in-place
                                    version (list +=): shows __iadd__... */
  TypeObject *tp_base;           /* single base for layout (NULL only for object) */
  Object *tp_bases;              /* tuple of types */
  Object *tp_mro;                /* tuple of types, self first */
  Object *tp_dict;               /* dict: attributes and descriptors */
  Object *ht_name;               /* str: __name__ (built-ins: interned copy of tp_name's last part) */
  Object *ht_qualname;           /* str: __qualname__ */
  Object *ht_module;             /* str or NULL: __module__ for heap types */
  ssize_t tp_dictoffset;         /* offset of the instance __dict__ pointer, 0 = none */
  ssize_t tp_weaklistoffset;     /* offset of the weakref list head, 0 = none */

  /* lifecycle */
  void (*tp_dealloc)(VM *vm, Object *self);
  int (*tp_traverse)(VM *vm, Object *self, VisitProc visit, void *arg);
  int (*tp_clear)(VM *vm, Object *self);
  void (*tp_finalize)(VM *vm, Object *self);          /* __del__ (PEP 442) */
  Object *(*tp_new)(VM *vm, TypeObject *type, Object *const *args, size_t nargs, Object *kwnames);
  int (*tp_init)(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kwnames);

  /* protocols; NULL = not supported */
  Object *(*tp_repr)(VM *vm, Object *self);
  Object *(*tp_str)(VM *vm, Object *self);
  int64_t (*tp_hash)(VM *vm, Object *self);          /* -1 on error */
  Object *(*tp_richcompare)(VM *vm, Object *a, Object *b, int op);  /* may return NotImplemented */
  Object *(*tp_binop)(VM *vm, Object *a, Object *b, int op);        /* self may be a or b */
  Object *(*tp_ternpow)(VM *vm, Object *a, Object *b, Object *mod); /* pow(a, b, mod) */
  Object *(*tp_unaryop)(VM *vm, Object *self, int op);
  int (*tp_bool)(VM *vm, Object *self);              /* -1 on error */
  ssize_t (*tp_len)(VM *vm, Object *self);           /* -1 on error */
  Object *(*tp_getitem)(VM *vm, Object *self, Object *key);
  int (*tp_setitem)(VM *vm, Object *self, Object *key, Object *value);  /* value NULL = delete */
  int (*tp_contains)(VM *vm, Object *self, Object *item);  /* 1, 0, -1 */
  Object *(*tp_iter)(VM *vm, Object *self);
  Object *(*tp_iternext)(VM *vm, Object *self);      /* NULL, no exception = exhausted */
  VectorCallFn tp_call;
  Object *(*tp_getattro)(VM *vm, Object *self, Object *name);  /* name: str */
  int (*tp_setattro)(VM *vm, Object *self, Object *name, Object *value);  /* value NULL = delete */
  Object *(*tp_descr_get)(VM *vm, Object *descr, Object *obj, Object *type);  /* obj may be NULL */
  int (*tp_descr_set)(VM *vm, Object *descr, Object *obj, Object *value);

  const MethodDef *tp_methods;
  const MemberDef *tp_members;
  const GetSetDef *tp_getset;
  const char *tp_doc;
};

/* ---- the generic object protocol (object.c) ---------------------------------
   All return a new reference, or NULL with an exception set, unless stated. */

Object *obj_repr(VM *vm, Object *o);
Object *obj_str(VM *vm, Object *o);
Object *obj_ascii(VM *vm, Object *o);
/* format(o, spec): spec is a str or NULL. */
Object *obj_format(VM *vm, Object *o, Object *spec);
int64_t obj_hash(VM *vm, Object *o);                 /* -1 on error */
Object *obj_richcompare(VM *vm, Object *a, Object *b, int op);
/* 1 true, 0 false, -1 error. Identity implies equality for EQ/NE (as CPython's containers). */
int obj_richcompare_bool(VM *vm, Object *a, Object *b, int op);
int obj_eq(VM *vm, Object *a, Object *b);            /* == with the identity shortcut */
int obj_is_true(VM *vm, Object *o);                  /* 1, 0, -1 */
ssize_t obj_len(VM *vm, Object *o);                  /* -1 on error */
Object *obj_getitem(VM *vm, Object *o, Object *key);
int obj_setitem(VM *vm, Object *o, Object *key, Object *value);
int obj_delitem(VM *vm, Object *o, Object *key);
int obj_contains(VM *vm, Object *container, Object *item);  /* `item in container`: 1, 0, -1 */
Object *obj_binop(VM *vm, Object *a, Object *b, int op);   /* op may include BINOP_INPLACE */
Object *obj_unaryop(VM *vm, Object *o, int op);
Object *obj_pow3(VM *vm, Object *a, Object *b, Object *mod);
Object *obj_getattr(VM *vm, Object *o, Object *name);       /* name: str */
Object *obj_getattr_cstr(VM *vm, Object *o, const char *name);
/* As obj_getattr, but an AttributeError is swallowed: returns NULL without an
   exception when the attribute is missing. */
Object *obj_lookup_attr(VM *vm, Object *o, Object *name);
int obj_setattr(VM *vm, Object *o, Object *name, Object *value);  /* value NULL = delete */
int obj_setattr_cstr(VM *vm, Object *o, const char *name, Object *value);
Object *obj_generic_getattr(VM *vm, Object *o, Object *name);
int obj_generic_setattr(VM *vm, Object *o, Object *name, Object *value);
Object *obj_call(VM *vm, Object *callable, Object *const *args, size_t nargs, Object *kwnames);
Object *obj_call0(VM *vm, Object *callable);
Object *obj_call1(VM *vm, Object *callable, Object *a);
Object *obj_call2(VM *vm, Object *callable, Object *a, Object *b);
/* Call callable(*args_tuple, **kwargs_dict); kwargs may be NULL. */
Object *obj_call_tuple_dict(VM *vm, Object *callable, Object *args, Object *kwargs);
/* o.name(*args). */
Object *obj_call_method(VM *vm, Object *o, const char *name, Object *const *args, size_t nargs);
Object *obj_iter(VM *vm, Object *o);
/* Next item: new reference; NULL with no exception when exhausted (StopIteration raised
   by a Python __next__ is swallowed); NULL with an exception on error. */
Object *obj_next(VM *vm, Object *iter);
bool obj_callable(VM *vm, Object *o);
int obj_isinstance(VM *vm, Object *o, Object *cls);   /* cls: type or tuple; 1, 0, -1 */
int obj_issubclass(VM *vm, Object *derived, Object *cls);
/* Convert an index-like object (int or __index__) to ssize_t; errors raise IndexError
   or OverflowError with CPython's messages ("cannot fit 'int' into an index-sized integer"). */
ssize_t obj_as_index(VM *vm, Object *o, int *err);
/* Borrowed reference (alive while the type's dict holds it): the attribute found along
   the MRO of type, or NULL (no exception). */
Object *type_lookup(VM *vm, TypeObject *type, Object *name);
/* The type's name for messages: "int", "Foo". Borrowed C string (alive with the type). */
const char *type_name(TypeObject *type);

#endif
