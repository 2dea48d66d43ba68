/*
 * type: type objects, instance allocation, the MRO and attribute lookup along it,
 * and the descriptors that expose C-level methods and slots to Python.
 *
 * Slots and dunders are two views of one thing. A built-in type fills C slots, and
 * type_ready publishes them in its dict as wrapper descriptors (int.__add__). A class
 * defines dunders in its dict, and class creation points the C slots at slot_*
 * functions that look the dunder up and call it (so len(x) on a user class runs
 * x.__len__()). Setting a dunder on a class later re-runs that fix-up.
 *
 * Layout of class instances: the nearest built-in base's struct, then the __dict__
 * pointer (if the class has one), then one pointer per __slots__ name. A class whose
 * built-in base is variable-sized (int, str, tuple) adds no fields (a documented
 * limit).
 */
#include "runtime/type.h"

#include <string.h>

#include "runtime/builtins.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* A class: the type object plus what class creation allocated for it. */
typedef struct HeapTypeObject {
  TypeObject type;
  char *name_utf8;          /* tp_name, heap copy */
  size_t name_size;
  MemberDef *members;       /* __slots__ members, NULL-terminated, heap block */
  size_t nmembers;
  ssize_t valuesoffset;     /* instances' InlineValues pointer, 0 = none (see below) */
  Object **keys;            /* attribute names stored inline by instances (owned) */
  uint8_t nkeys, keys_cap;
  uint8_t hint;             /* most inline attributes seen on one instance */
} HeapTypeObject;

/* Inline attribute values: see "inline attribute values" below. */
#define INLINE_MAX 6
#define KEYS_MAX 64

typedef struct InlineValues {
  uint8_t cap, n;
  uint8_t order[INLINE_MAX];   /* v[i] is the value of keys[order[i]]; insertion order */
  Object *v[];
} InlineValues;

static inline size_t iv_bytes(size_t cap) { return sizeof(InlineValues) + cap * sizeof(Object *); }

static inline ssize_t values_offset(TypeObject *t) {
  return (t->tp_flags & TYPE_FLAG_HEAPTYPE) ? ((HeapTypeObject *)t)->valuesoffset : 0;
}

static inline InlineValues **values_ptr(TypeObject *t, Object *o) {
  return (InlineValues **)((char *)o + values_offset(t));
}

/* ---- names and subtype checks ---------------------------------------------------- */

const char *type_name(TypeObject *t) {
  return t->tp_name;
}

bool type_is_subtype(TypeObject *a, TypeObject *b) {
  if (a == b) return true;
  Object *mro = a->tp_mro;
  if (mro) {
    for (ssize_t i = 0; i < TUPLE_SIZE(mro); i++)
      if (TUPLE_ITEMS(mro)[i] == (Object *)b) return true;
    return false;
  }
  for (TypeObject *t = a->tp_base; t; t = t->tp_base)
    if (t == b) return true;
  return false;
}

static Object *lookup_uncached(VM *vm, TypeObject *type, Object *name) {
  Object *mro = type->tp_mro;
  if (!mro) return type->tp_dict ? dict_getitem_str(vm, type->tp_dict, name) : NULL;
  ssize_t n = TUPLE_SIZE(mro);
  for (ssize_t i = 0; i < n; i++) {
    TypeObject *t = (TypeObject *)TUPLE_ITEMS(mro)[i];
    if (!t->tp_dict) continue;
    Object *v = dict_getitem_str(vm, t->tp_dict, name);
    if (v) return v;
  }
  return NULL;
}

/* Method lookups repeat the same (type, name) pairs, so they are cached, CPython-style.
   Instead of per-type version tags (which need each type to know its subclasses), one
   VM-wide epoch is bumped by any change to any class dict; entries from an older epoch
   are misses. Only interned names are cached: they live as long as the VM, so a
   pointer identifies the name. */
Object *type_lookup(VM *vm, TypeObject *type, Object *name) {
  if (!((StrObject *)name)->interned || obj_type(vm, name) != &vm->str_type)
    return lookup_uncached(vm, type, name);
  size_t h = (((uintptr_t)type >> 5) ^ ((uintptr_t)name >> 4)) & 511;
  struct TypeCacheEntry *e = &vm->type_cache[h];
  if (e->type == type && e->name == name && e->epoch == vm->type_epoch) return e->value;
  Object *v = lookup_uncached(vm, type, name);
  if (type->tp_flags & TYPE_FLAG_READY) {
    e->type = type;
    e->name = name;
    e->value = v;
    e->epoch = vm->type_epoch;
  }
  return v;
}

/* Invalidate every cached lookup (a class dict, name or MRO changed). */
static void type_modified(VM *vm, TypeObject *t) {
  vm->type_epoch++;
  t->tp_version++;
}

/* ---- allocation ------------------------------------------------------------------ */

Object *obj_alloc(VM *vm, TypeObject *type, ssize_t nitems) {
  size_t size = type_instance_size(type, nitems);
  Object *o = heap_calloc(vm, size);
  if (!o) return NULL;
  o->ob_refcnt = 1;
  o->ob_type = type;
  if (type->tp_itemsize) ((VarObject *)o)->ob_size = nitems;
  if (type->tp_flags & TYPE_FLAG_HEAPTYPE) obj_incref((Object *)type);
  return o;
}

void obj_free(VM *vm, Object *o, size_t size) {
  TypeObject *t = o->ob_type;
  if (t->tp_flags & TYPE_FLAG_HEAPTYPE) {
    if (t->tp_itemsize == 0) size = t->tp_basicsize;   /* the class's extended layout */
    heap_free(vm, o, size);
    obj_decref(vm, (Object *)t);
    return;
  }
  heap_free(vm, o, size);
}

/* ---- argument checking helpers ---------------------------------------------------- */

int arg_no_kw(VM *vm, const char *fname, Object *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames) > 0) {
    exc_set(vm, &vm->exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
  }
  return 0;
}

int arg_count(VM *vm, const char *fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return 0;
  if (min == max)
    exc_set(vm, &vm->exc_TypeError, "%s expected %zu argument%s, got %zu", fname, min,
            min == 1 ? "" : "s", nargs);
  else if (nargs < min)
    exc_set(vm, &vm->exc_TypeError, "%s expected at least %zu argument%s, got %zu", fname,
            min, min == 1 ? "" : "s", nargs);
  else
    exc_set(vm, &vm->exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname,
            max, max == 1 ? "" : "s", nargs);
  return -1;
}

int arg_parse(VM *vm, const char *fname, Object *const *args, size_t nargs, Object *kwnames,
              const char *const *names, size_t npos, size_t nrequired, Object **out) {
  size_t nparams = 0;
  while (names[nparams]) nparams++;
  for (size_t i = 0; i < nparams; i++) out[i] = NULL;
  if (nargs > npos) {
    if (npos == 0)
      exc_set(vm, &vm->exc_TypeError, "%s() takes no positional arguments", fname);
    else
      exc_set(vm, &vm->exc_TypeError, "%s() takes at most %zu positional argument%s (%zu given)",
              fname, npos, npos == 1 ? "" : "s", nargs);
    return -1;
  }
  for (size_t i = 0; i < nargs; i++) out[i] = args[i];
  ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  for (ssize_t k = 0; k < nkw; k++) {
    Object *kn = TUPLE_ITEMS(kwnames)[k];
    size_t i;
    for (i = 0; i < nparams; i++)
      if (str_eq_cstr(kn, names[i])) break;
    if (i == nparams) {
      exc_set(vm, &vm->exc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, kn);
      return -1;
    }
    if (out[i]) {
      exc_set(vm, &vm->exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)",
              fname, names[i], i + 1);
      return -1;
    }
    out[i] = args[nargs + (size_t)k];
  }
  for (size_t i = 0; i < nrequired; i++) {
    if (!out[i]) {
      if (i < npos)
        exc_set(vm, &vm->exc_TypeError, "%s() missing required argument '%s' (pos %zu)", fname,
                names[i], i + 1);
      else
        exc_set(vm, &vm->exc_TypeError, "%s() missing required argument '%s'", fname, names[i]);
      return -1;
    }
  }
  return 0;
}

/* ---- C method objects ------------------------------------------------------------- */

typedef struct MethodDescrObject {   /* method_descr, classmethod_descr */
  Object ob;
  TypeObject *d_type;
  const MethodDef *def;
} MethodDescrObject;

typedef struct BuiltinObject {       /* builtin_function_or_method */
  Object ob;
  const MethodDef *def;
  Object *self;                      /* bound object, module, or NULL */
} BuiltinObject;

typedef struct MemberDescrObject {
  Object ob;
  TypeObject *d_type;
  const MemberDef *def;
} MemberDescrObject;

typedef struct GetSetDescrObject {
  Object ob;
  TypeObject *d_type;
  const GetSetDef *def;
} GetSetDescrObject;

/* Short name of a MethodDef for messages: "append". */

/* The name CPython's argument errors use: "len", "list.append", "math.sqrt",
   "dict.fromkeys". Writes into buf (a NUL-terminated string). */
static const char *qualified_name(VM *vm, const MethodDef *def, Object *self, char *buf,
                                  size_t size) {
  const char *owner = NULL;
  if (self && obj_type(vm, self) == &vm->module_type) {
    Object *n = dict_getitem_str(vm, module_dict(self), vm->id.__name__);
    if (n && STR_CHECK(vm, n) && !str_eq_cstr(n, "builtins")) owner = str_utf8(n);
  } else if (self) {
    owner = type_name(TYPE_CHECK(vm, self) && (def->flags & METH_CLASS) ? (TypeObject *)self
                                                                        : obj_type(vm, self));
  }
  if (owner) snprintf(buf, size, "%s.%s", owner, def->name);
  else snprintf(buf, size, "%s", def->name);
  return buf;
}

Object *methoddef_call(VM *vm, const MethodDef *def, Object *self, Object *const *args,
                       size_t nargs, Object *kwnames) {
  int f = def->flags;
  if (f & (METH_NOARGS | METH_O | METH_NOKW)) {
    char name[128];
    if (kwnames && TUPLE_SIZE(kwnames))
      return exc_set(vm, &vm->exc_TypeError, "%s() takes no keyword arguments",
                     qualified_name(vm, def, self, name, sizeof name));
    if ((f & METH_NOARGS) && nargs != 0)
      return exc_set(vm, &vm->exc_TypeError, "%s() takes no arguments (%zu given)",
                     qualified_name(vm, def, self, name, sizeof name), nargs);
    if ((f & METH_O) && nargs != 1)
      return exc_set(vm, &vm->exc_TypeError, "%s() takes exactly one argument (%zu given)",
                     qualified_name(vm, def, self, name, sizeof name), nargs);
  }
  return def->fn(vm, self, args, nargs, kwnames);
}

Object *builtin_new(VM *vm, const MethodDef *def, Object *self) {
  BuiltinObject *b = (BuiltinObject *)obj_alloc(vm, &vm->builtin_type, 0);
  if (!b) return NULL;
  b->def = def;
  b->self = obj_xnewref(self);
  if (self && !obj_is_small(self) && (self->ob_type->tp_flags & TYPE_FLAG_GC))
    gc_track(vm, &b->ob);
  return &b->ob;
}

static Object *builtin_call(VM *vm, Object *self, Object *const *args, size_t nargs,
                            Object *kwnames) {
  BuiltinObject *b = (BuiltinObject *)self;
  return methoddef_call(vm, b->def, b->self, args, nargs, kwnames);
}

static Object *builtin_repr(VM *vm, Object *self) {
  BuiltinObject *b = (BuiltinObject *)self;
  if (!b->self || obj_type(vm, b->self) == &vm->module_type)
    return str_from_format(vm, "<built-in function %s>", b->def->name);
  return str_from_format(vm, "<built-in method %s of %s object at %p>", b->def->name,
                         type_name(obj_type(vm, b->self)), (void *)b->self);
}

static int builtin_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  BuiltinObject *b = (BuiltinObject *)self;
  return b->self ? visit(vm, b->self, arg) : 0;
}

static int builtin_clear(VM *vm, Object *self) {
  OBJ_CLEAR(vm, ((BuiltinObject *)self)->self);
  return 0;
}

static void builtin_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  OBJ_CLEAR(vm, ((BuiltinObject *)self)->self);
  obj_free(vm, self, sizeof(BuiltinObject));
}

static Object *builtin_get_name(VM *vm, Object *self, void *c) {
  return str_from_cstr(vm, ((BuiltinObject *)self)->def->name);
}

static Object *builtin_get_self(VM *vm, Object *self, void *c) {
  Object *s = ((BuiltinObject *)self)->self;
  return obj_newref(s ? s : VM_NONE(vm));
}

static Object *builtin_get_doc(VM *vm, Object *self, void *c) {
  const char *d = ((BuiltinObject *)self)->def->doc;
  return d ? str_from_cstr(vm, d) : vm_none(vm);
}

/* A module's function has its module's name (len.__module__ == 'builtins'); a bound
   method has none, as in CPython. */
static Object *builtin_get_module(VM *vm, Object *self, void *c) {
  Object *s = ((BuiltinObject *)self)->self;
  if (s && obj_type(vm, s) == &vm->module_type) return obj_getattr(vm, s, vm->id.__name__);
  if (!s && builtins_owns_def(((BuiltinObject *)self)->def)) return str_from_cstr(vm, "builtins");
  return vm_none(vm);
}

/* 'list.append' for a method bound to an instance, the bare name for a function. */
static Object *builtin_get_qualname(VM *vm, Object *self, void *c) {
  BuiltinObject *b = (BuiltinObject *)self;
  if (!b->self || obj_type(vm, b->self) == &vm->module_type) return builtin_get_name(vm, self, c);
  TypeObject *t = TYPE_CHECK(vm, b->self) ? (TypeObject *)b->self : obj_type(vm, b->self);
  return str_from_format(vm, "%s.%s", type_name(t), b->def->name);
}

