/*
 * object: the generic object protocol — what the VM and the builtins call to repr,
 * hash, compare, index, iterate, call and get attributes of any object.
 *
 * Each entry point dispatches to the type's slot and produces CPython 3.11's error
 * message when the slot is missing. Binary operators and rich comparisons follow
 * CPython's rules for which operand gets the first try: the right operand's type goes
 * first when it is a proper subclass of the left's and overrides the slot.
 */
#include "runtime/object.h"

#include <string.h>

#include "gc/gc.h"
#include "runtime/api.h"   /* for api_tick() */
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/dict.h"
#include "runtime/type.h"

/* ---- lifetime ------------------------------------------------------------------ */

/* Deallocation nests: freeing a list frees its items, which may be lists. Past this
   depth, objects are queued (trashcan-style) and freed by the outermost dealloc, so a
   million-node chain cannot overflow the C stack. */
#define DEALLOC_MAX_DEPTH 200

/* The queue is threaded through the dead objects themselves: their refcount and GC
   words (8 bytes at offset 0) hold the link, which is safe because the object is
   untracked first and its count is 0. */
static void dealloc_defer(VM *vm, Object *o) {
  gc_untrack(vm, o);
  Object **link = (Object **)(void *)o;
  *link = vm->dealloc_pending;
  vm->dealloc_pending = o;
}

void obj_dealloc(VM *vm, Object *o) {
  TypeObject *t = o->ob_type;
  if (t->tp_finalize && !(o->ob_gc & OBJ_GC_FINALIZED)) {
    /* PEP 442: run the finalizer once, on a temporarily resurrected object. */
    o->ob_gc |= OBJ_GC_FINALIZED;
    o->ob_refcnt = 1;
    t->tp_finalize(vm, o);
    if (--o->ob_refcnt != 0) return;   /* resurrected */
  }
  if (vm->dealloc_depth >= DEALLOC_MAX_DEPTH) {
    dealloc_defer(vm, o);
    return;
  }
  vm->dealloc_depth++;
  t->tp_dealloc(vm, o);
  if (vm->dealloc_depth == 1) {
    while (vm->dealloc_pending) {
      Object *p = vm->dealloc_pending;
      vm->dealloc_pending = *(Object **)(void *)p;
      p->ob_refcnt = 0;
      p->ob_gc = OBJ_GC_FINALIZED;   /* its finalizer already ran, or it has none */
      p->ob_type->tp_dealloc(vm, p);
    }
  }
  vm->dealloc_depth--;
}

/* Enter a C-level recursion step; false (with RecursionError set) past the limit.
   While the error itself is being raised the check is off (CPython's headroom), since
   building the exception calls back into the object protocol. */
static bool recursion_enter(VM *vm, const char *where) {
  if (++vm->recursion_depth <= vm->recursion_limit || vm->recursion_headroom) return true;
  vm->recursion_depth--;
  vm->recursion_headroom++;
  exc_set(vm, &vm->exc_RecursionError, "maximum recursion depth exceeded%s", where);
  vm->recursion_headroom--;
  return false;
}

/* ---- string conversions -------------------------------------------------------- */

Object *obj_repr(VM *vm, Object *o) {
  TypeObject *t = obj_type(vm, o);
  if (!t->tp_repr)
    return str_from_format(vm, "<%s object at %p>", type_name(t), (void *)o);
  if (!recursion_enter(vm, " while getting the repr of an object")) return NULL;
  Object *r = t->tp_repr(vm, o);
  vm->recursion_depth--;
  if (r && !STR_CHECK(vm, r)) {
    exc_set(vm, &vm->exc_TypeError, "__repr__ returned non-string (type %s)",
            type_name(obj_type(vm, r)));
    obj_decref(vm, r);
    return NULL;
  }
  return r;
}

Object *obj_str(VM *vm, Object *o) {
  if (STR_CHECK_EXACT(vm, o)) return obj_newref(o);
  TypeObject *t = obj_type(vm, o);
  if (!t->tp_str) return obj_repr(vm, o);
  if (!recursion_enter(vm, " while getting the str of an object")) return NULL;
  Object *r = t->tp_str(vm, o);
  vm->recursion_depth--;
  if (r && !STR_CHECK(vm, r)) {
    exc_set(vm, &vm->exc_TypeError, "__str__ returned non-string (type %s)",
            type_name(obj_type(vm, r)));
    obj_decref(vm, r);
    return NULL;
  }
  return r;
}

Object *obj_ascii(VM *vm, Object *o) {
  Object *r = obj_repr(vm, o);
  if (!r || ((StrObject *)r)->ascii) return r;
  StrBuf b;
  strbuf_init(&b);
  ssize_t n = str_length(r);
  for (ssize_t i = 0; i < n; i++) {
    uint32_t cp = str_codepoint_at(r, i);
    if (cp < 0x80) strbuf_append_char(vm, &b, (char)cp);
    else if (cp < 0x100) strbuf_printf(vm, &b, "\\x%02x", cp);
    else if (cp < 0x10000) strbuf_printf(vm, &b, "\\u%04x", cp);
    else strbuf_printf(vm, &b, "\\U%08x", cp);
  }
  obj_decref(vm, r);
  return strbuf_finish(vm, &b);
}

Object *obj_format(VM *vm, Object *o, Object *spec) {
  Object *empty = NULL;
  if (!spec) spec = empty = obj_newref(vm->empty_str);
  /* Fast paths: str with an empty spec is itself. */
  Object *r;
  if (str_length(spec) == 0 && STR_CHECK_EXACT(vm, o)) {
    r = obj_newref(o);
  } else {
    Object *meth = type_lookup(vm, obj_type(vm, o), vm->id.__format__);
    if (!meth) {
      r = exc_set(vm, &vm->exc_TypeError, "Type %s doesn't define __format__",
                  type_name(obj_type(vm, o)));
    } else {
      Object *args[2] = {o, spec};
      Object *f = obj_newref(meth);
      r = obj_call(vm, f, args, 2, NULL);   /* unbound: self passed explicitly */
      obj_decref(vm, f);
      if (r && !STR_CHECK(vm, r)) {
        exc_set(vm, &vm->exc_TypeError, "__format__ must return a str, not %s",
                type_name(obj_type(vm, r)));
        obj_decref(vm, r);
        r = NULL;
      }
    }
  }
  obj_xdecref(vm, empty);
  return r;
}

/* ---- hashing and comparison ---------------------------------------------------- */

int64_t obj_hash(VM *vm, Object *o) {
  if (obj_is_small(o)) return int_hash(vm, o);
  TypeObject *t = o->ob_type;
  if (!t->tp_hash) {
    exc_set(vm, &vm->exc_TypeError, "unhashable type: '%s'", type_name(t));
    return -1;
  }
  return t->tp_hash(vm, o);
}