static const GetSetDef builtin_getset[] = {
  {"__name__", builtin_get_name, NULL, NULL, NULL},
  {"__qualname__", builtin_get_qualname, NULL, NULL, NULL},
  {"__module__", builtin_get_module, NULL, NULL, NULL},
  {"__self__", builtin_get_self, NULL, NULL, NULL},
  {"__doc__", builtin_get_doc, NULL, NULL, NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

static Object *method_descr_make(VM *vm, TypeObject *type, TypeObject *t, const MethodDef *def) {
  MethodDescrObject *d = (MethodDescrObject *)obj_alloc(vm, type, 0);
  if (!d) return NULL;
  d->d_type = t;
  d->def = def;
  return &d->ob;
}

static Object *method_descr_get(VM *vm, Object *self, Object *obj, Object *type) {
  MethodDescrObject *d = (MethodDescrObject *)self;
  if (!obj) return obj_newref(self);
  if (!type_is_subtype(obj_type(vm, obj), d->d_type))
    return exc_set(vm, &vm->exc_TypeError,
                   "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                   d->def->name, type_name(d->d_type), type_name(obj_type(vm, obj)));
  return builtin_new(vm, d->def, obj);
}

/* Calling int.__add__-style unbound: first argument is self. */
static Object *method_descr_call(VM *vm, Object *self, Object *const *args, size_t nargs,
                                 Object *kwnames) {
  MethodDescrObject *d = (MethodDescrObject *)self;
  if (nargs < 1)
    return exc_set(vm, &vm->exc_TypeError, "unbound method %s.%s() needs an argument",
                   type_name(d->d_type), d->def->name);
  if (!type_is_subtype(obj_type(vm, args[0]), d->d_type))
    return exc_set(vm, &vm->exc_TypeError,
                   "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                   d->def->name, type_name(d->d_type), type_name(obj_type(vm, args[0])));
  return methoddef_call(vm, d->def, args[0], args + 1, nargs - 1, kwnames);
}

static Object *method_descr_name(VM *vm, Object *self, void *c) {
  return str_from_cstr(vm, ((MethodDescrObject *)self)->def->name);
}

static Object *method_descr_qualname(VM *vm, Object *self, void *c) {
  MethodDescrObject *d = (MethodDescrObject *)self;
  return str_from_format(vm, "%s.%s", type_name(d->d_type), d->def->name);
}

static Object *method_descr_doc(VM *vm, Object *self, void *c) {
  const char *doc = ((MethodDescrObject *)self)->def->doc;
  return doc ? str_from_cstr(vm, doc) : vm_none(vm);
}

/* d_type sits at the same offset in every descriptor struct. */
static Object *descr_objclass(VM *vm, Object *self, void *c) {
  return obj_newref((Object *)((MethodDescrObject *)self)->d_type);
}

static const GetSetDef method_descr_getset[] = {
  {"__name__", method_descr_name, NULL, NULL, NULL},
  {"__qualname__", method_descr_qualname, NULL, NULL, NULL},
  {"__doc__", method_descr_doc, NULL, NULL, NULL},
  {"__objclass__", descr_objclass, NULL, NULL, NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

static Object *method_descr_repr(VM *vm, Object *self) {
  MethodDescrObject *d = (MethodDescrObject *)self;
  return str_from_format(vm, "<method '%s' of '%s' objects>", d->def->name, type_name(d->d_type));
}

static void descr_dealloc(VM *vm, Object *self) {
  obj_free(vm, self, obj_type(vm, self)->tp_basicsize);
}

static Object *classmethod_descr_get(VM *vm, Object *self, Object *obj, Object *type) {
  MethodDescrObject *d = (MethodDescrObject *)self;
  if (!type) type = (Object *)obj_type(vm, obj);
  return builtin_new(vm, d->def, type);
}

static Object *classmethod_descr_call(VM *vm, Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
  MethodDescrObject *d = (MethodDescrObject *)self;
  if (nargs < 1 || !TYPE_CHECK(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "descriptor '%s' of '%s' object needs a type",
                   d->def->name, type_name(d->d_type));
  return methoddef_call(vm, d->def, args[0], args + 1, nargs - 1, kwnames);
}

/* ---- member and getset descriptors ----------------------------------------------- */

static Object *member_get(VM *vm, Object *self, Object *obj, Object *type) {
  MemberDescrObject *d = (MemberDescrObject *)self;
  if (!obj) return obj_newref(self);
  if (!type_is_subtype(obj_type(vm, obj), d->d_type))
    return exc_set(vm, &vm->exc_TypeError,
                   "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                   d->def->name, type_name(d->d_type), type_name(obj_type(vm, obj)));
  char *addr = (char *)obj + d->def->offset;
  switch (d->def->kind) {
  case MEMBER_OBJECT:
  case MEMBER_OBJECT_RO: {
    Object *v = *(Object **)addr;
    if (!v) {
      if (d->def->kind == MEMBER_OBJECT)
        return exc_set(vm, &vm->exc_AttributeError, "'%s' object has no attribute '%s'",
                       type_name(obj_type(vm, obj)), d->def->name);
      return vm_none(vm);
    }
    return obj_newref(v);
  }
  case MEMBER_SSIZE_RO: return int_from_i64(vm, *(ssize_t *)addr);
  case MEMBER_BOOL_RO: return vm_bool(vm, *(bool *)addr);
  }
  return vm_none(vm);
}

static int member_set(VM *vm, Object *self, Object *obj, Object *value) {
  MemberDescrObject *d = (MemberDescrObject *)self;
  if (!type_is_subtype(obj_type(vm, obj), d->d_type)) {
    exc_set(vm, &vm->exc_TypeError,
            "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d->def->name,
            type_name(d->d_type), type_name(obj_type(vm, obj)));
    return -1;
  }
  if (d->def->kind != MEMBER_OBJECT) {
    exc_set(vm, &vm->exc_AttributeError, "readonly attribute");
    return -1;
  }
  Object **addr = (Object **)((char *)obj + d->def->offset);
  if (!value && !*addr) {   /* 3.11's message is the bare name */
    exc_set(vm, &vm->exc_AttributeError, "%s", d->def->name);
    return -1;
  }
  OBJ_SETREF(vm, *addr, obj_xnewref(value));
  return 0;
}

static Object *member_name(VM *vm, Object *self, void *c) {
  return str_from_cstr(vm, ((MemberDescrObject *)self)->def->name);
}

static Object *member_qualname(VM *vm, Object *self, void *c) {
  MemberDescrObject *d = (MemberDescrObject *)self;
  return str_from_format(vm, "%s.%s", type_name(d->d_type), d->def->name);
}

static Object *member_doc(VM *vm, Object *self, void *c) { return vm_none(vm); }

static const GetSetDef member_getset[] = {
  {"__name__", member_name, NULL, NULL, NULL},
  {"__qualname__", member_qualname, NULL, NULL, NULL},
  {"__objclass__", descr_objclass, NULL, NULL, NULL},
  {"__doc__", member_doc, NULL, NULL, NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

static Object *getset_name(VM *vm, Object *self, void *c) {
  return str_from_cstr(vm, ((GetSetDescrObject *)self)->def->name);
}

static Object *getset_qualname(VM *vm, Object *self, void *c) {
  GetSetDescrObject *d = (GetSetDescrObject *)self;
  return str_from_format(vm, "%s.%s", type_name(d->d_type), d->def->name);
}

static const GetSetDef getset_getset[] = {
  {"__name__", getset_name, NULL, NULL, NULL},
  {"__qualname__", getset_qualname, NULL, NULL, NULL},
  {"__objclass__", descr_objclass, NULL, NULL, NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

static Object *member_repr(VM *vm, Object *self) {
  MemberDescrObject *d = (MemberDescrObject *)self;
  return str_from_format(vm, "<member '%s' of '%s' objects>", d->def->name, type_name(d->d_type));
}

static Object *getset_get(VM *vm, Object *self, Object *obj, Object *type) {
  GetSetDescrObject *d = (GetSetDescrObject *)self;
  if (!obj) return obj_newref(self);
  if (!d->def->get)
    return exc_set(vm, &vm->exc_AttributeError, "attribute '%s' of '%s' objects is not readable",
                   d->def->name, type_name(d->d_type));
  return d->def->get(vm, obj, d->def->closure);
}

static int getset_set(VM *vm, Object *self, Object *obj, Object *value) {
  GetSetDescrObject *d = (GetSetDescrObject *)self;
  if (!d->def->set) {
    exc_set(vm, &vm->exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
            d->def->name, type_name(d->d_type));
    return -1;
  }
  return d->def->set(vm, obj, value, d->def->closure);
}

static Object *getset_repr(VM *vm, Object *self) {
  GetSetDescrObject *d = (GetSetDescrObject *)self;
  return str_from_format(vm, "<attribute '%s' of '%s' objects>", d->def->name, type_name(d->d_type));
}

/* Descriptors made for classes hold a reference to their class (built-in types are
   immortal, so the count is harmless there). */
static int descr_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  return visit(vm, (Object *)((MemberDescrObject *)self)->d_type, arg);
}

static void descr_gc_dealloc(VM *vm, Object *self) {
  TypeObject *owner = ((MemberDescrObject *)self)->d_type;
  gc_untrack(vm, self);
  obj_free(vm, self, obj_type(vm, self)->tp_basicsize);
  if (owner->tp_flags & TYPE_FLAG_HEAPTYPE) obj_decref(vm, (Object *)owner);
}

/* ---- slot wrappers ---------------------------------------------------------------- */

typedef enum SlotKind {
  SK_REPR, SK_STR, SK_HASH, SK_CMP, SK_BINOP, SK_RBINOP, SK_IBINOP, SK_UNARY, SK_BOOL, SK_LEN,
  SK_GETITEM, SK_SETITEM, SK_DELITEM, SK_CONTAINS, SK_ITER, SK_NEXT, SK_CALL, SK_GETATTR,
  SK_SETATTR, SK_DELATTR, SK_GET, SK_SET, SK_DELETE, SK_INIT, SK_DEL,
} SlotKind;

typedef struct SlotDef {
  const char *name;
  SlotKind kind;
  int op;
} SlotDef;

#define BIN(n, op) {"__" n "__", SK_BINOP, op}, {"__r" n "__", SK_RBINOP, op}, \
                   {"__i" n "__", SK_IBINOP, op}
static const SlotDef slotdefs[] = {
  {"__repr__", SK_REPR, 0}, {"__str__", SK_STR, 0}, {"__hash__", SK_HASH, 0},
  {"__lt__", SK_CMP, CMP_LT}, {"__le__", SK_CMP, CMP_LE}, {"__eq__", SK_CMP, CMP_EQ},
  {"__ne__", SK_CMP, CMP_NE}, {"__gt__", SK_CMP, CMP_GT}, {"__ge__", SK_CMP, CMP_GE},
  BIN("add", BINOP_ADD), BIN("sub", BINOP_SUB), BIN("mul", BINOP_MUL),
  BIN("matmul", BINOP_MATMUL), BIN("truediv", BINOP_TRUEDIV), BIN("mod", BINOP_MOD),
  BIN("pow", BINOP_POW), BIN("lshift", BINOP_LSHIFT), BIN("rshift", BINOP_RSHIFT),
  BIN("or", BINOP_OR), BIN("xor", BINOP_XOR), BIN("and", BINOP_AND),
  BIN("floordiv", BINOP_FLOORDIV),
  {"__neg__", SK_UNARY, UNARY_NEG}, {"__pos__", SK_UNARY, UNARY_POS},
  {"__invert__", SK_UNARY, UNARY_INVERT}, {"__index__", SK_UNARY, UNARY_INDEX},
  {"__int__", SK_UNARY, UNARY_INT}, {"__float__", SK_UNARY, UNARY_FLOAT},
  {"__abs__", SK_UNARY, UNARY_ABS},
  {"__bool__", SK_BOOL, 0}, {"__len__", SK_LEN, 0}, {"__getitem__", SK_GETITEM, 0},
  {"__setitem__", SK_SETITEM, 0}, {"__delitem__", SK_DELITEM, 0},
  {"__contains__", SK_CONTAINS, 0}, {"__iter__", SK_ITER, 0}, {"__next__", SK_NEXT, 0},
  {"__call__", SK_CALL, 0}, {"__getattribute__", SK_GETATTR, 0},
  {"__getattr__", SK_GETATTR, 1},
  {"__setattr__", SK_SETATTR, 0}, {"__delattr__", SK_DELATTR, 0}, {"__get__", SK_GET, 0},
  {"__set__", SK_SET, 0}, {"__delete__", SK_DELETE, 0}, {"__init__", SK_INIT, 0},
  {"__del__", SK_DEL, 0},
  {NULL, 0, 0},
};
#undef BIN

typedef struct WrapperDescrObject {
  Object ob;
  TypeObject *d_type;
  const SlotDef *slot;
} WrapperDescrObject;

typedef struct MethodWrapperObject {
  Object ob;
  Object *descr;
  Object *self;
} MethodWrapperObject;

/* Does type t implement the slot behind sd (so its dict should show the wrapper)? */
static bool slot_present(TypeObject *t, const SlotDef *sd) {
  switch (sd->kind) {
  case SK_REPR: return t->tp_repr != NULL;
  case SK_STR: return t->tp_str != NULL;
  case SK_HASH: return t->tp_hash != NULL;
  case SK_CMP: return t->tp_richcompare != NULL;
  case SK_BINOP:
    return t->tp_binop && (t->tp_binop_mask == 0 || (t->tp_binop_mask & (1u << sd->op)));
  case SK_RBINOP: {
    uint32_t m = t->tp_rbinop_mask ? t->tp_rbinop_mask : t->tp_binop_mask;
    return t->tp_binop && (m == 0 || (m & (1u << sd->op)));
  }
  case SK_IBINOP: return t->tp_binop && (t->tp_inplace_mask & (1u << sd->op));
  case SK_UNARY:
    if (!t->tp_unaryop) return false;
    return t->tp_binop_mask == 0 || (t->tp_binop_mask & (1u << (16 + sd->op)));
  case SK_BOOL: return t->tp_bool != NULL;
  case SK_LEN: return t->tp_len != NULL;
  case SK_GETITEM: return t->tp_getitem != NULL;
  case SK_SETITEM:
  case SK_DELITEM: return t->tp_setitem != NULL;
  case SK_CONTAINS: return t->tp_contains != NULL;
  case SK_ITER: return t->tp_iter != NULL;
  case SK_NEXT: return t->tp_iternext != NULL;
  case SK_CALL: return t->tp_call != NULL;
  case SK_GETATTR: return sd->op == 0 && t->tp_getattro != NULL;
  case SK_SETATTR:
  case SK_DELATTR: return t->tp_setattro != NULL;
  case SK_GET: return t->tp_descr_get != NULL;
  case SK_SET:
  case SK_DELETE: return t->tp_descr_set != NULL;
  case SK_INIT: return t->tp_init != NULL;
  case SK_DEL: return false;
  }
  return false;
}

/* 0 if nargs == want, else -1 with CPython's TypeError set (its __setattr__ and __set__
   wrappers name no function, hence the leading space). */
static int need_args(VM *vm, const SlotDef *sd, size_t nargs, size_t want) {
  if (nargs == want) return 0;
  bool unnamed = sd->kind == SK_SETATTR || sd->kind == SK_SET;
  exc_set(vm, &vm->exc_TypeError, "%sexpected %zu argument%s, got %zu", unnamed ? " " : "",
          want, want == 1 ? "" : "s", nargs);
  return -1;
}

/* Call the slot of t behind sd on self with the wrapper's arguments. */
static Object *wrapper_invoke(VM *vm, TypeObject *t, const SlotDef *sd, Object *self,
                              Object *const *args, size_t nargs, Object *kwnames) {
  if (sd->kind != SK_CALL && sd->kind != SK_INIT && kwnames && TUPLE_SIZE(kwnames))
    return exc_set(vm, &vm->exc_TypeError, "wrapper %s() takes no keyword arguments", sd->name);
  size_t want;
  switch (sd->kind) {
  case SK_REPR: case SK_STR: case SK_HASH: case SK_UNARY: case SK_BOOL: case SK_LEN:
  case SK_ITER: case SK_NEXT: want = 0; break;
  case SK_SETITEM: case SK_SET: case SK_SETATTR: want = 2; break;
  case SK_GET: want = nargs == 1 ? 1 : 2; break;
  case SK_CALL: case SK_INIT: want = nargs; break;
  default: want = 1; break;
  }
  if (need_args(vm, sd, nargs, want) < 0) return NULL;
  switch (sd->kind) {
  case SK_REPR: return t->tp_repr(vm, self);
  case SK_STR: return t->tp_str(vm, self);
  case SK_HASH: {
    int64_t h = t->tp_hash(vm, self);
    return h == -1 && exc_occurred(vm) ? NULL : int_from_i64(vm, h);
  }
  case SK_CMP: return t->tp_richcompare(vm, self, args[0], sd->op);
  case SK_BINOP: return t->tp_binop(vm, self, args[0], sd->op);
  case SK_RBINOP: return t->tp_binop(vm, args[0], self, sd->op);
  case SK_IBINOP: return t->tp_binop(vm, self, args[0], sd->op | BINOP_INPLACE);
  case SK_UNARY: return t->tp_unaryop(vm, self, sd->op);
  case SK_BOOL: {
    int b = t->tp_bool(vm, self);
    return b < 0 ? NULL : vm_bool(vm, b);
  }
  case SK_LEN: {
    ssize_t n = t->tp_len(vm, self);
    return n < 0 ? NULL : int_from_i64(vm, n);
  }
  case SK_GETITEM: return t->tp_getitem(vm, self, args[0]);
  case SK_SETITEM: return t->tp_setitem(vm, self, args[0], args[1]) < 0 ? NULL : vm_none(vm);
  case SK_DELITEM: return t->tp_setitem(vm, self, args[0], NULL) < 0 ? NULL : vm_none(vm);
  case SK_CONTAINS: {
    int r = t->tp_contains(vm, self, args[0]);
    return r < 0 ? NULL : vm_bool(vm, r);
  }
  case SK_ITER: return t->tp_iter(vm, self);
  case SK_NEXT: {
    Object *r = t->tp_iternext(vm, self);
    if (!r && !exc_occurred(vm)) exc_set_stop_iteration(vm, NULL);
    return r;
  }
  case SK_CALL: return t->tp_call(vm, self, args, nargs, kwnames);
  case SK_GETATTR:
    if (!STR_CHECK(vm, args[0]))
      return exc_set(vm, &vm->exc_TypeError, "attribute name must be string, not '%s'",
                     type_name(obj_type(vm, args[0])));
    return t->tp_getattro(vm, self, args[0]);
  case SK_SETATTR:
  case SK_DELATTR:
    if (!STR_CHECK(vm, args[0]))
      return exc_set(vm, &vm->exc_TypeError, "attribute name must be string, not '%s'",
                     type_name(obj_type(vm, args[0])));
    return t->tp_setattro(vm, self, args[0], sd->kind == SK_SETATTR ? args[1] : NULL) < 0
               ? NULL : vm_none(vm);
  case SK_GET: {
    Object *obj = args[0] == VM_NONE(vm) ? NULL : args[0];
    Object *type = nargs > 1 && args[1] != VM_NONE(vm) ? args[1] : NULL;
    if (!obj && !type)
      return exc_set(vm, &vm->exc_TypeError, "__get__(None, None) is invalid");
    return t->tp_descr_get(vm, self, obj, type);
  }
  case SK_SET: return t->tp_descr_set(vm, self, args[0], args[1]) < 0 ? NULL : vm_none(vm);
  case SK_DELETE: return t->tp_descr_set(vm, self, args[0], NULL) < 0 ? NULL : vm_none(vm);
  case SK_INIT:
    return t->tp_init(vm, self, args, nargs, kwnames) < 0 ? NULL : vm_none(vm);
  case SK_DEL: break;
  }
  return vm_none(vm);
}

static Object *wrapper_descr_call(VM *vm, Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
  WrapperDescrObject *d = (WrapperDescrObject *)self;
  if (nargs < 1)
    return exc_set(vm, &vm->exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                   d->slot->name, type_name(d->d_type));
  if (!type_is_subtype(obj_type(vm, args[0]), d->d_type))
    return exc_set(vm, &vm->exc_TypeError,
                   "descriptor '%s' requires a '%s' object but received a '%s'", d->slot->name,
                   type_name(d->d_type), type_name(obj_type(vm, args[0])));
  return wrapper_invoke(vm, d->d_type, d->slot, args[0], args + 1, nargs - 1, kwnames);
}

static Object *wrapper_descr_get(VM *vm, Object *self, Object *obj, Object *type) {
  WrapperDescrObject *d = (WrapperDescrObject *)self;
  if (!obj) return obj_newref(self);
  if (!type_is_subtype(obj_type(vm, obj), d->d_type))
    return exc_set(vm, &vm->exc_TypeError,
                   "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                   d->slot->name, type_name(d->d_type), type_name(obj_type(vm, obj)));
  MethodWrapperObject *w = (MethodWrapperObject *)obj_alloc(vm, &vm->method_wrapper_type, 0);
  if (!w) return NULL;
  w->descr = obj_newref(self);
  w->self = obj_newref(obj);
  gc_track(vm, &w->ob);
  return &w->ob;
}

static Object *wrapper_descr_name(VM *vm, Object *self, void *c) {
  return str_from_cstr(vm, ((WrapperDescrObject *)self)->slot->name);
}

static Object *wrapper_descr_qualname(VM *vm, Object *self, void *c) {
  WrapperDescrObject *d = (WrapperDescrObject *)self;
  return str_from_format(vm, "%s.%s", type_name(d->d_type), d->slot->name);
}

static const GetSetDef wrapper_descr_getset[] = {
  {"__name__", wrapper_descr_name, NULL, NULL, NULL},
  {"__qualname__", wrapper_descr_qualname, NULL, NULL, NULL},
  {"__objclass__", descr_objclass, NULL, NULL, NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

static Object *wrapper_descr_repr(VM *vm, Object *self) {
  WrapperDescrObject *d = (WrapperDescrObject *)self;
  return str_from_format(vm, "<slot wrapper '%s' of '%s' objects>", d->slot->name,
                         type_name(d->d_type));
}

static Object *method_wrapper_call(VM *vm, Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
  MethodWrapperObject *w = (MethodWrapperObject *)self;
  WrapperDescrObject *d = (WrapperDescrObject *)w->descr;
  return wrapper_invoke(vm, d->d_type, d->slot, w->self, args, nargs, kwnames);
}

static Object *method_wrapper_repr(VM *vm, Object *self) {
  MethodWrapperObject *w = (MethodWrapperObject *)self;
  WrapperDescrObject *d = (WrapperDescrObject *)w->descr;
  return str_from_format(vm, "<method-wrapper '%s' of %s object at %p>", d->slot->name,
                         type_name(obj_type(vm, w->self)), (void *)w->self);
}

static int method_wrapper_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  MethodWrapperObject *w = (MethodWrapperObject *)self;
  int r = visit(vm, w->descr, arg);
  return r ? r : visit(vm, w->self, arg);
}

static int method_wrapper_clear(VM *vm, Object *self) {
  MethodWrapperObject *w = (MethodWrapperObject *)self;
  OBJ_CLEAR(vm, w->self);
  return 0;
}

static void method_wrapper_dealloc(VM *vm, Object *self) {
  MethodWrapperObject *w = (MethodWrapperObject *)self;
  gc_untrack(vm, self);
  OBJ_CLEAR(vm, w->descr);
  OBJ_CLEAR(vm, w->self);
  obj_free(vm, self, sizeof(MethodWrapperObject));
}

static int method_wrapper_eq(VM *vm, Object *a, Object *b) {
  MethodWrapperObject *x = (MethodWrapperObject *)a, *y = (MethodWrapperObject *)b;
  return x->descr == y->descr && x->self == y->self;
}

static Object *method_wrapper_richcompare(VM *vm, Object *a, Object *b, int op) {
  if ((op != CMP_EQ && op != CMP_NE) || obj_type(vm, b) != &vm->method_wrapper_type)
    return obj_newref(VM_NOTIMPL(vm));
  return vm_bool(vm, method_wrapper_eq(vm, a, b) == (op == CMP_EQ));
}

/* ---- type_ready ------------------------------------------------------------------- */

void type_init_builtin(VM *vm, TypeObject *t, const char *name, TypeObject *base,
                       size_t basicsize, size_t itemsize, uint32_t flags) {
  t->ob_base.ob_base.ob_refcnt = OBJ_IMMORTAL_INIT;
  t->ob_base.ob_base.ob_gc = OBJ_GC_IMMORTAL;
  t->ob_base.ob_base.ob_type = &vm->type_type;
  t->tp_name = name;
  t->tp_basicsize = basicsize;
  t->tp_itemsize = itemsize;
  t->tp_flags |= flags | TYPE_FLAG_IMMUTABLE;
  t->tp_base = base ? base : (t == &vm->object_type ? NULL : &vm->object_type);
  t->tp_version = 1;
}

/* Copy the base's slot where t has none. hash and richcompare travel together, so a
   type that defines == without hash stays unhashable (as CPython's inherit_slots). */
static void inherit_slots(VM *vm, TypeObject *t, TypeObject *b) {
#define COPY(s) if (!t->s) t->s = b->s
  COPY(tp_dealloc); COPY(tp_traverse); COPY(tp_clear); COPY(tp_finalize);
  COPY(tp_repr); COPY(tp_str); COPY(tp_binop); COPY(tp_ternpow); COPY(tp_unaryop);
  COPY(tp_bool); COPY(tp_len); COPY(tp_getitem); COPY(tp_setitem); COPY(tp_contains);
  COPY(tp_iter); COPY(tp_iternext); COPY(tp_call); COPY(tp_getattro); COPY(tp_setattro);
  COPY(tp_descr_get); COPY(tp_descr_set);
  if (!t->tp_hash && !t->tp_richcompare) {
    t->tp_hash = b->tp_hash;
    t->tp_richcompare = b->tp_richcompare;
  }
  if (b != &vm->object_type || (t->tp_flags & TYPE_FLAG_HEAPTYPE)) {
    COPY(tp_new);
    COPY(tp_init);
  }
  if (!t->tp_binop_mask && t->tp_binop == b->tp_binop) t->tp_binop_mask = b->tp_binop_mask;
  if (!t->tp_inplace_mask && t->tp_binop == b->tp_binop) t->tp_inplace_mask = b->tp_inplace_mask;
  if (!t->tp_rbinop_mask && t->tp_binop == b->tp_binop) t->tp_rbinop_mask = b->tp_rbinop_mask;
  if (!t->tp_dictoffset) t->tp_dictoffset = b->tp_dictoffset;
  if (!t->tp_basicsize) t->tp_basicsize = b->tp_basicsize;
  if (!t->tp_itemsize) t->tp_itemsize = b->tp_itemsize;
#undef COPY
  t->tp_flags |= b->tp_flags & (TYPE_FLAG_INT_SUBCLASS | TYPE_FLAG_LIST_SUBCLASS |
                                TYPE_FLAG_TUPLE_SUBCLASS | TYPE_FLAG_STR_SUBCLASS |
                                TYPE_FLAG_DICT_SUBCLASS | TYPE_FLAG_EXC_SUBCLASS |
                                TYPE_FLAG_TYPE_SUBCLASS | TYPE_FLAG_GC);
}

static int dict_add_new(VM *vm, Object *dict, const char *name, Object *v) {
  if (!v) return -1;
  int r = 0;
  if (!dict_getitem_cstr(vm, dict, name)) {
    Object *k = str_intern_cstr(vm, name);
    r = k ? dict_setitem(vm, dict, k, v) : -1;
    obj_xdecref(vm, k);
  }
  obj_decref(vm, v);
  return r;
}

static Object *slot_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                        Object *kwnames);

/* __new__ as found in a type's dict: called as T.__new__(subtype, *args). */
static Object *tp_new_wrapper(VM *vm, Object *self, Object *const *args, size_t nargs,
                              Object *kwnames) {
  TypeObject *t = (TypeObject *)self;
  if (nargs < 1)
    return exc_set(vm, &vm->exc_TypeError, "%s.__new__(): not enough arguments", type_name(t));
  if (!TYPE_CHECK(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                   type_name(t), type_name(obj_type(vm, args[0])));
  TypeObject *sub = (TypeObject *)args[0];
  if (!type_is_subtype(sub, t))
    return exc_set(vm, &vm->exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                   type_name(t), type_name(sub), type_name(sub), type_name(t));
  /* CPython's tp_new_wrapper: the nearest base not defining __new__ in Python must
     share t's tp_new, or t's allocator would build a wrongly laid-out object. */
  TypeObject *staticbase = sub;
  while (staticbase && staticbase->tp_new == slot_new) staticbase = staticbase->tp_base;
  if (staticbase && staticbase->tp_new != t->tp_new)
    return exc_set(vm, &vm->exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                   type_name(t), type_name(sub), type_name(staticbase));
  return t->tp_new(vm, sub, args + 1, nargs - 1, kwnames);
}

static const MethodDef tp_new_def = {"__new__", tp_new_wrapper, METH_VARARGS,
                                     "Create and return a new object."};

static Object *short_name(VM *vm, const char *tp_name) {
  const char *dot = strrchr(tp_name, '.');
  return str_intern_cstr(vm, dot ? dot + 1 : tp_name);
}

static uint32_t builtin_subclass_flag(VM *vm, TypeObject *t) {
  if (t == &vm->int_type) return TYPE_FLAG_INT_SUBCLASS;
  if (t == &vm->list_type) return TYPE_FLAG_LIST_SUBCLASS;
  if (t == &vm->tuple_type) return TYPE_FLAG_TUPLE_SUBCLASS;
  if (t == &vm->str_type) return TYPE_FLAG_STR_SUBCLASS;
  if (t == &vm->dict_type) return TYPE_FLAG_DICT_SUBCLASS;
  if (t == &vm->exc_BaseException) return TYPE_FLAG_EXC_SUBCLASS;
  if (t == &vm->type_type) return TYPE_FLAG_TYPE_SUBCLASS;
  return 0;
}

/* Fill a type's dict from its C tables and slots. */
static int add_descriptors(VM *vm, TypeObject *t) {
  Object *d = t->tp_dict;
  if (t->tp_methods) {
    for (const MethodDef *m = t->tp_methods; m->name; m++) {
      Object *v;
      if (m->flags & METH_CLASS) v = method_descr_make(vm, &vm->classmethod_descr_type, t, m);
      else if (m->flags & METH_STATIC) v = builtin_new(vm, m, NULL);
      else v = method_descr_make(vm, &vm->method_descr_type, t, m);
      if (dict_add_new(vm, d, m->name, v) < 0) return -1;
    }
  }
  if (t->tp_members) {
    for (const MemberDef *m = t->tp_members; m->name; m++) {
      MemberDescrObject *md = (MemberDescrObject *)obj_alloc(vm, &vm->member_descr_type, 0);
      if (md) {
        md->d_type = t;
        md->def = m;
      }
      if (dict_add_new(vm, d, m->name, (Object *)md) < 0) return -1;
    }
  }
  if (t->tp_getset) {
    for (const GetSetDef *g = t->tp_getset; g->name; g++) {
      GetSetDescrObject *gd = (GetSetDescrObject *)obj_alloc(vm, &vm->getset_descr_type, 0);
      if (gd) {
        gd->d_type = t;
        gd->def = g;
      }
      if (dict_add_new(vm, d, g->name, (Object *)gd) < 0) return -1;
    }
  }
  TypeObject *b = t->tp_base;
  for (const SlotDef *sd = slotdefs; sd->name; sd++) {
    if (!slot_present(t, sd)) continue;
    /* Show a wrapper only where this type's slot differs from its base's. */
    if (b && slot_present(b, sd)) {
      bool same;
      switch (sd->kind) {
      case SK_REPR: same = t->tp_repr == b->tp_repr; break;
      case SK_STR: same = t->tp_str == b->tp_str; break;
      case SK_HASH: same = t->tp_hash == b->tp_hash; break;
      case SK_CMP: same = t->tp_richcompare == b->tp_richcompare; break;
      case SK_BINOP: case SK_RBINOP: case SK_IBINOP: same = t->tp_binop == b->tp_binop; break;
      case SK_UNARY: same = t->tp_unaryop == b->tp_unaryop; break;
      case SK_BOOL: same = t->tp_bool == b->tp_bool; break;
      case SK_LEN: same = t->tp_len == b->tp_len; break;
      case SK_GETITEM: same = t->tp_getitem == b->tp_getitem; break;
      case SK_SETITEM: case SK_DELITEM: same = t->tp_setitem == b->tp_setitem; break;
      case SK_CONTAINS: same = t->tp_contains == b->tp_contains; break;
      case SK_ITER: same = t->tp_iter == b->tp_iter; break;
      case SK_NEXT: same = t->tp_iternext == b->tp_iternext; break;
      case SK_CALL: same = t->tp_call == b->tp_call; break;
      case SK_GETATTR: same = t->tp_getattro == b->tp_getattro; break;
      case SK_SETATTR: case SK_DELATTR: same = t->tp_setattro == b->tp_setattro; break;
      case SK_GET: same = t->tp_descr_get == b->tp_descr_get; break;
      case SK_SET: case SK_DELETE: same = t->tp_descr_set == b->tp_descr_set; break;
      case SK_INIT: same = t->tp_init == b->tp_init; break;
      default: same = false;
      }
      if (same) continue;
    }
    WrapperDescrObject *w = (WrapperDescrObject *)obj_alloc(vm, &vm->wrapper_descr_type, 0);
    if (w) {
      w->d_type = t;
      w->slot = sd;
    }
    if (dict_add_new(vm, d, sd->name, (Object *)w) < 0) return -1;
  }
  if (t->tp_new && (!b || t->tp_new != b->tp_new)) {
    if (dict_add_new(vm, d, "__new__", builtin_new(vm, &tp_new_def, (Object *)t)) < 0)
      return -1;
  }
  if (!t->tp_hash && t->tp_richcompare) {
    if (dict_add_new(vm, d, "__hash__", vm_none(vm)) < 0) return -1;
  }
  if (!dict_getitem_cstr(vm, d, "__doc__")) {
    Object *doc = t->tp_doc ? str_from_cstr(vm, t->tp_doc) : vm_none(vm);
    if (dict_add_new(vm, d, "__doc__", doc) < 0) return -1;
  }
  return 0;
}

int type_ready(VM *vm, TypeObject *t) {
  if (t->tp_flags & TYPE_FLAG_READY) return 0;
  TypeObject *b = t->tp_base;
  if (b && type_ready(vm, b) < 0) return -1;
  t->tp_flags |= builtin_subclass_flag(vm, t);
  if (b) inherit_slots(vm, t, b);
  if (!t->tp_dict && !(t->tp_dict = dict_new(vm))) return -1;
  if (!t->tp_bases) {
    t->tp_bases = b ? tuple_pack(vm, 1, (Object *)b) : obj_newref(vm->empty_tuple);
    if (!t->tp_bases) return -1;
  }
  if (!t->tp_mro) {
    ssize_t nb = b ? TUPLE_SIZE(b->tp_mro) : 0;
    Object *mro = tuple_alloc(vm, nb + 1);
    if (!mro) return -1;
    TUPLE_ITEMS(mro)[0] = obj_newref((Object *)t);
    for (ssize_t i = 0; i < nb; i++) TUPLE_ITEMS(mro)[i + 1] = obj_newref(TUPLE_ITEMS(b->tp_mro)[i]);
    t->tp_mro = mro;
  }
  if (!t->ht_name && !(t->ht_name = short_name(vm, t->tp_name))) return -1;
  if (!t->ht_qualname) t->ht_qualname = obj_newref(t->ht_name);
  if (add_descriptors(vm, t) < 0) return -1;
  t->tp_flags |= TYPE_FLAG_READY;
  return 0;
}

/* ---- object ------------------------------------------------------------------------ */

static bool excess_args(size_t nargs, Object *kwnames) {
  return nargs || (kwnames && TUPLE_SIZE(kwnames));
}

static int object_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kwnames);

static Object *object_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                          Object *kwnames) {
  if (excess_args(nargs, kwnames)) {
    if (type->tp_new != object_new)
      return exc_set(vm, &vm->exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (type->tp_init == object_init)
      return exc_set(vm, &vm->exc_TypeError, "%s() takes no arguments", type_name(type));
  }
  if (!(type->tp_flags & TYPE_FLAG_HEAPTYPE) && type != &vm->object_type)
    return exc_set(vm, &vm->exc_TypeError, "cannot create '%s' instances", type_name(type));
  Object *o = obj_alloc(vm, type, 0);
  if (o && (type->tp_flags & TYPE_FLAG_GC)) gc_track(vm, o);
  return o;
}

static int object_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kwnames) {
  TypeObject *type = obj_type(vm, self);
  if (excess_args(nargs, kwnames)) {
    if (type->tp_init != object_init) {
      exc_set(vm, &vm->exc_TypeError,
              "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->tp_new == object_new) {
      exc_set(vm, &vm->exc_TypeError,
              "%s.__init__() takes exactly one argument (the instance to initialize)",
              type_name(type));
      return -1;
    }
  }
  return 0;
}

static void object_dealloc(VM *vm, Object *self) {
  obj_free(vm, self, obj_type(vm, self)->tp_basicsize);
}

static Object *object_repr(VM *vm, Object *self) {
  TypeObject *t = obj_type(vm, self);
  Object *mod = t->ht_module;
  if (mod && STR_CHECK(vm, mod) && !str_eq_cstr(mod, "builtins"))
    return str_from_format(vm, "<%U.%U object at %p>", mod, t->ht_qualname, (void *)self);
  return str_from_format(vm, "<%s object at %p>", type_name(t), (void *)self);
}

static Object *object_str(VM *vm, Object *self) {
  TypeObject *t = obj_type(vm, self);
  return t->tp_repr ? t->tp_repr(vm, self) : object_repr(vm, self);
}

static int64_t object_hash(VM *vm, Object *self) {
  uint64_t p = (uint64_t)(uintptr_t)self;
  int64_t h = (int64_t)((p >> 4) | (p << 60));
  return h == -1 ? -2 : h;
}

static Object *object_richcompare(VM *vm, Object *a, Object *b, int op) {
  if (op == CMP_EQ) return a == b ? vm_bool(vm, true) : obj_newref(VM_NOTIMPL(vm));
  if (op == CMP_NE) {
    /* By default, != inverts == unless == is NotImplemented. */
    TypeObject *t = obj_type(vm, a);
    if (!t->tp_richcompare) return obj_newref(VM_NOTIMPL(vm));
    Object *r = t->tp_richcompare(vm, a, b, CMP_EQ);
    if (!r || r == VM_NOTIMPL(vm)) return r;
    int v = obj_is_true(vm, r);
    obj_decref(vm, r);
    return v < 0 ? NULL : vm_bool(vm, !v);
  }
  return obj_newref(VM_NOTIMPL(vm));
}

static Object *object_format(VM *vm, Object *self, Object *const *args, size_t nargs,
                             Object *kwnames) {
  if (nargs != 1 || !STR_CHECK(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "format() argument 2 must be str, not %s",
                   nargs ? type_name(obj_type(vm, args[0])) : "nothing");
  if (str_length(args[0]) > 0)
    return exc_set(vm, &vm->exc_TypeError, "unsupported format string passed to %s.__format__",
                   type_name(obj_type(vm, self)));
  return obj_str(vm, self);
}

static Object *object_get_class(VM *vm, Object *self, void *c) {
  return obj_newref((Object *)obj_type(vm, self));
}

static TypeObject *solid_base(TypeObject *t);

/* Same __slots__ names in the same order (both lists are sorted at class creation). */
static bool same_members(TypeObject *a, TypeObject *b) {
  HeapTypeObject *x = (HeapTypeObject *)a, *y = (HeapTypeObject *)b;
  if (x->nmembers != y->nmembers) return false;
  for (size_t i = 0; i < x->nmembers; i++)
    if (strcmp(x->members[i].name, y->members[i].name) != 0) return false;
  return true;
}

/* Can an object laid out for oldto be treated as a newto (CPython's
   compatible_for_assignment)? False with TypeError. */
static bool compatible_for_assignment(VM *vm, TypeObject *oldto, TypeObject *newto,
                                      const char *attr) {
  if ((oldto->tp_flags ^ newto->tp_flags) & TYPE_FLAG_GC) {
    exc_set(vm, &vm->exc_TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr,
            type_name(newto), type_name(oldto));
    return false;
  }
  TypeObject *ns = solid_base(newto), *os = solid_base(oldto);
  bool same = ns == os ||
              ((ns->tp_flags & os->tp_flags & TYPE_FLAG_HEAPTYPE) && ns->tp_base == os->tp_base &&
               same_members(ns, os));
  if (!same || newto->tp_dictoffset != oldto->tp_dictoffset) {
    exc_set(vm, &vm->exc_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr,
            type_name(newto), type_name(oldto));
    return false;
  }
  return true;
}

static int object_set_class(VM *vm, Object *self, Object *value, void *c) {
  if (!value) {
    exc_set(vm, &vm->exc_TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!TYPE_CHECK(vm, value)) {
    exc_set(vm, &vm->exc_TypeError, "__class__ must be set to a class, not '%s' object",
            type_name(obj_type(vm, value)));
    return -1;
  }
  TypeObject *old = obj_type(vm, self), *nt = (TypeObject *)value;
  if (!(old->tp_flags & TYPE_FLAG_HEAPTYPE) || !(nt->tp_flags & TYPE_FLAG_HEAPTYPE)) {
    exc_set(vm, &vm->exc_TypeError,
            "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!compatible_for_assignment(vm, old, nt, "__class__")) return -1;
  /* inline values are keyed by the old class's keys */
  if (values_offset(old) && *values_ptr(old, self) && !type_instance_dict(vm, self)) return -1;
  obj_incref(value);
  self->ob_type = nt;
  obj_decref(vm, (Object *)old);
  return 0;
}

static Object *object_dir(VM *vm, Object *self, Object *const *args, size_t nargs,
                          Object *kwnames) {
  Object *names = dict_new(vm);
  if (!names) return NULL;
  Object *d = NULL;
  ssize_t off = obj_is_small(self) ? 0 : obj_type(vm, self)->tp_dictoffset;
  if (off && values_offset(obj_type(vm, self)) && !type_instance_dict(vm, self)) goto fail;
  if (off && (d = *(Object **)((char *)self + off)) && dict_merge(vm, names, d, 1) < 0) goto fail;
  Object *mro = obj_type(vm, self)->tp_mro;
  for (ssize_t i = 0; i < TUPLE_SIZE(mro); i++)
    if (dict_merge(vm, names, ((TypeObject *)TUPLE_ITEMS(mro)[i])->tp_dict, 1) < 0) goto fail;
  Object *r = dict_keys_list(vm, names);
  obj_decref(vm, names);
  return r;
fail:
  obj_decref(vm, names);
  return NULL;
}

static Object *object_sizeof(VM *vm, Object *self, Object *const *args, size_t nargs,
                             Object *kwnames) {
  TypeObject *t = obj_type(vm, self);
  size_t n = t->tp_basicsize;
  if (!obj_is_small(self) && values_offset(t) && *values_ptr(t, self))
    n += iv_bytes((*values_ptr(t, self))->cap);   /* the instance's inline attributes */
  if (t->tp_itemsize && !obj_is_small(self))
    n += (size_t)(((VarObject *)self)->ob_size < 0 ? -((VarObject *)self)->ob_size
                                                   : ((VarObject *)self)->ob_size) * t->tp_itemsize;
  return int_from_i64(vm, (int64_t)n);
}

static Object *object_init_subclass(VM *vm, Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
  if (nargs || (kwnames && TUPLE_SIZE(kwnames)))
    return exc_set(vm, &vm->exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                   type_name((TypeObject *)self));
  return vm_none(vm);
}

static Object *object_reduce_ex(VM *vm, Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
  return exc_set(vm, &vm->exc_TypeError, "cannot pickle '%s' object", type_name(obj_type(vm, self)));
}

static Object *object_getstate(VM *vm, Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
  ssize_t off = obj_is_small(self) ? 0 : obj_type(vm, self)->tp_dictoffset;
  if (off) return obj_getattr(vm, self, vm->id.__dict__);
  return vm_none(vm);
}

static Object *object_subclasshook(VM *vm, Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
  return obj_newref(VM_NOTIMPL(vm));
}

static const MethodDef object_methods[] = {
  {"__format__", object_format, METH_VARARGS, "Default object formatter."},
  {"__dir__", object_dir, METH_NOARGS, "Default dir() implementation."},
  {"__sizeof__", object_sizeof, METH_NOARGS, "Size of object in memory, in bytes."},
  {"__init_subclass__", object_init_subclass, METH_CLASS | METH_VARARGS,
   "This method is called when a class is subclassed."},
  {"__reduce_ex__", object_reduce_ex, METH_VARARGS, "Helper for pickle."},
  {"__reduce__", object_reduce_ex, METH_NOARGS, "Helper for pickle."},
  {"__getstate__", object_getstate, METH_NOARGS, "Helper for pickle."},
  {"__subclasshook__", object_subclasshook, METH_CLASS | METH_VARARGS,
   "Abstract classes can override this to customize issubclass()."},
  {NULL, NULL, 0, NULL},
};

static const GetSetDef object_getset[] = {
  {"__class__", object_get_class, object_set_class, NULL, NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

void object_type_init(VM *vm) {
  TypeObject *t = &vm->object_type;
  type_init_builtin(vm, t, "object", NULL, sizeof(Object), 0, TYPE_FLAG_BASETYPE);
  t->tp_new = object_new;
  t->tp_init = object_init;
  t->tp_dealloc = object_dealloc;
  t->tp_repr = object_repr;
  t->tp_str = object_str;
  t->tp_hash = object_hash;
  t->tp_richcompare = object_richcompare;
  t->tp_getattro = obj_generic_getattr;
  t->tp_setattro = obj_generic_setattr;
  t->tp_methods = object_methods;
  t->tp_getset = object_getset;
  t->tp_doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments "
              "and returns a new featureless\ninstance that has no instance attributes and "
              "cannot be given any.\n";
}

/* ---- classes: the slot functions that call dunders ---------------------------------- */

/* Look a dunder up on the instance's type and call it bound to self. *found is set to
   false (and NULL returned without an exception) when the type has no such attribute.
   New reference. */
static Object *call_dunder(VM *vm, Object *self, Object *name, Object *const *args,
                           size_t nargs, bool *found) {
  Object *f = type_lookup(vm, obj_type(vm, self), name);
  if (!f) {
    if (found) *found = false;
    return NULL;
  }
  if (found) *found = true;
  obj_incref(f);
  Object *r;
  TypeObject *ft = obj_type(vm, f);
  if (ft == &vm->function_type) {
    /* Fast path: plain function, call with self prepended and no bound method. */
    Object *argv[8];
    if (nargs < 7) {
      argv[0] = self;
      for (size_t i = 0; i < nargs; i++) argv[i + 1] = args[i];
      r = obj_call(vm, f, argv, nargs + 1, NULL);
      obj_decref(vm, f);
      return r;
    }
  }
  Object *bound = f;
  if (ft->tp_descr_get) {
    bound = ft->tp_descr_get(vm, f, self, (Object *)obj_type(vm, self));
    obj_decref(vm, f);
    if (!bound) return NULL;
  }
  r = obj_call(vm, bound, args, nargs, NULL);
  obj_decref(vm, bound);
  return r;
}

static Object *slot_repr(VM *vm, Object *self) {
  bool found;
  Object *r = call_dunder(vm, self, vm->id.__repr__, NULL, 0, &found);
  return found ? r : object_repr(vm, self);
}

static Object *slot_str(VM *vm, Object *self) {
  bool found;
  Object *r = call_dunder(vm, self, vm->id.__str__, NULL, 0, &found);
  return found ? r : obj_repr(vm, self);
}

static int64_t slot_hash(VM *vm, Object *self) {
  Object *f = type_lookup(vm, obj_type(vm, self), vm->id.__hash__);
  if (!f || f == VM_NONE(vm)) {
    exc_set(vm, &vm->exc_TypeError, "unhashable type: '%s'", type_name(obj_type(vm, self)));
    return -1;
  }
  Object *r = call_dunder(vm, self, vm->id.__hash__, NULL, 0, NULL);
  if (!r) return -1;
  if (!INT_CHECK(vm, r)) {
    exc_set(vm, &vm->exc_TypeError, "__hash__ method should return an integer");
    obj_decref(vm, r);
    return -1;
  }
  int64_t h;
  if (int_as_i64(vm, r, &h) < 0) {   /* big: reduce like CPython (hash of the int) */
    exc_clear(vm);
    h = int_hash(vm, r);
  }
  obj_decref(vm, r);
  return h == -1 ? -2 : h;
}

static Object *cmp_name(VM *vm, int op) {
  switch (op) {
  case CMP_LT: return vm->id.__lt__;
  case CMP_LE: return vm->id.__le__;
  case CMP_EQ: return vm->id.__eq__;
  case CMP_NE: return vm->id.__ne__;
  case CMP_GT: return vm->id.__gt__;
  default: return vm->id.__ge__;
  }
}

static Object *slot_richcompare(VM *vm, Object *a, Object *b, int op) {
  bool found;
  Object *r = call_dunder(vm, a, cmp_name(vm, op), &b, 1, &found);
  if (!found) return obj_newref(VM_NOTIMPL(vm));
  return r;
}

static const char *const binop_names[BINOP_COUNT] = {
  "add", "sub", "mul", "matmul", "truediv", "mod", "pow", "lshift", "rshift", "or", "xor",
  "and", "floordiv",
};

/* Interned "__add__" / "__radd__" / "__iadd__" for op. New reference. */
static Object *binop_dunder(VM *vm, int op, char prefix) {
  char buf[32];
  if (prefix) snprintf(buf, sizeof buf, "__%c%s__", prefix, binop_names[op]);
  else snprintf(buf, sizeof buf, "__%s__", binop_names[op]);
  return str_intern_cstr(vm, buf);
}

static Object *slot_binop(VM *vm, Object *a, Object *b, int op);

/* CPython's SLOT1BINFULL: a's __op__ unless b's class is a subclass that overrides
   __rop__, in which case that goes first. */
static Object *slot_binop(VM *vm, Object *a, Object *b, int op) {
  if (op & BINOP_INPLACE) {
    Object *name = binop_dunder(vm, op & ~BINOP_INPLACE, 'i');
    if (!name) return NULL;
    bool found;
    Object *r = call_dunder(vm, a, name, &b, 1, &found);
    obj_decref(vm, name);
    return found ? r : obj_newref(VM_NOTIMPL(vm));
  }
  TypeObject *ta = obj_type(vm, a), *tb = obj_type(vm, b);
  bool do_a = ta->tp_binop == slot_binop;
  bool do_b = tb != ta && tb->tp_binop == slot_binop;
  Object *name = binop_dunder(vm, op, 0), *rname = binop_dunder(vm, op, 'r');
  Object *r = NULL;
  bool found;
  if (!name || !rname) goto done;
  if (do_a) {
    if (do_b && type_is_subtype(tb, ta)) {
      Object *rb = type_lookup(vm, tb, rname), *ra = type_lookup(vm, ta, rname);
      if (rb && rb != ra) {
        r = call_dunder(vm, b, rname, &a, 1, &found);
        if (!found) r = obj_newref(VM_NOTIMPL(vm));
        if (r != VM_NOTIMPL(vm)) goto done;
        obj_decref(vm, r);
        do_b = false;
      }
    }
    r = call_dunder(vm, a, name, &b, 1, &found);
    if (!found) r = obj_newref(VM_NOTIMPL(vm));
    if (r != VM_NOTIMPL(vm) || tb == ta) goto done;
    obj_decref(vm, r);
  }
  if (do_b) {
    r = call_dunder(vm, b, rname, &a, 1, &found);
    if (!found) r = obj_newref(VM_NOTIMPL(vm));
    goto done;
  }
  r = obj_newref(VM_NOTIMPL(vm));
done:
  obj_xdecref(vm, name);
  obj_xdecref(vm, rname);
  return r;
}

static Object *slot_ternpow(VM *vm, Object *a, Object *b, Object *mod) {
  Object *name = binop_dunder(vm, BINOP_POW, 0);
  if (!name) return NULL;
  Object *args[2] = {b, mod};
  bool found;
  Object *r = call_dunder(vm, a, name, args, 2, &found);
  obj_decref(vm, name);
  return found ? r : obj_newref(VM_NOTIMPL(vm));
}

static Object *slot_unaryop(VM *vm, Object *self, int op) {
  Object *name;
  switch (op) {
  case UNARY_NEG: name = vm->id.__neg__; break;
  case UNARY_POS: name = vm->id.__pos__; break;
  case UNARY_INVERT: name = vm->id.__invert__; break;
  case UNARY_INDEX: name = vm->id.__index__; break;
  case UNARY_INT: name = vm->id.__int__; break;
  case UNARY_FLOAT: name = vm->id.__float__; break;
  default: name = vm->id.__abs__; break;
  }
  bool found;
  Object *r = call_dunder(vm, self, name, NULL, 0, &found);
  if (!found) {
    /* Fall back to a built-in base's implementation (class MyInt(int)). */
    for (TypeObject *t = obj_type(vm, self)->tp_base; t; t = t->tp_base)
      if (!(t->tp_flags & TYPE_FLAG_HEAPTYPE))
        return t->tp_unaryop ? t->tp_unaryop(vm, self, op) : obj_newref(VM_NOTIMPL(vm));
    return obj_newref(VM_NOTIMPL(vm));
  }
  if (r && op == UNARY_INDEX && !INT_CHECK(vm, r)) {
    exc_set(vm, &vm->exc_TypeError, "__index__ returned non-int (type %s)",
            type_name(obj_type(vm, r)));
    obj_decref(vm, r);
    return NULL;
  }
  if (r && op == UNARY_INT && !INT_CHECK(vm, r)) {
    exc_set(vm, &vm->exc_TypeError, "__int__ returned non-int (type %s)",
            type_name(obj_type(vm, r)));
    obj_decref(vm, r);
    return NULL;
  }
  return r;
}

static int slot_bool(VM *vm, Object *self) {
  bool found;
  Object *r = call_dunder(vm, self, vm->id.__bool__, NULL, 0, &found);
  if (found) {
    if (!r) return -1;
    if (!BOOL_CHECK(vm, r)) {
      exc_set(vm, &vm->exc_TypeError, "__bool__ should return bool, returned %s",
              type_name(obj_type(vm, r)));
      obj_decref(vm, r);
      return -1;
    }
    int v = r == vm->true_obj;
    obj_decref(vm, r);
    return v;
  }
  r = call_dunder(vm, self, vm->id.__len__, NULL, 0, &found);
  if (!found) return 1;
  if (!r) return -1;
  int err;
  ssize_t n = obj_as_index(vm, r, &err);
  obj_decref(vm, r);
  if (err) return -1;
  if (n < 0) {
    exc_set(vm, &vm->exc_ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n > 0;
}

static ssize_t slot_len(VM *vm, Object *self) {
  Object *r = call_dunder(vm, self, vm->id.__len__, NULL, 0, NULL);
  if (!r) return -1;
  if (!INT_CHECK(vm, r)) {
    exc_set(vm, &vm->exc_TypeError, "'%s' object cannot be interpreted as an integer",
            type_name(obj_type(vm, r)));
    obj_decref(vm, r);
    return -1;
  }
  int err;
  ssize_t n = obj_as_index(vm, r, &err);
  obj_decref(vm, r);
  if (err) {
    if (exc_matches(vm, &vm->exc_IndexError)) {
      exc_clear(vm);
      exc_set(vm, &vm->exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    return -1;
  }
  if (n < 0) {
    exc_set(vm, &vm->exc_ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

static Object *slot_getitem(VM *vm, Object *self, Object *key) {
  return call_dunder(vm, self, vm->id.__getitem__, &key, 1, NULL);
}

static int slot_setitem(VM *vm, Object *self, Object *key, Object *value) {
  bool found;
  Object *r;
  if (value) {
    Object *args[2] = {key, value};
    r = call_dunder(vm, self, vm->id.__setitem__, args, 2, &found);
    if (!found) {
      exc_set(vm, &vm->exc_AttributeError, "__setitem__");
      return -1;
    }
  } else {
    r = call_dunder(vm, self, vm->id.__delitem__, &key, 1, &found);
    if (!found) {
      exc_set(vm, &vm->exc_AttributeError, "__delitem__");
      return -1;
    }
  }
  if (!r) return -1;
  obj_decref(vm, r);
  return 0;
}

static int slot_contains(VM *vm, Object *self, Object *item) {
  bool found;
  Object *r = call_dunder(vm, self, vm->id.__contains__, &item, 1, &found);
  if (found) {
    if (!r) return -1;
    int v = obj_is_true(vm, r);
    obj_decref(vm, r);
    return v;
  }
  /* No __contains__: iterate (obj_contains's fallback) */
  Object *it = obj_iter(vm, self);
  if (!it) return -1;
  int res = 0;
  Object *x;
  while ((x = obj_next(vm, it))) {
    res = obj_richcompare_bool(vm, x, item, CMP_EQ);
    obj_decref(vm, x);
    if (res) break;
  }
  obj_decref(vm, it);
  if (!res && exc_occurred(vm)) return -1;
  return res;
}

static Object *slot_iter(VM *vm, Object *self) {
  Object *f = type_lookup(vm, obj_type(vm, self), vm->id.__iter__);
  if (f == VM_NONE(vm))
    return exc_set(vm, &vm->exc_TypeError, "'%s' object is not iterable",
                   type_name(obj_type(vm, self)));
  bool found;
  Object *r = call_dunder(vm, self, vm->id.__iter__, NULL, 0, &found);
  if (!found) {
    if (type_lookup(vm, obj_type(vm, self), vm->id.__getitem__)) {
      /* Sequence protocol: let obj_iter build a seq_iter. */
      TypeObject *t = obj_type(vm, self);
      Object *(*saved)(VM *, Object *) = t->tp_iter;
      t->tp_iter = NULL;
      Object *it = obj_iter(vm, self);
      t->tp_iter = saved;
      return it;
    }
    return exc_set(vm, &vm->exc_TypeError, "'%s' object is not iterable",
                   type_name(obj_type(vm, self)));
  }
  if (r && !obj_type(vm, r)->tp_iternext) {
    exc_set(vm, &vm->exc_TypeError, "iter() returned non-iterator of type '%s'",
            type_name(obj_type(vm, r)));
    obj_decref(vm, r);
    return NULL;
  }
  return r;
}

static Object *slot_iternext(VM *vm, Object *self) {
  Object *r = call_dunder(vm, self, vm->id.__next__, NULL, 0, NULL);
  if (!r && exc_matches(vm, &vm->exc_StopIteration)) {
    /* Keep the StopIteration: obj_next clears it; generators' yield from reads it. */
  }
  return r;
}

static Object *slot_call(VM *vm, Object *self, Object *const *args, size_t nargs,
                         Object *kwnames) {
  Object *f = type_lookup(vm, obj_type(vm, self), vm->id.__call__);
  if (!f)
    return exc_set(vm, &vm->exc_TypeError, "'%s' object is not callable",
                   type_name(obj_type(vm, self)));
  obj_incref(f);
  Object *bound = f;
  TypeObject *ft = obj_type(vm, f);
  if (ft->tp_descr_get) {
    bound = ft->tp_descr_get(vm, f, self, (Object *)obj_type(vm, self));
    obj_decref(vm, f);
    if (!bound) return NULL;
  }
  Object *r = obj_call(vm, bound, args, nargs, kwnames);
  obj_decref(vm, bound);
  return r;
}

/* __getattribute__ / __getattr__: the generic lookup (or the class's own
   __getattribute__), then __getattr__ on AttributeError. */
static Object *slot_getattro(VM *vm, Object *self, Object *name) {
  TypeObject *t = obj_type(vm, self);
  Object *ga = type_lookup(vm, t, vm->id.__getattribute__);
  Object *r;
  if (ga && obj_type(vm, ga) == &vm->function_type) {
    r = call_dunder(vm, self, vm->id.__getattribute__, &name, 1, NULL);
  } else {
    /* Nearest built-in base's getattro (object's generic one, or e.g. type's). */
    TypeObject *b = t;
    while (b && (b->tp_flags & TYPE_FLAG_HEAPTYPE)) b = b->tp_base;
    r = b && b->tp_getattro ? b->tp_getattro(vm, self, name) : obj_generic_getattr(vm, self, name);
  }
  if (r || !exc_matches(vm, &vm->exc_AttributeError)) return r;
  if (!type_lookup(vm, t, vm->id.__getattr__)) return NULL;
  exc_clear(vm);
  return call_dunder(vm, self, vm->id.__getattr__, &name, 1, NULL);
}

static int slot_setattro(VM *vm, Object *self, Object *name, Object *value) {
  Object *f = type_lookup(vm, obj_type(vm, self), value ? vm->id.__setattr__ : vm->id.__delattr__);
  if (!f || obj_type(vm, f) != &vm->function_type) {
    TypeObject *b = obj_type(vm, self);
    while (b && (b->tp_flags & TYPE_FLAG_HEAPTYPE)) b = b->tp_base;
    return b && b->tp_setattro ? b->tp_setattro(vm, self, name, value)
                               : obj_generic_setattr(vm, self, name, value);
  }
  Object *r;
  if (value) {
    Object *args[2] = {name, value};
    r = call_dunder(vm, self, vm->id.__setattr__, args, 2, NULL);
  } else {
    r = call_dunder(vm, self, vm->id.__delattr__, &name, 1, NULL);
  }
  if (!r) return -1;
  obj_decref(vm, r);
  return 0;
}

static Object *slot_descr_get(VM *vm, Object *self, Object *obj, Object *type) {
  Object *args[2] = {obj ? obj : VM_NONE(vm), type ? type : VM_NONE(vm)};
  return call_dunder(vm, self, vm->id.__get__, args, 2, NULL);
}

static int slot_descr_set(VM *vm, Object *self, Object *obj, Object *value) {
  Object *r;
  bool found;
  if (value) {
    Object *args[2] = {obj, value};
    r = call_dunder(vm, self, vm->id.__set__, args, 2, &found);
  } else {
    r = call_dunder(vm, self, vm->id.__delete__, &obj, 1, &found);
  }
  if (!found) {
    exc_set(vm, &vm->exc_AttributeError, value ? "__set__" : "__delete__");
    return -1;
  }
  if (!r) return -1;
  obj_decref(vm, r);
  return 0;
}

static int slot_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kwnames) {
  Object *f = type_lookup(vm, obj_type(vm, self), vm->id.__init__);
  if (!f) return 0;
  obj_incref(f);
  Object *r;
  if (obj_type(vm, f) == &vm->function_type) {
    size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
    size_t total = nargs + nkw + 1;
    Object *small[16];
    Object **argv = total <= 16 ? small : heap_alloc(vm, total * sizeof(Object *));
    if (!argv) {
      obj_decref(vm, f);
      return -1;
    }
    argv[0] = self;
    memcpy(argv + 1, args, (nargs + nkw) * sizeof(Object *));
    r = obj_call(vm, f, argv, nargs + 1, kwnames);
    if (argv != small) heap_free(vm, argv, total * sizeof(Object *));
  } else {
    Object *bound = obj_type(vm, f)->tp_descr_get
                        ? obj_type(vm, f)->tp_descr_get(vm, f, self, (Object *)obj_type(vm, self))
                        : obj_newref(f);
    r = bound ? obj_call(vm, bound, args, nargs, kwnames) : NULL;
    obj_xdecref(vm, bound);
  }
  obj_decref(vm, f);
  if (!r) return -1;
  if (r != VM_NONE(vm)) {
    exc_set(vm, &vm->exc_TypeError, "__init__() should return None, not '%s'",
            type_name(obj_type(vm, r)));
    obj_decref(vm, r);
    return -1;
  }
  obj_decref(vm, r);
  return 0;
}

static Object *slot_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                        Object *kwnames) {
  Object *f = type_lookup(vm, type, vm->id.__new__);
  if (!f) return exc_set(vm, &vm->exc_TypeError, "cannot create '%s' instances", type_name(type));
  obj_incref(f);
  /* __new__ is a staticmethod: unwrap to its function. */
  Object *fn = f;
  if (obj_type(vm, f)->tp_descr_get) {
    fn = obj_type(vm, f)->tp_descr_get(vm, f, NULL, (Object *)type);
    obj_decref(vm, f);
    if (!fn) return NULL;
  }
  size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
  size_t total = nargs + nkw + 1;
  Object *small[16];
  Object **argv = total <= 16 ? small : heap_alloc(vm, total * sizeof(Object *));
  if (!argv) {
    obj_decref(vm, fn);
    return NULL;
  }
  argv[0] = (Object *)type;
  memcpy(argv + 1, args, (nargs + nkw) * sizeof(Object *));
  Object *r = obj_call(vm, fn, argv, nargs + 1, kwnames);
  if (argv != small) heap_free(vm, argv, total * sizeof(Object *));
  obj_decref(vm, fn);
  return r;
}

/* __del__: exceptions are reported as "Exception ignored in: ..." and swallowed. */
static void slot_finalize(VM *vm, Object *self) {
  Object *saved = exc_fetch(vm);
  bool found;
  Object *r = call_dunder(vm, self, vm->id.__del__, NULL, 0, &found);
  if (r) {
    obj_decref(vm, r);
  } else if (found) {
    /* CPython names the __del__ function, not the object, in the report. */
    Object *f = type_lookup(vm, obj_type(vm, self), vm->id.__del__);
    exc_write_unraisable(vm, "Exception ignored in", f ? f : self);
  }
  exc_restore(vm, saved);
}

/* Whether a class (heap type) along t's MRO defines name before any built-in does. */
static bool has_dunder(VM *vm, TypeObject *t, Object *name) {
  Object *mro = t->tp_mro;
  for (ssize_t i = 0; i < TUPLE_SIZE(mro); i++) {
    TypeObject *m = (TypeObject *)TUPLE_ITEMS(mro)[i];
    if (!m->tp_dict) continue;
    if (dict_getitem_str(vm, m->tp_dict, name))
      return (m->tp_flags & TYPE_FLAG_HEAPTYPE) != 0;
  }
  return false;
}

/* Point t's slots at the slot_* functions for the dunders its MRO defines in classes,
   keeping a built-in base's C slot where no class overrides it. */
static void fixup_slots(VM *vm, TypeObject *t) {
  TypeObject *b = t->tp_base;
#define DEF(n) (has_dunder(vm, t, vm->id.n))
#define SET(slot, fn, cond) t->slot = (cond) ? fn : b->slot
  SET(tp_repr, slot_repr, DEF(__repr__));
  SET(tp_str, slot_str, DEF(__str__));
  SET(tp_hash, slot_hash, DEF(__hash__));
  SET(tp_richcompare, slot_richcompare,
      DEF(__eq__) || DEF(__ne__) || DEF(__lt__) || DEF(__le__) || DEF(__gt__) || DEF(__ge__));
  bool anybin = false;
  for (int op = 0; op < BINOP_COUNT && !anybin; op++) {
    for (int k = 0; k < 3 && !anybin; k++) {
      Object *n = binop_dunder(vm, op, k == 0 ? 0 : k == 1 ? 'r' : 'i');
      if (n) {
        anybin = has_dunder(vm, t, n);
        obj_decref(vm, n);
      }
    }
  }
  SET(tp_binop, slot_binop, anybin);
  Object *pow_name = binop_dunder(vm, BINOP_POW, 0);
  SET(tp_ternpow, slot_ternpow, pow_name && has_dunder(vm, t, pow_name));
  obj_xdecref(vm, pow_name);
  SET(tp_unaryop, slot_unaryop,
      DEF(__neg__) || DEF(__pos__) || DEF(__invert__) || DEF(__index__) || DEF(__int__) ||
      DEF(__float__) || DEF(__abs__));
  SET(tp_bool, slot_bool, DEF(__bool__) || DEF(__len__));
  SET(tp_len, slot_len, DEF(__len__));
  SET(tp_getitem, slot_getitem, DEF(__getitem__));
  SET(tp_setitem, slot_setitem, DEF(__setitem__) || DEF(__delitem__));
  SET(tp_contains, slot_contains, DEF(__contains__));
  SET(tp_iter, slot_iter, DEF(__iter__));
  SET(tp_iternext, slot_iternext, DEF(__next__));
  SET(tp_call, slot_call, DEF(__call__));
  SET(tp_getattro, slot_getattro, DEF(__getattribute__) || DEF(__getattr__));
  SET(tp_setattro, slot_setattro, DEF(__setattr__) || DEF(__delattr__));
  SET(tp_descr_get, slot_descr_get, DEF(__get__));
  SET(tp_descr_set, slot_descr_set, DEF(__set__) || DEF(__delete__));
  SET(tp_init, slot_init, DEF(__init__));
  SET(tp_new, slot_new, DEF(__new__));
  SET(tp_finalize, slot_finalize, DEF(__del__));
  if (t->tp_richcompare == slot_richcompare && !DEF(__hash__) && t->tp_hash == slot_hash)
    t->tp_hash = NULL;
#undef SET
#undef DEF
  type_modified(vm, t);
}

/* ---- class instances -------------------------------------------------------------- */

static TypeObject *builtin_base(TypeObject *t) {
  while (t && (t->tp_flags & TYPE_FLAG_HEAPTYPE)) t = t->tp_base;
  return t;
}

/* ---- inline attribute values ------------------------------------------------------- */

/* A class that adds a __dict__ also reserves a second pointer after it: instances keep
   up to INLINE_MAX attributes in a small InlineValues block instead of a dict, keyed by
   an index into the class's `keys` (CPython 3.11's key-sharing idea, simplified). A
   2-attribute instance then costs 32 + 24 bytes instead of 24 + 72 + 128 for a dict.
   The dict pointer stays NULL until something needs a real dict (__dict__, vars(),
   dir(), a 7th attribute, a non-interned name, __class__ assignment): then the values
   move into a dict in insertion order and the block is freed; from then on only the
   dict is used. Invariant: never both a dict and a block.
   The VM's LOAD_METHOD fast path looks only at the dict for instance attributes that
   shadow a class function, so such names are never stored inline, and assigning a
   function to a class materializes the dicts of instances holding that name inline. */


static void iv_free(VM *vm, InlineValues **vp) {
  InlineValues *iv = *vp;
  if (!iv) return;
  *vp = NULL;
  for (size_t i = 0; i < iv->n; i++) obj_decref(vm, iv->v[i]);
  heap_free(vm, iv, iv_bytes(iv->cap));
}

/* Index of name in ht's keys, adding it when add is set; -1 when absent or full. */
static ssize_t key_index(VM *vm, HeapTypeObject *ht, Object *name, bool add) {
  for (size_t k = 0; k < ht->nkeys; k++)
    if (ht->keys[k] == name) return (ssize_t)k;
  if (!add || ht->nkeys == KEYS_MAX) return -1;
  if (ht->nkeys == ht->keys_cap) {
    size_t nc = ht->keys_cap ? ht->keys_cap * 2u : 4u;
    Object **nk = heap_realloc(vm, ht->keys, ht->keys_cap * sizeof(Object *), nc * sizeof(Object *));
    if (!nk) {
      exc_clear(vm);   /* no room for the key: the caller falls back to a dict */
      return -1;
    }
    ht->keys = nk;
    ht->keys_cap = (uint8_t)nc;
  }
  ht->keys[ht->nkeys] = obj_newref(name);
  return ht->nkeys++;
}

static ssize_t iv_find(InlineValues *iv, ssize_t k) {
  if (iv)
    for (size_t i = 0; i < iv->n; i++)
      if (iv->order[i] == k) return (ssize_t)i;
  return -1;
}

Object *type_inline_get(VM *vm, Object *o, Object *name) {
  TypeObject *t = obj_type(vm, o);
  if (!values_offset(t)) return NULL;
  InlineValues *iv = *values_ptr(t, o);
  if (!iv) return NULL;
  ssize_t i = iv_find(iv, key_index(vm, (HeapTypeObject *)t, name, false));
  return i < 0 ? NULL : iv->v[i];
}

Object *type_instance_dict(VM *vm, Object *o) {
  TypeObject *t = obj_type(vm, o);
  Object **dp = (Object **)((char *)o + t->tp_dictoffset);
  if (*dp) return *dp;
  InlineValues *iv = values_offset(t) ? *values_ptr(t, o) : NULL;
  Object *d = dict_new_presized(vm, iv ? iv->n : 0);
  if (!d) return NULL;
  for (size_t i = 0; iv && i < iv->n; i++)
    if (dict_setitem(vm, d, ((HeapTypeObject *)t)->keys[iv->order[i]], iv->v[i]) < 0) {
      obj_decref(vm, d);
      return NULL;
    }
  if (iv) iv_free(vm, values_ptr(t, o));
  *dp = d;
  return d;
}

/* Could the VM's LOAD_METHOD fast path return a class attribute named name without
   looking at the instance? Then the instance must keep name in a real dict. */
static bool method_like(VM *vm, Object *v) {
  return v && (obj_type(vm, v) == &vm->function_type || obj_type(vm, v) == &vm->method_descr_type);
}

/* type_inline_set's fallback: store into (or delete from) o's real dict. */
static int dict_store(VM *vm, Object *o, Object *name, Object *value) {
  Object *d = type_instance_dict(vm, o);
  if (!d) return -1;
  if (value) return dict_setitem(vm, d, name, value);
  if (dict_delitem(vm, d, name) == 0) return 0;
  if (!exc_matches(vm, &vm->exc_KeyError)) return -1;
  exc_clear(vm);
  return 1;
}

int type_inline_set(VM *vm, Object *o, Object *name, Object *value) {
  TypeObject *t = obj_type(vm, o);
  HeapTypeObject *ht = (HeapTypeObject *)t;
  if (!values_offset(t)) return dict_store(vm, o, name, value);   /* e.g. Exception's */
  InlineValues **vp = values_ptr(t, o), *iv = *vp;
  bool ok = obj_type(vm, name) == &vm->str_type && ((StrObject *)name)->interned &&
            !(value && method_like(vm, type_lookup(vm, t, name)));
  ssize_t k = ok ? key_index(vm, ht, name, value != NULL) : -1;
  ssize_t i = iv_find(iv, k);
  if (!value) {
    if (!ok) goto dict;
    if (i < 0) return 1;
    Object *old = iv->v[i];
    iv->n--;
    memmove(iv->order + i, iv->order + i + 1, (size_t)(iv->n - i));
    memmove(iv->v + i, iv->v + i + 1, (size_t)(iv->n - i) * sizeof(Object *));
    obj_decref(vm, old);
    return 0;
  }
  if (k < 0) goto dict;
  if (i >= 0) {
    OBJ_SETREF(vm, iv->v[i], obj_newref(value));
    return 0;
  }
  size_t n = iv ? iv->n : 0;
  if (n == INLINE_MAX) goto dict;
  if (!iv || n == iv->cap) {
    size_t cap = n + 1 > ht->hint ? n + 1 : ht->hint;
    if (cap > INLINE_MAX) cap = INLINE_MAX;
    InlineValues *nv = heap_realloc(vm, iv, iv ? iv_bytes(iv->cap) : 0, iv_bytes(cap));
    if (!nv) return -1;
    if (!iv) nv->n = 0;
    nv->cap = (uint8_t)cap;
    *vp = iv = nv;
  }
  iv->order[n] = (uint8_t)k;
  iv->v[n] = obj_newref(value);
  iv->n++;
  if (iv->n > ht->hint) ht->hint = iv->n;
  return 0;
dict:
  return dict_store(vm, o, name, value);
}

/* A function named name was just stored in class t: instances of t (and subclasses)
   holding name inline move to a real dict, so LOAD_METHOD still sees them. Rare (a
   monkey-patched method whose name instances also use), so a heap scan is fine. */
static int unshadow_instances(VM *vm, TypeObject *t, Object *name) {
  for (size_t j = 0; j < vm->gc.count; j++) {
    Object *o = vm->gc.table[j];
    if (obj_is_small(o)) continue;
    TypeObject *ot = obj_type(vm, o);
    if (!values_offset(ot) || !type_is_subtype(ot, t) || !type_inline_get(vm, o, name)) continue;
    if (!type_instance_dict(vm, o)) return -1;
  }
  return 0;
}

static int subtype_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  TypeObject *t = obj_type(vm, self);
  int r = visit(vm, (Object *)t, arg);
  if (r) return r;
  for (TypeObject *h = t; h && (h->tp_flags & TYPE_FLAG_HEAPTYPE); h = h->tp_base) {
    HeapTypeObject *ht = (HeapTypeObject *)h;
    for (size_t i = 0; i < ht->nmembers; i++) {
      Object *v = *(Object **)((char *)self + ht->members[i].offset);
      if (v && (r = visit(vm, v, arg))) return r;
    }
  }
  if (t->tp_dictoffset) {
    Object *d = *(Object **)((char *)self + t->tp_dictoffset);
    if (d && (r = visit(vm, d, arg))) return r;
  }
  InlineValues *iv = values_offset(t) ? *values_ptr(t, self) : NULL;
  for (size_t i = 0; iv && i < iv->n; i++)
    if ((r = visit(vm, iv->v[i], arg))) return r;
  TypeObject *b = builtin_base(t);
  return b->tp_traverse ? b->tp_traverse(vm, self, visit, arg) : 0;
}

static void clear_own_fields(VM *vm, Object *self) {
  TypeObject *t = obj_type(vm, self);
  for (TypeObject *h = t; h && (h->tp_flags & TYPE_FLAG_HEAPTYPE); h = h->tp_base) {
    HeapTypeObject *ht = (HeapTypeObject *)h;
    for (size_t i = 0; i < ht->nmembers; i++)
      OBJ_CLEAR(vm, *(Object **)((char *)self + ht->members[i].offset));
  }
  if (t->tp_dictoffset && builtin_base(t)->tp_dictoffset != t->tp_dictoffset)
    OBJ_CLEAR(vm, *(Object **)((char *)self + t->tp_dictoffset));
  if (values_offset(t)) iv_free(vm, values_ptr(t, self));
}

static int subtype_clear(VM *vm, Object *self) {
  clear_own_fields(vm, self);
  TypeObject *b = builtin_base(obj_type(vm, self));
  return b->tp_clear ? b->tp_clear(vm, self) : 0;
}

static void subtype_dealloc(VM *vm, Object *self) {
  TypeObject *t = obj_type(vm, self);
  gc_untrack(vm, self);
  clear_own_fields(vm, self);
  TypeObject *b = builtin_base(t);
  if (b == &vm->object_type) obj_free(vm, self, t->tp_basicsize);
  else b->tp_dealloc(vm, self);   /* frees with the class's size (obj_free) */
}

static Object *subtype_get_dict(VM *vm, Object *self, void *c) {
  Object *d = type_instance_dict(vm, self);
  return d ? obj_newref(d) : NULL;
}

static int subtype_set_dict(VM *vm, Object *self, Object *value, void *c) {
  if (!value || !DICT_CHECK(vm, value)) {
    exc_set(vm, &vm->exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
            value ? type_name(obj_type(vm, value)) : "NoneType");
    return -1;
  }
  TypeObject *t = obj_type(vm, self);
  if (values_offset(t)) iv_free(vm, values_ptr(t, self));
  OBJ_SETREF(vm, *(Object **)((char *)self + t->tp_dictoffset), obj_newref(value));
  return 0;
}

static const GetSetDef subtype_dict_getset[] = {
  {"__dict__", subtype_get_dict, subtype_set_dict, NULL, NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

/* ---- MRO (C3 linearisation) ------------------------------------------------------- */

/* C3: repeatedly take the first head that appears in no other list's tail. New ref. */
static Object *mro_c3(VM *vm, TypeObject *t, Object *bases) {
  ssize_t nb = TUPLE_SIZE(bases);
  /* lists to merge: each base's MRO, then the bases themselves */
  ssize_t nl = nb + 1;
  Object **seqs = heap_alloc(vm, sizeof(Object *) * (size_t)nl);
  ssize_t *pos = heap_calloc(vm, sizeof(ssize_t) * (size_t)nl);
  Object *result = list_new(vm, 0);
  if (!seqs || !pos || !result) goto fail;
  for (ssize_t i = 0; i < nb; i++) seqs[i] = ((TypeObject *)TUPLE_ITEMS(bases)[i])->tp_mro;
  seqs[nb] = bases;
  if (list_append(vm, result, (Object *)t) < 0) goto fail;
  for (;;) {
    bool empty = true;
    Object *cand = NULL;
    for (ssize_t i = 0; i < nl; i++) {
      if (pos[i] >= TUPLE_SIZE(seqs[i])) continue;
      empty = false;
      Object *head = TUPLE_ITEMS(seqs[i])[pos[i]];
      bool in_tail = false;
      for (ssize_t j = 0; j < nl && !in_tail; j++)
        for (ssize_t k = pos[j] + 1; k < TUPLE_SIZE(seqs[j]); k++)
          if (TUPLE_ITEMS(seqs[j])[k] == head) {
            in_tail = true;
            break;
          }
      if (!in_tail) {
        cand = head;
        break;
      }
    }
    if (empty) break;
    if (!cand) {
      StrBuf b;
      strbuf_init(&b);
      strbuf_append_cstr(vm, &b, "Cannot create a consistent method resolution\norder (MRO) for bases");
      bool first = true;
      for (ssize_t i = 0; i < nb; i++) {
        if (pos[i] >= TUPLE_SIZE(seqs[i])) continue;
        /* CPython lists the remaining heads of the base lists */
        strbuf_append_cstr(vm, &b, first ? " " : ", ");
        strbuf_append_cstr(vm, &b, type_name((TypeObject *)TUPLE_ITEMS(seqs[i])[pos[i]]));
        first = false;
      }
      Object *msg = strbuf_finish(vm, &b);
      if (msg) {
        exc_set_obj(vm, &vm->exc_TypeError, msg);
        obj_decref(vm, msg);
      }
      goto fail;
    }
    if (list_append(vm, result, cand) < 0) goto fail;
    for (ssize_t i = 0; i < nl; i++)
      if (pos[i] < TUPLE_SIZE(seqs[i]) && TUPLE_ITEMS(seqs[i])[pos[i]] == cand) pos[i]++;
  }
  heap_free(vm, seqs, sizeof(Object *) * (size_t)nl);
  heap_free(vm, pos, sizeof(ssize_t) * (size_t)nl);
  Object *tup = list_as_tuple(vm, result);
  obj_decref(vm, result);
  return tup;
fail:
  if (seqs) heap_free(vm, seqs, sizeof(Object *) * (size_t)nl);
  if (pos) heap_free(vm, pos, sizeof(ssize_t) * (size_t)nl);
  obj_xdecref(vm, result);
  return NULL;
}

/* ---- class creation ----------------------------------------------------------------- */

/* The class that fixes an instance layout: the nearest class along the base chain
   that added __slots__ members, or the nearest built-in type (CPython's solid_base;
   a __dict__ pointer alone does not count, as in CPython's extra_ivars). */
static TypeObject *solid_base(TypeObject *t) {
  while ((t->tp_flags & TYPE_FLAG_HEAPTYPE) && ((HeapTypeObject *)t)->nmembers == 0)
    t = t->tp_base;
  return t;
}

/* The base whose layout the new class extends: the one with the largest built-in
   layout; the others must be layout-compatible with it. */
static TypeObject *best_base(VM *vm, Object *bases) {
  TypeObject *winner = NULL, *base = NULL;
  for (ssize_t i = 0; i < TUPLE_SIZE(bases); i++) {
    TypeObject *b = (TypeObject *)TUPLE_ITEMS(bases)[i];
    if (!(b->tp_flags & TYPE_FLAG_BASETYPE)) {
      exc_set(vm, &vm->exc_TypeError, "type '%s' is not an acceptable base type", type_name(b));
      return NULL;
    }
    TypeObject *solid = solid_base(b);
    if (!winner || type_is_subtype(solid, winner)) {
      if (winner != solid) base = b;
      winner = solid;
    } else if (!type_is_subtype(winner, solid)) {
      exc_set(vm, &vm->exc_TypeError, "multiple bases have instance lay-out conflict");
      return NULL;
    }
  }
  return base;
}

static bool is_identifier(Object *s) {
  const unsigned char *p = (const unsigned char *)str_utf8(s);
  if (!*p || (*p >= '0' && *p <= '9')) return false;
  for (; *p; p++)
    if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
          (*p >= '0' && *p <= '9') || *p >= 0x80))
      return false;
  return true;
}

/* New reference: the list of __slots__ names (NULL slots = none). */
/* New reference: name as the class body's compiler would mangle it (__x -> _C__x). */
static Object *mangle(VM *vm, Object *cls, Object *name) {
  const char *n = str_utf8(name), *c = str_utf8(cls);
  size_t len = strlen(n);
  if (n[0] != '_' || n[1] != '_' || (len > 4 && n[len - 1] == '_' && n[len - 2] == '_'))
    return str_intern(vm, name);
  while (*c == '_') c++;
  if (!*c) return str_intern(vm, name);
  Object *m = str_from_format(vm, "_%s%s", c, n);
  if (!m) return NULL;
  Object *in = str_intern(vm, m);
  obj_decref(vm, m);
  return in;
}

static int collect_slots(VM *vm, Object *cls, Object *ns, Object **out, bool *add_dict,
                         bool *add_weakref) {
  *out = NULL;
  *add_dict = *add_weakref = false;
  Object *slots = dict_getitem_str(vm, ns, vm->id.__slots__);
  if (!slots) return 0;
  Object *names = STR_CHECK(vm, slots) ? list_from_array(vm, &slots, 1)
                                        : list_from_iterable(vm, slots);
  if (!names) return -1;
  Object *kept = list_new(vm, 0);
  if (!kept) goto fail;
  for (ssize_t i = 0; i < LIST_SIZE(names); i++) {
    Object *n = LIST_ITEMS(names)[i];
    if (!STR_CHECK(vm, n)) {
      exc_set(vm, &vm->exc_TypeError, "__slots__ items must be strings, not '%s'",
              type_name(obj_type(vm, n)));
      goto fail;
    }
    if (!is_identifier(n)) {
      exc_set(vm, &vm->exc_TypeError, "__slots__ must be identifiers");
      goto fail;
    }
    if (str_eq_cstr(n, "__dict__")) {
      if (*add_dict) {
        exc_set(vm, &vm->exc_TypeError, "__dict__ slot disallowed: we already got one");
        goto fail;
      }
      *add_dict = true;
      continue;
    }
    if (str_eq_cstr(n, "__weakref__")) {
      *add_weakref = true;
      continue;
    }
    if (dict_getitem_str(vm, ns, n)) {
      exc_set(vm, &vm->exc_ValueError, "%R in __slots__ conflicts with class variable", n);
      goto fail;
    }
    Object *in = mangle(vm, cls, n);
    if (!in || list_append(vm, kept, in) < 0) {
      obj_xdecref(vm, in);
      goto fail;
    }
    obj_decref(vm, in);
  }
  obj_decref(vm, names);
  if (list_sort(vm, kept, NULL, false) < 0) {   /* CPython sorts slot names */
    obj_decref(vm, kept);
    return -1;
  }
  *out = kept;
  return 0;
fail:
  obj_decref(vm, names);
  obj_xdecref(vm, kept);
  return -1;
}

static Object *wrap_in(VM *vm, TypeObject *wrapper, Object *f) {
  return obj_call1(vm, (Object *)wrapper, f);
}

/* Create a class: type(name, bases, ns) after the metaclass was chosen. New ref. */
static Object *type_new_impl(VM *vm, TypeObject *meta, Object *name, Object *bases, Object *ns) {
  if (TUPLE_SIZE(bases) == 0) bases = tuple_pack(vm, 1, (Object *)&vm->object_type);
  else obj_incref(bases);
  if (!bases) return NULL;
  HeapTypeObject *ht = NULL;
  Object *slots = NULL, *dict = NULL;
  for (ssize_t i = 0; i < TUPLE_SIZE(bases); i++) {
    if (!TYPE_CHECK(vm, TUPLE_ITEMS(bases)[i])) {
      exc_set(vm, &vm->exc_TypeError, "bases must be types");
      goto fail;
    }
  }
  for (ssize_t i = 0; i < TUPLE_SIZE(bases); i++)
    for (ssize_t k = i + 1; k < TUPLE_SIZE(bases); k++)
      if (TUPLE_ITEMS(bases)[i] == TUPLE_ITEMS(bases)[k]) {
        exc_set(vm, &vm->exc_TypeError, "duplicate base class %U",
                ((TypeObject *)TUPLE_ITEMS(bases)[i])->ht_name);
        goto fail;
      }
  TypeObject *base = best_base(vm, bases);
  if (!base) goto fail;
  bool add_dict, add_weakref;
  if (collect_slots(vm, name, ns, &slots, &add_dict, &add_weakref) < 0) goto fail;
  TypeObject *solid = builtin_base(base);
  if (slots && LIST_SIZE(slots) && solid->tp_itemsize) {
    exc_set(vm, &vm->exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
            type_name(solid));
    goto fail;
  }
  if (add_dict && base->tp_dictoffset) {
    exc_set(vm, &vm->exc_TypeError, "__dict__ slot disallowed: we already got one");
    goto fail;
  }
  if (!slots) add_dict = true;
  if (add_dict && base->tp_dictoffset) add_dict = false;   /* inherited */
  if (solid->tp_itemsize) add_dict = false;   /* documented limit: see the file header */
  ht = (HeapTypeObject *)obj_alloc(vm, meta, 0);
  if (!ht) goto fail;
  TypeObject *t = &ht->type;
  ht->name_size = (size_t)str_nbytes(name) + 1;
  ht->name_utf8 = heap_alloc(vm, ht->name_size);
  if (!ht->name_utf8) goto fail;
  memcpy(ht->name_utf8, str_utf8(name), ht->name_size);
  t->tp_name = ht->name_utf8;
  t->tp_flags = TYPE_FLAG_HEAPTYPE | TYPE_FLAG_BASETYPE | TYPE_FLAG_GC;
  t->tp_base = (TypeObject *)obj_newref((Object *)base);
  t->tp_bases = bases;
  bases = NULL;
  t->tp_basicsize = base->tp_basicsize;
  t->tp_itemsize = base->tp_itemsize;
  t->tp_dictoffset = base->tp_dictoffset;
  t->tp_version = 1;
  ht->valuesoffset = ((base->tp_flags & TYPE_FLAG_HEAPTYPE) &&
                      base->tp_dictoffset == t->tp_dictoffset)
                         ? ((HeapTypeObject *)base)->valuesoffset : 0;
  if (add_dict) {
    t->tp_dictoffset = (ssize_t)t->tp_basicsize;
    ht->valuesoffset = t->tp_dictoffset + (ssize_t)sizeof(Object *);
    t->tp_basicsize += 2 * sizeof(Object *);
  }
  t->ht_name = str_intern(vm, name);
  if (!t->ht_name) goto fail;
  if (!(t->tp_mro = mro_c3(vm, t, t->tp_bases))) goto fail;
  /* The class dict: a copy of the namespace, minus what becomes type fields. */
  if (!(dict = dict_copy(vm, ns))) goto fail;
  t->tp_dict = dict;
  dict = NULL;
  Object *qn = dict_getitem_str(vm, t->tp_dict, vm->id.__qualname__);
  if (qn) {
    if (!STR_CHECK(vm, qn)) {
      exc_set(vm, &vm->exc_TypeError, "type __qualname__ must be a str, not %s",
              type_name(obj_type(vm, qn)));
      goto fail;
    }
    t->ht_qualname = obj_newref(qn);
    if (dict_delitem(vm, t->tp_dict, vm->id.__qualname__) < 0) goto fail;
  } else {
    t->ht_qualname = obj_newref(t->ht_name);
  }
  Object *mod = dict_getitem_str(vm, t->tp_dict, vm->id.__module__);
  if (!mod && vm->frame) {
    Object *g = exec_frame_globals(vm);
    mod = g ? dict_getitem_str(vm, g, vm->id.__name__) : NULL;
    if (mod && dict_setitem(vm, t->tp_dict, vm->id.__module__, mod) < 0) goto fail;
  }
  t->ht_module = obj_xnewref(mod);
  if (!dict_getitem_str(vm, t->tp_dict, vm->id.__doc__) &&
      dict_setitem(vm, t->tp_dict, vm->id.__doc__, VM_NONE(vm)) < 0)
    goto fail;
  /* __new__ is implicitly a staticmethod; __init_subclass__ and __class_getitem__
     implicitly classmethods. */
  static const struct { size_t id_off; bool cls; } implicit[] = {
    {offsetof(KiteIds, __new__), false},
    {offsetof(KiteIds, __init_subclass__), true},
    {offsetof(KiteIds, __class_getitem__), true},
  };
  for (size_t i = 0; i < sizeof implicit / sizeof *implicit; i++) {
    Object *key = *(Object **)((char *)&vm->id + implicit[i].id_off);
    Object *f = dict_getitem_str(vm, t->tp_dict, key);
    if (f && obj_type(vm, f) == &vm->function_type) {
      Object *w = wrap_in(vm, implicit[i].cls ? &vm->classmethod_type : &vm->staticmethod_type, f);
      if (!w || dict_setitem(vm, t->tp_dict, key, w) < 0) {
        obj_xdecref(vm, w);
        goto fail;
      }
      obj_decref(vm, w);
    }
  }
  /* __slots__: one member descriptor per name, laid out after the base. */
  if (slots && LIST_SIZE(slots)) {
    ht->nmembers = (size_t)LIST_SIZE(slots);
    ht->members = heap_calloc(vm, sizeof(MemberDef) * (ht->nmembers + 1));
    if (!ht->members) goto fail;
    for (size_t i = 0; i < ht->nmembers; i++) {
      Object *sn = LIST_ITEMS(slots)[i];
      ht->members[i].name = str_utf8(sn);   /* alive: interned, kept by the dict key */
      ht->members[i].kind = MEMBER_OBJECT;
      ht->members[i].offset = t->tp_basicsize;
      t->tp_basicsize += sizeof(Object *);
      MemberDescrObject *md = (MemberDescrObject *)obj_alloc(vm, &vm->member_descr_type, 0);
      if (!md) goto fail;
      md->d_type = t;
      md->def = &ht->members[i];
      obj_incref((Object *)t);
      gc_track(vm, &md->ob);
      int r = dict_setitem(vm, t->tp_dict, sn, &md->ob);
      obj_decref(vm, &md->ob);
      if (r < 0) goto fail;
    }
  }
  if (add_dict && !type_lookup(vm, base, vm->id.__dict__)) {
    GetSetDescrObject *gd = (GetSetDescrObject *)obj_alloc(vm, &vm->getset_descr_type, 0);
    if (!gd) goto fail;
    gd->d_type = t;
    gd->def = &subtype_dict_getset[0];
    obj_incref((Object *)t);
    gc_track(vm, &gd->ob);
    int r = dict_setitem(vm, t->tp_dict, vm->id.__dict__, &gd->ob);
    obj_decref(vm, &gd->ob);
    if (r < 0) goto fail;
  }
  /* Inherit, then override with the class's dunders. */
  inherit_slots(vm, t, base);
  t->tp_flags |= TYPE_FLAG_READY;
  t->tp_dealloc = subtype_dealloc;
  t->tp_traverse = subtype_traverse;
  t->tp_clear = subtype_clear;
  fixup_slots(vm, t);
  /* A class that defines __eq__ but not __hash__ is unhashable. */
  if (dict_getitem_str(vm, t->tp_dict, vm->id.__eq__) &&
      !dict_getitem_str(vm, t->tp_dict, vm->id.__hash__)) {
    if (dict_setitem(vm, t->tp_dict, vm->id.__hash__, VM_NONE(vm)) < 0) goto fail;
    t->tp_hash = NULL;
  }
  obj_xdecref(vm, slots);
  gc_track(vm, (Object *)t);
  return (Object *)t;
fail:
  obj_xdecref(vm, bases);
  obj_xdecref(vm, slots);
  obj_xdecref(vm, dict);
  obj_xdecref(vm, (Object *)ht);
  return NULL;
}

/* Call __set_name__ on the new class's attributes and the parent's
   __init_subclass__(**kwargs). 0 or -1. */
static int type_finish_class(VM *vm, TypeObject *t, Object *const *kwargs, size_t nkw,
                             Object *kwnames) {
  Object *items = dict_items_list(vm, t->tp_dict);
  if (!items) return -1;
  for (ssize_t i = 0; i < LIST_SIZE(items); i++) {
    Object *kv = LIST_ITEMS(items)[i];
    Object *v = TUPLE_ITEMS(kv)[1];
    Object *sn = type_lookup(vm, obj_type(vm, v), vm->id.__set_name__);
    if (!sn) continue;
    Object *args[2] = {(Object *)t, TUPLE_ITEMS(kv)[0]};
    Object *r = call_dunder(vm, v, vm->id.__set_name__, args, 2, NULL);
    if (!r) {
      obj_decref(vm, items);
      return -1;
    }
    obj_decref(vm, r);
  }
  obj_decref(vm, items);
  /* super(t, t).__init_subclass__(**kwargs): look up after t in its MRO. */
  Object *mro = t->tp_mro;
  for (ssize_t i = 1; i < TUPLE_SIZE(mro); i++) {
    TypeObject *m = (TypeObject *)TUPLE_ITEMS(mro)[i];
    Object *f = dict_getitem_str(vm, m->tp_dict, vm->id.__init_subclass__);
    if (!f) continue;
    obj_incref(f);
    Object *bound = obj_type(vm, f)->tp_descr_get
                        ? obj_type(vm, f)->tp_descr_get(vm, f, NULL, (Object *)t)
                        : obj_newref(f);
    obj_decref(vm, f);
    if (!bound) return -1;
    Object *r = obj_call(vm, bound, kwargs, 0, kwnames);
    obj_decref(vm, bound);
    if (!r) return -1;
    obj_decref(vm, r);
    return 0;
  }
  (void)nkw;
  return 0;
}

/* ---- the type type ---------------------------------------------------------------- */

static Object *type_tp_new(VM *vm, TypeObject *meta, Object *const *args, size_t nargs,
                           Object *kwnames) {
  if (nargs == 1 && (!kwnames || TUPLE_SIZE(kwnames) == 0) && meta == &vm->type_type)
    return obj_newref((Object *)obj_type(vm, args[0]));
  if (nargs != 3)
    return exc_set(vm, &vm->exc_TypeError, "type() takes 1 or 3 arguments");
  if (!STR_CHECK(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                   type_name(obj_type(vm, args[0])));
  if (!TUPLE_CHECK(vm, args[1]))
    return exc_set(vm, &vm->exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                   type_name(obj_type(vm, args[1])));
  if (!DICT_CHECK(vm, args[2]))
    return exc_set(vm, &vm->exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                   type_name(obj_type(vm, args[2])));
  /* The most derived metaclass among meta and the bases' metaclasses. */
  TypeObject *winner = meta;
  for (ssize_t i = 0; i < TUPLE_SIZE(args[1]); i++) {
    TypeObject *mt = obj_type(vm, TUPLE_ITEMS(args[1])[i]);
    if (type_is_subtype(winner, mt)) continue;
    if (type_is_subtype(mt, winner)) {
      winner = mt;
      continue;
    }
    return exc_set(vm, &vm->exc_TypeError,
                   "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                   "subclass of the metaclasses of all its bases");
  }
  if (winner != meta && winner->tp_new != type_tp_new)
    return winner->tp_new(vm, winner, args, nargs, kwnames);
  Object *t = type_new_impl(vm, winner, args[0], args[1], args[2]);
  if (!t) return NULL;
  /* The class body's __class__ cell now refers to the class. */
  Object *cell = dict_getitem_str(vm, ((TypeObject *)t)->tp_dict, vm->id.__classcell__);
  if (cell) {
    if (obj_type(vm, cell) != &vm->cell_type) {
      exc_set(vm, &vm->exc_TypeError, "__classcell__ must be a nonlocal cell, not %s",
              type_name(obj_type(vm, cell)));
      obj_decref(vm, t);
      return NULL;
    }
    cell_set(vm, cell, t);
    if (dict_delitem(vm, ((TypeObject *)t)->tp_dict, vm->id.__classcell__) < 0) {
      obj_decref(vm, t);
      return NULL;
    }
  }
  size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
  if (type_finish_class(vm, (TypeObject *)t, args + nargs, nkw, kwnames) < 0) {
    obj_decref(vm, t);
    return NULL;
  }
  return t;
}

static int type_tp_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kwnames) {
  if (nargs != 1 && nargs != 3) {
    exc_set(vm, &vm->exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

/* Calling a type: T(*args) = T.__new__(T, *args), then __init__ if the result is a T. */
static Object *type_call(VM *vm, Object *self, Object *const *args, size_t nargs,
                         Object *kwnames) {
  TypeObject *t = (TypeObject *)self;
  if (!t->tp_new)
    return exc_set(vm, &vm->exc_TypeError, "cannot create '%s' instances", type_name(t));
  Object *o = t->tp_new(vm, t, args, nargs, kwnames);
  if (!o) return NULL;
  if (t == &vm->type_type && nargs == 1) return o;
  TypeObject *ot = obj_type(vm, o);
  if (!type_is_subtype(ot, t)) return o;
  if (ot->tp_init && ot->tp_init(vm, o, args, nargs, kwnames) < 0) {
    obj_decref(vm, o);
    return NULL;
  }
  return o;
}

/* Attribute lookup on a class: descriptors of the metaclass first (data ones win),
   then the class's own MRO with __get__(None, cls). */
static Object *type_getattro(VM *vm, Object *self, Object *name) {
  TypeObject *t = (TypeObject *)self;
  TypeObject *meta = obj_type(vm, self);
  Object *meta_attr = type_lookup(vm, meta, name);
  Object *(*meta_get)(VM *, Object *, Object *, Object *) = NULL;
  if (meta_attr) {
    obj_incref(meta_attr);
    meta_get = obj_type(vm, meta_attr)->tp_descr_get;
    if (meta_get && obj_type(vm, meta_attr)->tp_descr_set) {
      Object *r = meta_get(vm, meta_attr, self, (Object *)meta);
      obj_decref(vm, meta_attr);
      return r;
    }
  }
  Object *attr = type_lookup(vm, t, name);
  if (attr) {
    obj_incref(attr);
    obj_xdecref(vm, meta_attr);
    Object *(*get)(VM *, Object *, Object *, Object *) = obj_type(vm, attr)->tp_descr_get;
    if (get) {
      Object *r = get(vm, attr, NULL, self);
      obj_decref(vm, attr);
      return r;
    }
    return attr;
  }
  if (meta_get) {
    Object *r = meta_get(vm, meta_attr, self, (Object *)meta);
    obj_decref(vm, meta_attr);
    return r;
  }
  if (meta_attr) return meta_attr;
  return exc_set(vm, &vm->exc_AttributeError, "type object '%s' has no attribute '%U'",
                 type_name(t), name);
}

static int type_setattro(VM *vm, Object *self, Object *name, Object *value) {
  TypeObject *t = (TypeObject *)self;
  if (!(t->tp_flags & TYPE_FLAG_HEAPTYPE)) {
    exc_set(vm, &vm->exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name,
            type_name(t));
    return -1;
  }
  /* Metaclass data descriptors (e.g. __name__, __doc__ getsets) take precedence. */
  Object *meta_attr = type_lookup(vm, obj_type(vm, self), name);
  if (meta_attr && obj_type(vm, meta_attr)->tp_descr_set) {
    obj_incref(meta_attr);
    int r = obj_type(vm, meta_attr)->tp_descr_set(vm, meta_attr, self, value);
    obj_decref(vm, meta_attr);
    return r;
  }
  Object *key = str_intern(vm, name);
  if (!key) return -1;
  int r;
  if (value) {
    r = dict_setitem(vm, t->tp_dict, key, value);
  } else {
    r = dict_delitem(vm, t->tp_dict, key);
    if (r < 0 && exc_matches(vm, &vm->exc_KeyError)) {
      exc_clear(vm);
      exc_set(vm, &vm->exc_AttributeError, "type object '%s' has no attribute '%U'",
              type_name(t), name);
    }
  }
  type_modified(vm, t);
  if (r == 0 && method_like(vm, value)) r = unshadow_instances(vm, t, key);
  const char *s = str_utf8(key);
  if (r == 0 && s[0] == '_' && s[1] == '_') {
    /* A dunder changed: recompute the slots of this class (subclasses keep theirs;
       documented limit). */
    fixup_slots(vm, t);
  }
  obj_decref(vm, key);
  return r;
}

static Object *type_repr(VM *vm, Object *self) {
  TypeObject *t = (TypeObject *)self;
  Object *mod = t->ht_module;
  if (mod && STR_CHECK(vm, mod) && !str_eq_cstr(mod, "builtins"))
    return str_from_format(vm, "<class '%U.%U'>", mod, t->ht_qualname);
  return str_from_format(vm, "<class '%s'>", t->tp_name);
}

static int type_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  TypeObject *t = (TypeObject *)self;
  int r;
#define V(x) if ((x) && (r = visit(vm, (Object *)(x), arg))) return r
  V(t->tp_dict); V(t->tp_bases); V(t->tp_mro); V(t->tp_base); V(t->ht_module);
  V((Object *)obj_type(vm, self));
#undef V
  return 0;
}

static int type_clear(VM *vm, Object *self) {
  TypeObject *t = (TypeObject *)self;
  type_modified(vm, t);
  OBJ_CLEAR(vm, t->tp_dict);
  OBJ_CLEAR(vm, t->tp_mro);
  OBJ_CLEAR(vm, t->tp_bases);
  OBJ_CLEAR(vm, t->ht_module);
  return 0;
}

static void type_dealloc(VM *vm, Object *self) {
  TypeObject *t = (TypeObject *)self;
  HeapTypeObject *ht = (HeapTypeObject *)self;
  gc_untrack(vm, self);
  type_modified(vm, t);   /* a new type may reuse this address */
  type_clear(vm, self);
  OBJ_CLEAR(vm, t->tp_base);
  OBJ_CLEAR(vm, t->ht_name);
  OBJ_CLEAR(vm, t->ht_qualname);
  if (ht->name_utf8) heap_free(vm, ht->name_utf8, ht->name_size);
  if (ht->members) heap_free(vm, ht->members, sizeof(MemberDef) * (ht->nmembers + 1));
  for (size_t k = 0; k < ht->nkeys; k++) obj_decref(vm, ht->keys[k]);
  if (ht->keys) heap_free(vm, ht->keys, ht->keys_cap * sizeof(Object *));
  obj_free(vm, self, obj_type(vm, self)->tp_basicsize);
}

static Object *type_get_name(VM *vm, Object *self, void *c) {
  return obj_newref(((TypeObject *)self)->ht_name);
}

static int type_set_name(VM *vm, Object *self, Object *value, void *c) {
  TypeObject *t = (TypeObject *)self;
  if (!(t->tp_flags & TYPE_FLAG_HEAPTYPE)) {
    exc_set(vm, &vm->exc_TypeError, "cannot set '__name__' attribute of immutable type '%s'",
            type_name(t));
    return -1;
  }
  if (!value || !STR_CHECK(vm, value)) {
    exc_set(vm, &vm->exc_TypeError, "can only assign string to %s.__name__, not '%s'",
            type_name(t), value ? type_name(obj_type(vm, value)) : "NoneType");
    return -1;
  }
  HeapTypeObject *ht = (HeapTypeObject *)t;
  size_t n = (size_t)str_nbytes(value) + 1;
  char *s = heap_alloc(vm, n);
  if (!s) return -1;
  memcpy(s, str_utf8(value), n);
  heap_free(vm, ht->name_utf8, ht->name_size);
  ht->name_utf8 = s;
  ht->name_size = n;
  t->tp_name = s;
  OBJ_SETREF(vm, t->ht_name, obj_newref(value));
  return 0;
}

static Object *type_get_qualname(VM *vm, Object *self, void *c) {
  return obj_newref(((TypeObject *)self)->ht_qualname);
}

static int type_set_qualname(VM *vm, Object *self, Object *value, void *c) {
  TypeObject *t = (TypeObject *)self;
  if (!value || !STR_CHECK(vm, value)) {
    exc_set(vm, &vm->exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
            type_name(t), value ? type_name(obj_type(vm, value)) : "NoneType");
    return -1;
  }
  OBJ_SETREF(vm, t->ht_qualname, obj_newref(value));
  return 0;
}

static Object *type_get_module(VM *vm, Object *self, void *c) {
  TypeObject *t = (TypeObject *)self;
  if (t->tp_flags & TYPE_FLAG_HEAPTYPE) {
    Object *m = dict_getitem_str(vm, t->tp_dict, vm->id.__module__);
    if (m) return obj_newref(m);
    return exc_set(vm, &vm->exc_AttributeError, "__module__");
  }
  const char *dot = strrchr(t->tp_name, '.');
  if (dot) return str_new(vm, t->tp_name, (size_t)(dot - t->tp_name));
  return str_from_cstr(vm, "builtins");
}

static int type_set_module(VM *vm, Object *self, Object *value, void *c) {
  TypeObject *t = (TypeObject *)self;
  if (!(t->tp_flags & TYPE_FLAG_HEAPTYPE)) {
    exc_set(vm, &vm->exc_TypeError, "cannot set '__module__' attribute of immutable type '%s'",
            type_name(t));
    return -1;
  }
  OBJ_SETREF(vm, t->ht_module, obj_xnewref(value));
  type_modified(vm, t);
  return value ? dict_setitem(vm, t->tp_dict, vm->id.__module__, value)
               : dict_delitem(vm, t->tp_dict, vm->id.__module__);
}

static Object *type_get_bases(VM *vm, Object *self, void *c) {
  return obj_newref(((TypeObject *)self)->tp_bases);
}

static TypeObject *best_base(VM *vm, Object *bases);
static Object *mro_c3(VM *vm, TypeObject *t, Object *bases);
static void fixup_slots(VM *vm, TypeObject *t);

/* T.__bases__ = (...): recompute the MRO and slots of T. Subclasses keep their MROs
   (Kite does not track subclasses; a documented limit). */
static int type_set_bases(VM *vm, Object *self, Object *value, void *c) {
  TypeObject *t = (TypeObject *)self;
  if (!(t->tp_flags & TYPE_FLAG_HEAPTYPE)) {
    exc_set(vm, &vm->exc_TypeError, "cannot set '__bases__' attribute of immutable type '%s'",
            type_name(t));
    return -1;
  }
  if (!value) {
    exc_set(vm, &vm->exc_TypeError, "cannot delete '__bases__' attribute of immutable type '%s'",
            type_name(t));
    return -1;
  }
  if (!TUPLE_CHECK(vm, value)) {
    exc_set(vm, &vm->exc_TypeError, "can only assign tuple to %s.__bases__, not %s",
            type_name(t), type_name(obj_type(vm, value)));
    return -1;
  }
  if (TUPLE_SIZE(value) == 0) {
    exc_set(vm, &vm->exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
            type_name(t));
    return -1;
  }
  for (ssize_t i = 0; i < TUPLE_SIZE(value); i++) {
    Object *b = TUPLE_ITEMS(value)[i];
    if (!TYPE_CHECK(vm, b)) {
      exc_set(vm, &vm->exc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'",
              type_name(t), type_name(obj_type(vm, b)));
      return -1;
    }
    if (type_is_subtype((TypeObject *)b, t)) {
      exc_set(vm, &vm->exc_TypeError, "a __bases__ item causes an inheritance cycle");
      return -1;
    }
  }
  TypeObject *nb = best_base(vm, value);
  if (!nb || !compatible_for_assignment(vm, t->tp_base, nb, "__bases__")) return -1;
  Object *mro = mro_c3(vm, t, value);
  if (!mro) return -1;
  OBJ_SETREF(vm, t->tp_bases, obj_newref(value));
  OBJ_SETREF(vm, t->tp_mro, mro);
  TypeObject *oldbase = t->tp_base;
  t->tp_base = (TypeObject *)obj_newref((Object *)nb);
  obj_decref(vm, (Object *)oldbase);
  fixup_slots(vm, t);
  return 0;
}

static Object *type_get_base(VM *vm, Object *self, void *c) {
  TypeObject *b = ((TypeObject *)self)->tp_base;
  return obj_newref(b ? (Object *)b : VM_NONE(vm));
}

static Object *type_get_mro(VM *vm, Object *self, void *c) {
  return obj_newref(((TypeObject *)self)->tp_mro);
}

static Object *type_get_dict(VM *vm, Object *self, void *c) {
  return mappingproxy_new(vm, ((TypeObject *)self)->tp_dict);
}

static Object *type_get_doc(VM *vm, Object *self, void *c) {
  TypeObject *t = (TypeObject *)self;
  Object *d = dict_getitem_str(vm, t->tp_dict, vm->id.__doc__);
  if (!d) return vm_none(vm);
  if (obj_type(vm, d)->tp_descr_get) return obj_type(vm, d)->tp_descr_get(vm, d, NULL, self);
  return obj_newref(d);
}

static int type_set_doc(VM *vm, Object *self, Object *value, void *c) {
  TypeObject *t = (TypeObject *)self;
  if (!(t->tp_flags & TYPE_FLAG_HEAPTYPE)) {
    exc_set(vm, &vm->exc_TypeError, "cannot set '__doc__' attribute of immutable type '%s'",
            type_name(t));
    return -1;
  }
  type_modified(vm, t);
  return dict_setitem(vm, t->tp_dict, vm->id.__doc__, value ? value : VM_NONE(vm));
}

static Object *type_mro_method(VM *vm, Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
  Object *mro = ((TypeObject *)self)->tp_mro;
  return list_from_array(vm, TUPLE_ITEMS(mro), TUPLE_SIZE(mro));
}

static Object *type_subclasses(VM *vm, Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
  /* Found by scanning tracked classes; good enough for an introspection helper. */
  Object *res = list_new(vm, 0);
  if (!res) return NULL;
  for (size_t i = 0; i < vm->gc.count; i++) {
    Object *o = vm->gc.table[i];
    if (!obj_is_small(o) && TYPE_CHECK(vm, o) && ((TypeObject *)o)->tp_bases) {
      Object *b = ((TypeObject *)o)->tp_bases;
      for (ssize_t k = 0; k < TUPLE_SIZE(b); k++)
        if (TUPLE_ITEMS(b)[k] == self && list_append(vm, res, o) < 0) {
          obj_decref(vm, res);
          return NULL;
        }
    }
  }
  return res;
}

static Object *type_instancecheck(VM *vm, Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
  return vm_bool(vm, type_is_subtype(obj_type(vm, args[0]), (TypeObject *)self));
}

static Object *type_subclasscheck(VM *vm, Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
  if (!TYPE_CHECK(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "issubclass() arg 1 must be a class");
  return vm_bool(vm, type_is_subtype((TypeObject *)args[0], (TypeObject *)self));
}

static Object *type_prepare(VM *vm, Object *self, Object *const *args, size_t nargs,
                            Object *kwnames) {
  return dict_new(vm);
}

static Object *type_dir(VM *vm, Object *self, Object *const *args, size_t nargs,
                        Object *kwnames) {
  Object *names = dict_new(vm);
  if (!names) return NULL;
  Object *mro = ((TypeObject *)self)->tp_mro;
  for (ssize_t i = 0; i < TUPLE_SIZE(mro); i++)
    if (dict_merge(vm, names, ((TypeObject *)TUPLE_ITEMS(mro)[i])->tp_dict, 1) < 0) {
      obj_decref(vm, names);
      return NULL;
    }
  Object *r = dict_keys_list(vm, names);
  obj_decref(vm, names);
  return r;
}

static Object *type_sizeof(VM *vm, Object *self, Object *const *args, size_t nargs,
                           Object *kwnames) {
  TypeObject *t = (TypeObject *)self;
  size_t n = obj_type(vm, self)->tp_basicsize;
  if (t->tp_flags & TYPE_FLAG_HEAPTYPE) n += ((HeapTypeObject *)t)->name_size;
  return int_from_i64(vm, (int64_t)n);
}

static const MethodDef type_methods[] = {
  {"mro", type_mro_method, METH_NOARGS, "Return a type's method resolution order."},
  {"__subclasses__", type_subclasses, METH_NOARGS, "Return a list of immediate subclasses."},
  {"__instancecheck__", type_instancecheck, METH_O, "Check if an object is an instance."},
  {"__subclasscheck__", type_subclasscheck, METH_O, "Check if a class is a subclass."},
  {"__prepare__", type_prepare, METH_CLASS | METH_VARARGS,
   "Create the namespace for the class statement"},
  {"__dir__", type_dir, METH_NOARGS, "Specialized __dir__ implementation for types."},
  {"__sizeof__", type_sizeof, METH_NOARGS, "Return memory consumption of the type object."},
  {NULL, NULL, 0, NULL},
};

static const GetSetDef type_getset[] = {
  {"__name__", type_get_name, type_set_name, NULL, NULL},
  {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
  {"__module__", type_get_module, type_set_module, NULL, NULL},
  {"__bases__", type_get_bases, type_set_bases, NULL, NULL},
  {"__base__", type_get_base, NULL, NULL, NULL},
  {"__mro__", type_get_mro, NULL, NULL, NULL},
  {"__dict__", type_get_dict, NULL, NULL, NULL},
  {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

/* ---- types.UnionType: int | str ---------------------------------------------------------
   X | Y on classes (and None) makes a union whose __args__ lists the distinct members in
   order (None as NoneType); isinstance/issubclass accept it like a tuple of classes. */

typedef struct UnionObject {
  Object ob;
  Object *args;   /* tuple of the member classes */
} UnionObject;

static bool union_operand(VM *vm, Object *o) {
  return o == VM_NONE(vm) || TYPE_CHECK(vm, o) || obj_type(vm, o) == &vm->union_type;
}

/* Append o's members to list, skipping ones already there. 0 or -1. */
static int union_collect(VM *vm, Object *list, Object *o) {
  if (obj_type(vm, o) == &vm->union_type) {
    Object *args = ((UnionObject *)o)->args;
    for (ssize_t i = 0; i < TUPLE_SIZE(args); i++)
      if (union_collect(vm, list, TUPLE_ITEMS(args)[i]) < 0) return -1;
    return 0;
  }
  if (o == VM_NONE(vm)) o = (Object *)&vm->none_type;
  for (ssize_t i = 0; i < LIST_SIZE(list); i++)
    if (LIST_ITEMS(list)[i] == o) return 0;
  return list_append(vm, list, o);
}

/* tp_binop of type and of unions: only | between classes, None and unions. New ref. */
static Object *union_or(VM *vm, Object *a, Object *b, int op) {
  if ((op & ~BINOP_INPLACE) != BINOP_OR || !union_operand(vm, a) || !union_operand(vm, b))
    return obj_newref(VM_NOTIMPL(vm));
  Object *list = list_new(vm, 0);
  if (!list) return NULL;
  if (union_collect(vm, list, a) < 0 || union_collect(vm, list, b) < 0) {
    obj_decref(vm, list);
    return NULL;
  }
  if (LIST_SIZE(list) == 1) {   /* int | int is int */
    Object *only = obj_newref(LIST_ITEMS(list)[0]);
    obj_decref(vm, list);
    return only;
  }
  Object *args = list_as_tuple(vm, list);
  obj_decref(vm, list);
  if (!args) return NULL;
  UnionObject *u = (UnionObject *)obj_alloc(vm, &vm->union_type, 0);
  if (!u) {
    obj_decref(vm, args);
    return NULL;
  }
  u->args = args;
  gc_track(vm, &u->ob);
  return &u->ob;
}

static Object *union_repr(VM *vm, Object *self) {
  Object *args = ((UnionObject *)self)->args;
  StrBuf b;
  strbuf_init(&b);
  for (ssize_t i = 0; i < TUPLE_SIZE(args); i++) {
    Object *a = TUPLE_ITEMS(args)[i];
    if (i) strbuf_append_cstr(vm, &b, " | ");
    if (a == (Object *)&vm->none_type) {
      strbuf_append_cstr(vm, &b, "None");
      continue;
    }
    TypeObject *t = (TypeObject *)a;
    Object *mod = t->ht_module;
    if (mod && STR_CHECK(vm, mod) && !str_eq_cstr(mod, "builtins")) {
      strbuf_append_str(vm, &b, mod);
      strbuf_append_char(vm, &b, '.');
      strbuf_append_str(vm, &b, t->ht_qualname);
    } else {
      strbuf_append_cstr(vm, &b, t->tp_name);
    }
  }
  return strbuf_finish(vm, &b);
}

/* Does every member of a appear in b? */
static bool union_within(Object *a, Object *b) {
  for (ssize_t i = 0; i < TUPLE_SIZE(a); i++) {
    bool found = false;
    for (ssize_t k = 0; k < TUPLE_SIZE(b) && !found; k++) found = TUPLE_ITEMS(a)[i] == TUPLE_ITEMS(b)[k];
    if (!found) return false;
  }
  return true;
}

static Object *union_richcompare(VM *vm, Object *a, Object *b, int op) {
  if ((op != CMP_EQ && op != CMP_NE) || obj_type(vm, b) != &vm->union_type)
    return obj_newref(VM_NOTIMPL(vm));
  Object *x = ((UnionObject *)a)->args, *y = ((UnionObject *)b)->args;
  bool eq = union_within(x, y) && union_within(y, x);
  return vm_bool(vm, op == CMP_EQ ? eq : !eq);
}

/* Order-independent, like CPython's hash of frozenset(__args__). */
static int64_t union_hash(VM *vm, Object *self) {
  Object *args = ((UnionObject *)self)->args;
  uint64_t h = 0x2f0b3c6d;
  for (ssize_t i = 0; i < TUPLE_SIZE(args); i++) {
    int64_t x = obj_hash(vm, TUPLE_ITEMS(args)[i]);
    if (x == -1) return -1;
    h ^= (uint64_t)x * 0x9e3779b97f4a7c15u;
  }
  return h == (uint64_t)-1 ? -2 : (int64_t)h;
}

static Object *union_get_args(VM *vm, Object *self, void *c) {
  return obj_newref(((UnionObject *)self)->args);
}

static const GetSetDef union_getset[] = {
  {"__args__", union_get_args, NULL, NULL, NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

static int union_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  Object *a = ((UnionObject *)self)->args;
  return a ? visit(vm, a, arg) : 0;
}

static int union_clear(VM *vm, Object *self) {
  OBJ_CLEAR(vm, ((UnionObject *)self)->args);
  return 0;
}

static void union_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  union_clear(vm, self);
  obj_free(vm, self, sizeof(UnionObject));
}

Object *type_union_args(VM *vm, Object *o) {
  return obj_type(vm, o) == &vm->union_type ? ((UnionObject *)o)->args : NULL;
}

static void union_type_init(VM *vm) {
  TypeObject *t = &vm->union_type;
  type_init_builtin(vm, t, "types.UnionType", NULL, sizeof(UnionObject), 0, TYPE_FLAG_GC);
  t->tp_binop = union_or;
  t->tp_binop_mask = (1u << BINOP_OR);
  t->tp_repr = union_repr;
  t->tp_richcompare = union_richcompare;
  t->tp_hash = union_hash;
  t->tp_getset = union_getset;
  t->tp_traverse = union_traverse;
  t->tp_clear = union_clear;
  t->tp_dealloc = union_dealloc;
  t->tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str";
}

void type_type_init(VM *vm) {
  TypeObject *t = &vm->type_type;
  type_init_builtin(vm, t, "type", NULL, sizeof(HeapTypeObject), 0,
                    TYPE_FLAG_BASETYPE | TYPE_FLAG_GC);
  t->tp_new = type_tp_new;
  t->tp_init = type_tp_init;
  t->tp_call = type_call;
  t->tp_getattro = type_getattro;
  t->tp_setattro = type_setattro;
  t->tp_repr = type_repr;
  t->tp_binop = union_or;
  t->tp_binop_mask = (1u << BINOP_OR);
  t->tp_traverse = type_traverse;
  t->tp_clear = type_clear;
  t->tp_dealloc = type_dealloc;
  t->tp_dictoffset = 0;
  t->tp_methods = type_methods;
  t->tp_getset = type_getset;
  t->tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
  union_type_init(vm);
}

/* ---- the descriptor types ----------------------------------------------------------- */

void descr_types_init(VM *vm) {
  TypeObject *t;
  t = &vm->builtin_type;
  type_init_builtin(vm, t, "builtin_function_or_method", NULL, sizeof(BuiltinObject), 0, TYPE_FLAG_GC);
  t->tp_call = builtin_call;
  t->tp_repr = builtin_repr;
  t->tp_traverse = builtin_traverse;
  t->tp_clear = builtin_clear;
  t->tp_dealloc = builtin_dealloc;
  t->tp_getset = builtin_getset;

  t = &vm->method_descr_type;
  type_init_builtin(vm, t, "method_descriptor", NULL, sizeof(MethodDescrObject), 0, 0);
  t->tp_call = method_descr_call;
  t->tp_descr_get = method_descr_get;
  t->tp_repr = method_descr_repr;
  t->tp_getset = method_descr_getset;
  t->tp_dealloc = descr_dealloc;

  t = &vm->classmethod_descr_type;
  type_init_builtin(vm, t, "classmethod_descriptor", NULL, sizeof(MethodDescrObject), 0, 0);
  t->tp_call = classmethod_descr_call;
  t->tp_descr_get = classmethod_descr_get;
  t->tp_repr = method_descr_repr;
  t->tp_getset = method_descr_getset;
  t->tp_dealloc = descr_dealloc;

  t = &vm->wrapper_descr_type;
  type_init_builtin(vm, t, "wrapper_descriptor", NULL, sizeof(WrapperDescrObject), 0, 0);
  t->tp_call = wrapper_descr_call;
  t->tp_descr_get = wrapper_descr_get;
  t->tp_repr = wrapper_descr_repr;
  t->tp_getset = wrapper_descr_getset;
  t->tp_dealloc = descr_dealloc;

  t = &vm->method_wrapper_type;
  type_init_builtin(vm, t, "method-wrapper", NULL, sizeof(MethodWrapperObject), 0, TYPE_FLAG_GC);
  t->tp_call = method_wrapper_call;
  t->tp_repr = method_wrapper_repr;
  t->tp_richcompare = method_wrapper_richcompare;
  t->tp_traverse = method_wrapper_traverse;
  t->tp_clear = method_wrapper_clear;
  t->tp_dealloc = method_wrapper_dealloc;

  t = &vm->member_descr_type;
  type_init_builtin(vm, t, "member_descriptor", NULL, sizeof(MemberDescrObject), 0, TYPE_FLAG_GC);
  t->tp_descr_get = member_get;
  t->tp_descr_set = member_set;
  t->tp_repr = member_repr;
  t->tp_getset = member_getset;
  t->tp_traverse = descr_traverse;
  t->tp_dealloc = descr_gc_dealloc;

  t = &vm->getset_descr_type;
  type_init_builtin(vm, t, "getset_descriptor", NULL, sizeof(GetSetDescrObject), 0, TYPE_FLAG_GC);
  t->tp_descr_get = getset_get;
  t->tp_descr_set = getset_set;
  t->tp_repr = getset_repr;
  t->tp_getset = getset_getset;
  t->tp_traverse = descr_traverse;
  t->tp_dealloc = descr_gc_dealloc;
}

/* ---- __build_class__ ---------------------------------------------------------------- */

/* __build_class__(func, name, *bases, metaclass=None, **kwds): choose the metaclass,
   run the class body in the namespace from __prepare__, then call the metaclass. */
Object *type_build_class(VM *vm, Object *self, Object *const *args, size_t nargs,
                         Object *kwnames) {
  if (nargs < 2) return exc_set(vm, &vm->exc_TypeError, "__build_class__: not enough arguments");
  Object *func = args[0], *name = args[1];
  if (obj_type(vm, func) != &vm->function_type)
    return exc_set(vm, &vm->exc_TypeError, "__build_class__: func must be a function");
  if (!STR_CHECK(vm, name))
    return exc_set(vm, &vm->exc_TypeError, "__build_class__: name is not a string");
  Object *bases = tuple_from_array(vm, args + 2, (ssize_t)nargs - 2);
  if (!bases) return NULL;
  /* Split the keywords: metaclass= is ours, the rest go to __prepare__ and the metaclass. */
  ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  Object *meta = NULL, *kwvals[16], *kwn = NULL, *ns = NULL, *cls = NULL, *cell = NULL;
  size_t nrest = 0;
  if (nkw > 16) {
    exc_set(vm, &vm->exc_TypeError, "__build_class__: too many keyword arguments");
    goto done;
  }
  Object *restnames[16];
  for (ssize_t i = 0; i < nkw; i++) {
    Object *k = TUPLE_ITEMS(kwnames)[i];
    if (str_eq_cstr(k, "metaclass")) meta = args[nargs + (size_t)i];
    else {
      restnames[nrest] = k;
      kwvals[nrest++] = args[nargs + (size_t)i];
    }
  }
  if (nrest && !(kwn = tuple_from_array(vm, restnames, (ssize_t)nrest))) goto done;
  bool explicit_meta = meta != NULL;
  if (!meta) meta = TUPLE_SIZE(bases) ? (Object *)obj_type(vm, TUPLE_ITEMS(bases)[0])
                                      : (Object *)&vm->type_type;
  if (TYPE_CHECK(vm, meta)) {
    /* The most derived metaclass wins (CPython's _PyType_CalculateMetaclass). */
    TypeObject *winner = (TypeObject *)meta;
    for (ssize_t i = 0; i < TUPLE_SIZE(bases); i++) {
      TypeObject *mt = obj_type(vm, TUPLE_ITEMS(bases)[i]);
      if (type_is_subtype(winner, mt)) continue;
      if (type_is_subtype(mt, winner)) {
        winner = mt;
        continue;
      }
      exc_set(vm, &vm->exc_TypeError,
              "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
              "subclass of the metaclasses of all its bases");
      goto done;
    }
    meta = (Object *)winner;
  }
  (void)explicit_meta;
  obj_incref(meta);
  Object *prep = obj_lookup_attr(vm, meta, vm->id.__prepare__);
  if (prep) {
    Object *pargs[2] = {name, bases};
    Object *pall[18];
    pall[0] = name;
    pall[1] = bases;
    for (size_t i = 0; i < nrest; i++) pall[2 + i] = kwvals[i];
    (void)pargs;
    ns = obj_call(vm, prep, pall, 2, kwn);
    obj_decref(vm, prep);
  } else if (!exc_occurred(vm)) {
    ns = dict_new(vm);
  }
  if (!ns) goto done_meta;
  if (!DICT_CHECK(vm, ns)) {
    exc_set(vm, &vm->exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
            TYPE_CHECK(vm, meta) ? type_name((TypeObject *)meta) : "<metaclass>",
            type_name(obj_type(vm, ns)));
    goto done_meta;
  }
  cell = exec_call_with_locals(vm, func, ns);
  if (!cell) goto done_meta;
  {
    Object *margs[19];
    margs[0] = name;
    margs[1] = bases;
    margs[2] = ns;
    for (size_t i = 0; i < nrest; i++) margs[3 + i] = kwvals[i];
    if (cell != VM_NONE(vm) &&
        dict_setitem(vm, ns, vm->id.__classcell__, cell) < 0)
      goto done_meta;
    cls = obj_call(vm, meta, margs, 3, kwn);
  }
done_meta:
  obj_decref(vm, meta);
done:
  obj_xdecref(vm, cell);
  obj_xdecref(vm, ns);
  obj_xdecref(vm, kwn);
  obj_decref(vm, bases);
  return cls;
}