static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const int cmp_swapped[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

Object *obj_richcompare(VM *vm, Object *a, Object *b, int op) {
  TypeObject *ta = obj_type(vm, a), *tb = obj_type(vm, b);
  bool checked_reverse = false;
  Object *r;
  if (ta != tb && tb->tp_richcompare && type_is_subtype(tb, ta)) {
    checked_reverse = true;
    r = tb->tp_richcompare(vm, b, a, cmp_swapped[op]);
    if (r != VM_NOTIMPL(vm)) return r;
    obj_decref(vm, r);
  }
  if (ta->tp_richcompare) {
    r = ta->tp_richcompare(vm, a, b, op);
    if (r != VM_NOTIMPL(vm)) return r;
    obj_decref(vm, r);
  }
  if (!checked_reverse && tb->tp_richcompare) {
    r = tb->tp_richcompare(vm, b, a, cmp_swapped[op]);
    if (r != VM_NOTIMPL(vm)) return r;
    obj_decref(vm, r);
  }
  if (op == CMP_EQ) return vm_bool(vm, a == b);
  if (op == CMP_NE) return vm_bool(vm, a != b);
  return exc_set(vm, &vm->exc_TypeError,
                 "'%s' not supported between instances of '%s' and '%s'", cmp_symbols[op],
                 type_name(ta), type_name(tb));
}

int obj_richcompare_bool(VM *vm, Object *a, Object *b, int op) {
  if (a == b) {
    if (op == CMP_EQ) return 1;
    if (op == CMP_NE) return 0;
  }
  Object *r = obj_richcompare(vm, a, b, op);
  if (!r) return -1;
  int ok;
  if (r == vm->true_obj) ok = 1;
  else if (r == vm->false_obj) ok = 0;
  else ok = obj_is_true(vm, r);
  obj_decref(vm, r);
  return ok;
}

int obj_eq(VM *vm, Object *a, Object *b) {
  return obj_richcompare_bool(vm, a, b, CMP_EQ);
}

int obj_is_true(VM *vm, Object *o) {
  if (o == vm->true_obj) return 1;
  if (o == vm->false_obj || o == VM_NONE(vm)) return 0;
  if (obj_is_small(o)) return small_value(o) != 0;
  TypeObject *t = o->ob_type;
  if (t->tp_bool) return t->tp_bool(vm, o);
  if (t->tp_len) {
    ssize_t n = t->tp_len(vm, o);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

/* ---- containers ---------------------------------------------------------------- */

ssize_t obj_len(VM *vm, Object *o) {
  TypeObject *t = obj_type(vm, o);
  if (!t->tp_len) {
    exc_set(vm, &vm->exc_TypeError, "object of type '%s' has no len()", type_name(t));
    return -1;
  }
  return t->tp_len(vm, o);
}

Object *obj_getitem(VM *vm, Object *o, Object *key) {
  TypeObject *t = obj_type(vm, o);
  if (t->tp_getitem) return t->tp_getitem(vm, o, key);
  if (TYPE_CHECK(vm, o)) {
    /* list[int] and friends: __class_getitem__ */
    Object *cg = obj_lookup_attr(vm, o, vm->id.__class_getitem__);
    if (cg) {
      Object *r = obj_call1(vm, cg, key);
      obj_decref(vm, cg);
      return r;
    }
    if (exc_occurred(vm)) return NULL;
    return exc_set(vm, &vm->exc_TypeError, "type '%s' is not subscriptable",
                   type_name((TypeObject *)o));
  }
  return exc_set(vm, &vm->exc_TypeError, "'%s' object is not subscriptable", type_name(t));
}

int obj_setitem(VM *vm, Object *o, Object *key, Object *value) {
  TypeObject *t = obj_type(vm, o);
  if (!t->tp_setitem) {
    exc_set(vm, &vm->exc_TypeError, "'%s' object does not support item assignment",
            type_name(t));
    return -1;
  }
  return t->tp_setitem(vm, o, key, value);
}

int obj_delitem(VM *vm, Object *o, Object *key) {
  TypeObject *t = obj_type(vm, o);
  if (!t->tp_setitem) {
    /* CPython words it per path: PySequence_DelItem (an int key on a type with
       sequence methods; classes always have them) or PyObject_DelItem. */
    bool seq = (t->tp_flags & TYPE_FLAG_HEAPTYPE) || t->tp_getitem || t->tp_len;
    exc_set(vm, &vm->exc_TypeError, seq && INT_CHECK(vm, key)
                ? "'%s' object doesn't support item deletion"
                : "'%s' object does not support item deletion", type_name(t));
    return -1;
  }
  return t->tp_setitem(vm, o, key, NULL);
}

int obj_contains(VM *vm, Object *container, Object *item) {
  TypeObject *t = obj_type(vm, container);
  if (t->tp_contains) return t->tp_contains(vm, container, item);
  if (!t->tp_iter && !t->tp_getitem) {
    exc_set(vm, &vm->exc_TypeError, "argument of type '%s' is not iterable", type_name(t));
    return -1;
  }
  Object *it = obj_iter(vm, container);
  if (!it) return -1;
  int found = 0;
  Object *x;
  while ((x = obj_next(vm, it)) != NULL) {
    found = obj_richcompare_bool(vm, x, item, CMP_EQ);
    obj_decref(vm, x);
    if (found != 0) break;
  }
  obj_decref(vm, it);
  if (found == 0 && exc_occurred(vm)) return -1;
  return found;
}

/* ---- arithmetic ---------------------------------------------------------------- */

static const char *const binop_symbols[] = {
  "+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//",
};

/* a op b without the in-place step: CPython's binary_op1. New reference or
   NotImplemented (new reference), NULL on error. */
static Object *binop1(VM *vm, Object *a, Object *b, int op) {
  TypeObject *ta = obj_type(vm, a), *tb = obj_type(vm, b);
  Object *(*fa)(VM *, Object *, Object *, int) = ta->tp_binop;
  Object *(*fb)(VM *, Object *, Object *, int) = tb != ta ? tb->tp_binop : NULL;
  if (fb == fa) fb = NULL;
  Object *r;
  if (fa) {
    if (fb && type_is_subtype(tb, ta)) {
      r = fb(vm, a, b, op);
      if (r != VM_NOTIMPL(vm)) return r;
      obj_decref(vm, r);
      fb = NULL;
    }
    r = fa(vm, a, b, op);
    if (r != VM_NOTIMPL(vm)) return r;
    obj_decref(vm, r);
  }
  if (fb) return fb(vm, a, b, op);
  return obj_newref(VM_NOTIMPL(vm));
}

Object *obj_binop(VM *vm, Object *a, Object *b, int op) {
  int base = op & ~BINOP_INPLACE;
  Object *r;
  if (op & BINOP_INPLACE) {
    TypeObject *ta = obj_type(vm, a);
    if (ta->tp_binop) {
      r = ta->tp_binop(vm, a, b, op);
      if (r != VM_NOTIMPL(vm)) return r;
      obj_decref(vm, r);
    }
  }
  r = binop1(vm, a, b, base);
  if (r != VM_NOTIMPL(vm)) return r;
  obj_decref(vm, r);
  const char *sym = binop_symbols[base];
  const char *eq = (op & BINOP_INPLACE) ? "=" : "";
  if (base == BINOP_POW && !(op & BINOP_INPLACE))
    return exc_set(vm, &vm->exc_TypeError,
                   "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                   type_name(obj_type(vm, a)), type_name(obj_type(vm, b)));
  if (base == BINOP_ADD && STR_CHECK(vm, a) && !STR_CHECK(vm, b) && !(op & BINOP_INPLACE))
    return exc_set(vm, &vm->exc_TypeError, "can only concatenate str (not \"%s\") to str",
                   type_name(obj_type(vm, b)));
  if (base == BINOP_ADD && LIST_CHECK(vm, a) && !LIST_CHECK(vm, b))
    return exc_set(vm, &vm->exc_TypeError, "can only concatenate list (not \"%s\") to list",
                   type_name(obj_type(vm, b)));
  if (base == BINOP_ADD && TUPLE_CHECK(vm, a) && !TUPLE_CHECK(vm, b) && !(op & BINOP_INPLACE))
    return exc_set(vm, &vm->exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                   type_name(obj_type(vm, b)));
  if (base == BINOP_MUL && (STR_CHECK(vm, a) || LIST_CHECK(vm, a) || TUPLE_CHECK(vm, a) ||
                            STR_CHECK(vm, b) || LIST_CHECK(vm, b) || TUPLE_CHECK(vm, b)))
    return exc_set(vm, &vm->exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                   type_name(obj_type(vm, (STR_CHECK(vm, a) || LIST_CHECK(vm, a) ||
                                           TUPLE_CHECK(vm, a)) ? b : a)));
  return exc_set(vm, &vm->exc_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                 sym, eq, type_name(obj_type(vm, a)), type_name(obj_type(vm, b)));
}

Object *obj_pow3(VM *vm, Object *a, Object *b, Object *mod) {
  if (mod == VM_NONE(vm)) return obj_binop(vm, a, b, BINOP_POW);
  TypeObject *ta = obj_type(vm, a);
  if (ta->tp_ternpow) {
    Object *r = ta->tp_ternpow(vm, a, b, mod);
    if (r != VM_NOTIMPL(vm)) return r;
    obj_decref(vm, r);
  }
  return exc_set(vm, &vm->exc_TypeError,
                 "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                 type_name(ta), type_name(obj_type(vm, b)), type_name(obj_type(vm, mod)));
}

Object *obj_unaryop(VM *vm, Object *o, int op) {
  TypeObject *t = obj_type(vm, o);
  if (t->tp_unaryop) {
    Object *r = t->tp_unaryop(vm, o, op);
    if (r != VM_NOTIMPL(vm)) return r;
    obj_decref(vm, r);
  }
  switch (op) {
  case UNARY_NEG: return exc_set(vm, &vm->exc_TypeError, "bad operand type for unary -: '%s'", type_name(t));
  case UNARY_POS: return exc_set(vm, &vm->exc_TypeError, "bad operand type for unary +: '%s'", type_name(t));
  case UNARY_INVERT: return exc_set(vm, &vm->exc_TypeError, "bad operand type for unary ~: '%s'", type_name(t));
  case UNARY_ABS: return exc_set(vm, &vm->exc_TypeError, "bad operand type for abs(): '%s'", type_name(t));
  case UNARY_INDEX:
    return exc_set(vm, &vm->exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   type_name(t));
  case UNARY_INT:
    return exc_set(vm, &vm->exc_TypeError,
                   "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                   type_name(t));
  default:
    return exc_set(vm, &vm->exc_TypeError, "must be real number, not %s", type_name(t));
  }
}

ssize_t obj_as_index(VM *vm, Object *o, int *err) {
  *err = 0;
  if (obj_is_small(o)) {
    int64_t v = small_value(o);
    return (ssize_t)v;
  }
  Object *i = INT_CHECK(vm, o) ? obj_newref(o) : obj_unaryop(vm, o, UNARY_INDEX);
  if (!i) {
    *err = 1;
    return -1;
  }
  int64_t v;
  if (int_as_i64(vm, i, &v) < 0) {
    obj_decref(vm, i);
    exc_clear(vm);
    exc_set(vm, &vm->exc_IndexError, "cannot fit '%s' into an index-sized integer",
            type_name(obj_type(vm, o)));
    *err = 1;
    return -1;
  }
  obj_decref(vm, i);
  return (ssize_t)v;
}

/* ---- attributes ---------------------------------------------------------------- */

Object *obj_getattr(VM *vm, Object *o, Object *name) {
  TypeObject *t = obj_type(vm, o);
  if (t->tp_getattro) return t->tp_getattro(vm, o, name);
  return obj_generic_getattr(vm, o, name);
}

Object *obj_getattr_cstr(VM *vm, Object *o, const char *name) {
  Object *n = str_intern_cstr(vm, name);
  if (!n) return NULL;
  Object *r = obj_getattr(vm, o, n);
  obj_decref(vm, n);
  return r;
}

Object *obj_lookup_attr(VM *vm, Object *o, Object *name) {
  Object *r = obj_getattr(vm, o, name);
  if (!r && exc_matches(vm, &vm->exc_AttributeError)) exc_clear(vm);
  return r;
}

/* Address of the instance dict pointer, or NULL when instances have none. */
static Object **instance_dict_ptr(VM *vm, Object *o) {
  if (obj_is_small(o)) return NULL;
  ssize_t off = o->ob_type->tp_dictoffset;
  return off ? (Object **)((char *)o + off) : NULL;
}

Object *obj_generic_getattr(VM *vm, Object *o, Object *name) {
  TypeObject *t = obj_type(vm, o);
  Object *descr = type_lookup(vm, t, name);
  Object *(*get)(VM *, Object *, Object *, Object *) = NULL;
  if (descr) {
    obj_incref(descr);
    get = obj_type(vm, descr)->tp_descr_get;
    if (get && obj_type(vm, descr)->tp_descr_set) {   /* data descriptor wins */
      Object *r = get(vm, descr, o, (Object *)t);
      obj_decref(vm, descr);
      return r;
    }
  }
  Object **dictp = instance_dict_ptr(vm, o);
  if (dictp) {
    Object *v = *dictp ? dict_getitem_str(vm, *dictp, name) : type_inline_get(vm, o, name);
    if (v) {
      obj_xdecref(vm, descr);
      return obj_newref(v);
    }
  }
  if (descr) {
    if (get) {
      Object *r = get(vm, descr, o, (Object *)t);
      obj_decref(vm, descr);
      return r;
    }
    return descr;
  }
  return exc_set(vm, &vm->exc_AttributeError, "'%s' object has no attribute '%U'",
                 type_name(t), name);
}

int obj_generic_setattr(VM *vm, Object *o, Object *name, Object *value) {
  TypeObject *t = obj_type(vm, o);
  Object *descr = type_lookup(vm, t, name);
  if (descr) {
    int (*set)(VM *, Object *, Object *, Object *) = obj_type(vm, descr)->tp_descr_set;
    if (set) {
      obj_incref(descr);
      int r = set(vm, descr, o, value);
      obj_decref(vm, descr);
      return r;
    }
  }
  Object **dictp = instance_dict_ptr(vm, o);
  if (!dictp) {
    if (descr)
      exc_set(vm, &vm->exc_AttributeError, "'%s' object attribute '%U' is read-only",
              type_name(t), name);
    else
      exc_set(vm, &vm->exc_AttributeError, "'%s' object has no attribute '%U'",
              type_name(t), name);
    return -1;
  }
  if (!*dictp && (t->tp_flags & TYPE_FLAG_HEAPTYPE)) {   /* maybe inline values */
    int r = type_inline_set(vm, o, name, value);
    if (r <= 0) return r;
    goto missing;
  }
  if (!*dictp) {
    if (!value) goto missing;
    *dictp = dict_new(vm);
    if (!*dictp) return -1;
  }
  if (value) return dict_setitem(vm, *dictp, name, value);
  if (dict_delitem(vm, *dictp, name) == 0) return 0;
  if (!exc_matches(vm, &vm->exc_KeyError)) return -1;
  exc_clear(vm);
missing:
  exc_set(vm, &vm->exc_AttributeError, "'%s' object has no attribute '%U'", type_name(t), name);
  return -1;
}

int obj_setattr(VM *vm, Object *o, Object *name, Object *value) {
  TypeObject *t = obj_type(vm, o);
  if (t->tp_setattro) return t->tp_setattro(vm, o, name, value);
  return obj_generic_setattr(vm, o, name, value);
}

int obj_setattr_cstr(VM *vm, Object *o, const char *name, Object *value) {
  Object *n = str_intern_cstr(vm, name);
  if (!n) return -1;
  int r = obj_setattr(vm, o, n, value);
  obj_decref(vm, n);
  return r;
}

/* ---- calls --------------------------------------------------------------------- */

Object *obj_call(VM *vm, Object *callable, Object *const *args, size_t nargs, Object *kwnames) {
  TypeObject *t = obj_type(vm, callable);
  if (!t->tp_call)
    return exc_set(vm, &vm->exc_TypeError, "'%s' object is not callable", type_name(t));
  if (!recursion_enter(vm, " while calling a Python object")) return NULL;
  Object *r = t->tp_call(vm, callable, args, nargs, kwnames);
  vm->recursion_depth--;
  return r;
}

Object *obj_call0(VM *vm, Object *callable) { return obj_call(vm, callable, NULL, 0, NULL); }

Object *obj_call1(VM *vm, Object *callable, Object *a) {
  return obj_call(vm, callable, &a, 1, NULL);
}

Object *obj_call2(VM *vm, Object *callable, Object *a, Object *b) {
  Object *args[2] = {a, b};
  return obj_call(vm, callable, args, 2, NULL);
}

Object *obj_call_tuple_dict(VM *vm, Object *callable, Object *args, Object *kwargs) {
  ssize_t np = TUPLE_SIZE(args);
  ssize_t nk = kwargs ? dict_size(kwargs) : 0;
  if (nk == 0) return obj_call(vm, callable, TUPLE_ITEMS(args), (size_t)np, NULL);
  Object **argv = heap_alloc(vm, sizeof(Object *) * (size_t)(np + nk));
  if (!argv) return NULL;
  Object *kwnames = tuple_alloc(vm, nk);
  if (!kwnames) {
    heap_free(vm, argv, sizeof(Object *) * (size_t)(np + nk));
    return NULL;
  }
  memcpy(argv, TUPLE_ITEMS(args), sizeof(Object *) * (size_t)np);
  ssize_t pos = 0, i = 0;
  Object *k, *v;
  while (dict_next(kwargs, &pos, &k, &v)) {
    TUPLE_ITEMS(kwnames)[i] = obj_newref(k);
    argv[np + i++] = v;
  }
  Object *r = obj_call(vm, callable, argv, (size_t)np, kwnames);
  obj_decref(vm, kwnames);
  heap_free(vm, argv, sizeof(Object *) * (size_t)(np + nk));
  return r;
}

Object *obj_call_method(VM *vm, Object *o, const char *name, Object *const *args, size_t nargs) {
  Object *m = obj_getattr_cstr(vm, o, name);
  if (!m) return NULL;
  Object *r = obj_call(vm, m, args, nargs, NULL);
  obj_decref(vm, m);
  return r;
}

bool obj_callable(VM *vm, Object *o) { return obj_type(vm, o)->tp_call != NULL; }

/* ---- iteration ----------------------------------------------------------------- */

typedef struct SeqIterObject {
  Object ob;
  ssize_t index;
  Object *seq;   /* NULL once exhausted */
} SeqIterObject;

Object *obj_iter(VM *vm, Object *o) {
  TypeObject *t = obj_type(vm, o);
  if (t->tp_iter) {
    Object *it = t->tp_iter(vm, o);
    if (it && !obj_type(vm, it)->tp_iternext) {
      exc_set(vm, &vm->exc_TypeError, "iter() returned non-iterator of type '%s'",
              type_name(obj_type(vm, it)));
      obj_decref(vm, it);
      return NULL;
    }
    return it;
  }
  if (t->tp_getitem && !DICT_CHECK(vm, o)) {
    SeqIterObject *it = (SeqIterObject *)obj_alloc(vm, &vm->seq_iter_type, 0);
    if (!it) return NULL;
    it->seq = obj_newref(o);
    gc_track(vm, &it->ob);
    return &it->ob;
  }
  return exc_set(vm, &vm->exc_TypeError, "'%s' object is not iterable", type_name(t));
}

Object *obj_next(VM *vm, Object *iter) {
  TypeObject *t = obj_type(vm, iter);
  if (!t->tp_iternext)
    return exc_set(vm, &vm->exc_TypeError, "'%s' object is not an iterator", type_name(t));
  /* Builtins that drain iterators (sum, list(), join...) charge the host's budget
     here, so an embedded `sum(range(10**12))` can be stopped. */
  if (api_tick(vm, 1) < 0) return NULL;
  Object *r = t->tp_iternext(vm, iter);
  if (!r && exc_occurred(vm) && exc_matches(vm, &vm->exc_StopIteration)) exc_clear(vm);
  return r;
}

static Object *seqiter_next(VM *vm, Object *self) {
  SeqIterObject *it = (SeqIterObject *)self;
  if (!it->seq) return NULL;
  Object *idx = int_from_i64(vm, it->index);
  Object *r = obj_getitem(vm, it->seq, idx);
  obj_decref(vm, idx);
  if (!r) {
    if (exc_matches(vm, &vm->exc_IndexError) || exc_matches(vm, &vm->exc_StopIteration)) {
      exc_clear(vm);
      OBJ_CLEAR(vm, it->seq);
    }
    return NULL;
  }
  it->index++;
  return r;
}

static Object *seqiter_iter(VM *vm, Object *self) { return obj_newref(self); }

static int seqiter_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  SeqIterObject *it = (SeqIterObject *)self;
  return it->seq ? visit(vm, it->seq, arg) : 0;
}

static int seqiter_clear(VM *vm, Object *self) {
  OBJ_CLEAR(vm, ((SeqIterObject *)self)->seq);
  return 0;
}

static void seqiter_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  OBJ_CLEAR(vm, ((SeqIterObject *)self)->seq);
  obj_free(vm, self, sizeof(SeqIterObject));
}

void seqiter_type_init(VM *vm) {
  TypeObject *t = &vm->seq_iter_type;
  type_init_builtin(vm, t, "iterator", NULL, sizeof(SeqIterObject), 0, TYPE_FLAG_GC);
  t->tp_iter = seqiter_iter;
  t->tp_iternext = seqiter_next;
  t->tp_traverse = seqiter_traverse;
  t->tp_clear = seqiter_clear;
  t->tp_dealloc = seqiter_dealloc;
}

/* ---- isinstance / issubclass --------------------------------------------------- */

static int check_class_arg(VM *vm, Object *cls, const char *fname, bool sub) {
  if (TYPE_CHECK(vm, cls)) return 0;
  if (sub)
    exc_set(vm, &vm->exc_TypeError,
            "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  else
    exc_set(vm, &vm->exc_TypeError,
            "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return -1;
}

static int recursive_check(VM *vm, Object *x, Object *cls, bool sub) {
  Object *members = type_union_args(vm, cls);   /* int | str checks like (int, str) */
  if (members) cls = members;
  if (TUPLE_CHECK(vm, cls)) {
    for (ssize_t i = 0; i < TUPLE_SIZE(cls); i++) {
      int r = recursive_check(vm, x, TUPLE_ITEMS(cls)[i], sub);
      if (r != 0) return r;
    }
    return 0;
  }
  /* A metaclass may override the check (__instancecheck__/__subclasscheck__). */
  if (TYPE_CHECK(vm, cls) && obj_type(vm, cls) != &vm->type_type) {
    Object *hook = type_lookup(vm, obj_type(vm, cls),
                               sub ? vm->id.__subclasscheck__ : vm->id.__instancecheck__);
    if (hook && obj_type(vm, hook) == &vm->function_type) {
      Object *args[2] = {cls, x};
      Object *r = obj_call(vm, hook, args, 2, NULL);
      if (!r) return -1;
      int ok = obj_is_true(vm, r);
      obj_decref(vm, r);
      return ok;
    }
  }
  if (check_class_arg(vm, cls, NULL, sub) < 0) return -1;
  if (sub) {
    if (!TYPE_CHECK(vm, x)) {
      exc_set(vm, &vm->exc_TypeError, "issubclass() arg 1 must be a class");
      return -1;
    }
    return type_is_subtype((TypeObject *)x, (TypeObject *)cls);
  }
  if (type_is_subtype(obj_type(vm, x), (TypeObject *)cls)) return 1;
  /* x.__class__ may differ from type(x) (proxies); honour it as CPython does. */
  return 0;
}

int obj_isinstance(VM *vm, Object *o, Object *cls) { return recursive_check(vm, o, cls, false); }

int obj_issubclass(VM *vm, Object *derived, Object *cls) {
  return recursive_check(vm, derived, cls, true);
}
