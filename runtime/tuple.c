/*
 * tuple: CPython 3.11's tuple (Objects/tupleobject.c) on Kite's heap.
 *
 * Items are stored inline after the header. The empty tuple is one immortal, untracked
 * singleton per VM (vm->empty_tuple). Exact tuples of 1..TUPLE_MAXSAVESIZE-1 items are
 * recycled through per-VM free lists (vm->tuple_freelists[n], linked through items[0],
 * at most TUPLE_MAXFREELIST each), as CPython does; tuple_finish drains them.
 *
 * Tracking: tuples are tracked when created (tuple_track for tuple_alloc users). The
 * collector may untrack a tuple whose items can never form a cycle: it asks
 * tuple_maybe_untrack_ok, which is CPython's _PyTuple_MaybeUntrack test.
 *
 * The hash is CPython's xxHash-based tuplehash, so hash((1, 2)) equals CPython's for
 * items whose hashes do.
 */
#include "runtime/tuple.h"

#include <limits.h>
#include <stdarg.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/type.h"

#define TUPLE_MAXSAVESIZE 20     /* sizes 1..19 are recycled (matches vm->tuple_freelists) */
#define TUPLE_MAXFREELIST 2000

#define T(o) ((TupleObject *)(o))

typedef struct TupleIterObject {
  Object ob;
  Object *seq;      /* NULL once exhausted */
  ssize_t index;
} TupleIterObject;

/* ======================================================================== */
/* allocation                                                               */
/* ======================================================================== */

Object *tuple_alloc(VM *vm, ssize_t n) {
  if (n == 0) return obj_newref(vm->empty_tuple);
  if (n < 0 || (size_t)n > ((size_t)SSIZE_MAX - sizeof(TupleObject)) / sizeof(Object *))
    return exc_no_memory(vm);
  TupleObject *t;
  if (n < TUPLE_MAXSAVESIZE && vm->tuple_freelists[n]) {
    t = vm->tuple_freelists[n];
    vm->tuple_freelists[n] = (void *)t->items[0];
    vm->tuple_freelist_len[n]--;
    t->ob.ob_base.ob_refcnt = 1;
    t->ob.ob_base.ob_gc = 0;
    t->ob.ob_base.ob_type = &vm->tuple_type;
    memset(t->items, 0, sizeof(Object *) * (size_t)n);
  } else {
    t = (TupleObject *)obj_alloc(vm, &vm->tuple_type, n);
    if (!t) return NULL;
  }
  t->ob.ob_size = n;
  return &t->ob.ob_base;
}

void tuple_track(VM *vm, Object *t) {
  if (TUPLE_SIZE(t) && !gc_is_tracked(t)) gc_track(vm, t);
}

Object *tuple_from_array(VM *vm, Object *const *items, ssize_t n) {
  if (n == 0) return obj_newref(vm->empty_tuple);
  Object *t = tuple_alloc(vm, n);
  if (!t) return NULL;
  for (ssize_t i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = obj_newref(items[i]);
  gc_track(vm, t);
  return t;
}

Object *tuple_pack(VM *vm, ssize_t n, ...) {
  if (n == 0) return obj_newref(vm->empty_tuple);
  Object *t = tuple_alloc(vm, n);
  if (!t) return NULL;
  va_list ap;
  va_start(ap, n);
  for (ssize_t i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = obj_newref(va_arg(ap, Object *));
  va_end(ap);
  gc_track(vm, t);
  return t;
}

Object *tuple_from_iterable(VM *vm, Object *iterable) {
  if (TUPLE_CHECK_EXACT(vm, iterable)) return obj_newref(iterable);
  if (LIST_CHECK(vm, iterable)) return list_as_tuple(vm, iterable);
  if (TUPLE_CHECK(vm, iterable))
    return tuple_from_array(vm, TUPLE_ITEMS(iterable), TUPLE_SIZE(iterable));
  Object *l = list_from_iterable(vm, iterable);
  if (!l) return NULL;
  Object *t = list_as_tuple(vm, l);
  obj_decref(vm, l);
  return t;
}

Object *tuple_slice(VM *vm, Object *t, ssize_t lo, ssize_t hi) {
  ssize_t n = TUPLE_SIZE(t);
  if (lo < 0) lo = 0;
  if (hi > n) hi = n;
  if (hi < lo) hi = lo;
  if (lo == 0 && hi == n && TUPLE_CHECK_EXACT(vm, t)) return obj_newref(t);
  return tuple_from_array(vm, TUPLE_ITEMS(t) + lo, hi - lo);
}

int tuple_create_singletons(VM *vm) {
  Object *e = obj_alloc(vm, &vm->tuple_type, 0);
  if (!e) return -1;
  ((VarObject *)e)->ob_size = 0;
  e->ob_gc |= OBJ_GC_IMMORTAL;
  e->ob_refcnt = OBJ_IMMORTAL_INIT;
  vm->empty_tuple = e;
  return 0;
}

void tuple_clear_freelists(VM *vm) {
  for (int n = 1; n < TUPLE_MAXSAVESIZE; n++) {
    while (vm->tuple_freelists[n]) {
      TupleObject *t = vm->tuple_freelists[n];
      vm->tuple_freelists[n] = (void *)t->items[0];
      heap_free(vm, t, type_instance_size(&vm->tuple_type, n));
    }
    vm->tuple_freelist_len[n] = 0;
  }
}

void tuple_finish(VM *vm) {
  tuple_clear_freelists(vm);
  Object *e = vm->empty_tuple;
  if (e) {
    vm->empty_tuple = NULL;
    heap_free(vm, e, type_instance_size(&vm->tuple_type, 0));
  }
}

bool tuple_maybe_untrack_ok(VM *vm, Object *t) {
  for (ssize_t i = 0; i < TUPLE_SIZE(t); i++) {
    Object *o = TUPLE_ITEMS(t)[i];
    if (!o) return false;   /* still being filled */
    if (obj_is_small(o) || !(o->ob_type->tp_flags & TYPE_FLAG_GC)) continue;
    if (o->ob_type == &vm->tuple_type && !gc_is_tracked(o)) continue;
    return false;
  }
  return true;
}

/* ======================================================================== */
/* lifecycle slots                                                          */
/* ======================================================================== */

static void tuple_dealloc(VM *vm, Object *self) {
  ssize_t n = TUPLE_SIZE(self);
  if (n == 0 && self == vm->empty_tuple) return;   /* immortal */
  gc_untrack(vm, self);
  for (ssize_t i = n; --i >= 0;) obj_xdecref(vm, TUPLE_ITEMS(self)[i]);
  if (n < TUPLE_MAXSAVESIZE && n > 0 && self->ob_type == &vm->tuple_type &&
      vm->tuple_freelist_len[n] < TUPLE_MAXFREELIST) {
    TUPLE_ITEMS(self)[0] = vm->tuple_freelists[n];
    vm->tuple_freelists[n] = self;
    vm->tuple_freelist_len[n]++;
    return;
  }
  obj_free(vm, self, type_instance_size(self->ob_type, n));
}

static int tuple_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  for (ssize_t i = TUPLE_SIZE(self); --i >= 0;) {
    Object *o = TUPLE_ITEMS(self)[i];
    if (o && !obj_is_small(o)) {
      int r = visit(vm, o, arg);
      if (r) return r;
    }
  }
  return 0;
}

static Object *tuple_tp_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                            Object *kwnames) {
  if (type == &vm->tuple_type && arg_no_kw(vm, "tuple", kwnames) < 0) return NULL;
  if (arg_count(vm, "tuple", nargs, 0, 1) < 0) return NULL;
  Object *t = nargs ? tuple_from_iterable(vm, args[0]) : obj_newref(vm->empty_tuple);
  if (!t || type == &vm->tuple_type) return t;
  /* A subclass instance: copy the items into an object of the right type. */
  ssize_t n = TUPLE_SIZE(t);
  Object *r = obj_alloc(vm, type, n);
  if (r) {
    ((VarObject *)r)->ob_size = n;
    for (ssize_t i = 0; i < n; i++) TUPLE_ITEMS(r)[i] = obj_newref(TUPLE_ITEMS(t)[i]);
    gc_track(vm, r);
  }
  obj_decref(vm, t);
  return r;
}

/* ======================================================================== */
/* protocol slots                                                           */
/* ======================================================================== */

static Object *tuple_repr(VM *vm, Object *self) {
  ssize_t n = TUPLE_SIZE(self);
  if (n == 0) return str_from_cstr(vm, "()");
  int rc = repr_enter(vm, self);
  if (rc != 0) return rc > 0 ? str_from_cstr(vm, "(...)") : NULL;
  StrBuf b;
  strbuf_init(&b);
  strbuf_append_char(vm, &b, '(');
  for (ssize_t i = 0; i < n; i++) {
    if (i) strbuf_append(vm, &b, ", ", 2);
    Object *r = obj_repr(vm, TUPLE_ITEMS(self)[i]);
    if (!r) {
      strbuf_discard(vm, &b);
      repr_leave(vm, self);
      return NULL;
    }
    strbuf_append_str(vm, &b, r);
    obj_decref(vm, r);
  }
  if (n == 1) strbuf_append_char(vm, &b, ',');
  strbuf_append_char(vm, &b, ')');
  repr_leave(vm, self);
  return strbuf_finish(vm, &b);
}

#define XXPRIME_1 UINT64_C(11400714785074694791)
#define XXPRIME_2 UINT64_C(14029467366897019727)
#define XXPRIME_5 UINT64_C(2870177450012600261)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static int64_t tuple_hash(VM *vm, Object *self) {
  ssize_t n = TUPLE_SIZE(self);
  uint64_t acc = XXPRIME_5;
  for (ssize_t i = 0; i < n; i++) {
    int64_t h = obj_hash(vm, TUPLE_ITEMS(self)[i]);
    if (h == -1) return -1;
    acc += (uint64_t)h * XXPRIME_2;
    acc = XXROTATE(acc);
    acc *= XXPRIME_1;
  }
  acc += (uint64_t)n ^ (XXPRIME_5 ^ UINT64_C(3527539));
  if (acc == UINT64_MAX) return 1546275796;
  return (int64_t)acc;
}

static ssize_t tuple_len(VM *vm, Object *self) { return TUPLE_SIZE(self); }

static int tuple_contains(VM *vm, Object *self, Object *x) {
  for (ssize_t i = 0; i < TUPLE_SIZE(self); i++) {
    int r = list_item_eq(vm, TUPLE_ITEMS(self)[i], x);
    if (r != 0) return r;
  }
  return 0;
}

static Object *tuple_richcompare(VM *vm, Object *a, Object *b, int op) {
  if (!TUPLE_CHECK(vm, a) || !TUPLE_CHECK(vm, b)) return obj_newref(VM_NOTIMPL(vm));
  ssize_t na = TUPLE_SIZE(a), nb = TUPLE_SIZE(b), i;
  if (na != nb && (op == CMP_EQ || op == CMP_NE)) return vm_bool(vm, op == CMP_NE);
  for (i = 0; i < na && i < nb; i++) {
    int k = list_item_eq(vm, TUPLE_ITEMS(a)[i], TUPLE_ITEMS(b)[i]);
    if (k < 0) return NULL;
    if (!k) break;
  }
  if (i >= na || i >= nb) {
    bool r;
    switch (op) {
    case CMP_LT: r = na < nb; break;
    case CMP_LE: r = na <= nb; break;
    case CMP_EQ: r = na == nb; break;
    case CMP_NE: r = na != nb; break;
    case CMP_GT: r = na > nb; break;
    default: r = na >= nb; break;
    }
    return vm_bool(vm, r);
  }
  if (op == CMP_EQ) return vm_bool(vm, false);
  if (op == CMP_NE) return vm_bool(vm, true);
  return obj_richcompare(vm, TUPLE_ITEMS(a)[i], TUPLE_ITEMS(b)[i], op);
}

static Object *tuple_item(VM *vm, Object *self, ssize_t i) {
  if (i < 0) i += TUPLE_SIZE(self);
  if ((size_t)i >= (size_t)TUPLE_SIZE(self))
    return exc_set(vm, &vm->exc_IndexError, "tuple index out of range");
  return obj_newref(TUPLE_ITEMS(self)[i]);
}

static Object *tuple_getitem(VM *vm, Object *self, Object *key) {
  if (obj_is_small(key)) return tuple_item(vm, self, (ssize_t)small_value(key));
  if (SLICE_CHECK(vm, key)) {
    ssize_t start, stop, step;
    if (slice_unpack(vm, key, &start, &stop, &step) < 0) return NULL;
    ssize_t n = slice_adjust_indices(TUPLE_SIZE(self), &start, &stop, step);
    if (n <= 0) return obj_newref(vm->empty_tuple);
    if (step == 1) return tuple_slice(vm, self, start, stop);
    Object *r = tuple_alloc(vm, n);
    if (!r) return NULL;
    for (ssize_t i = 0, cur = start; i < n; i++, cur += step)
      TUPLE_ITEMS(r)[i] = obj_newref(TUPLE_ITEMS(self)[cur]);
    gc_track(vm, r);
    return r;
  }
  if (slice_has_index(vm, key)) {
    ssize_t i;
    if (slice_as_ssize(vm, key, &vm->exc_IndexError, &i) < 0) return NULL;
    return tuple_item(vm, self, i);
  }
  return exc_set(vm, &vm->exc_TypeError, "tuple indices must be integers or slices, not %s",
                 type_name(obj_type(vm, key)));
}

static Object *tuple_concat(VM *vm, Object *a, Object *b) {
  ssize_t na = TUPLE_SIZE(a), nb = TUPLE_SIZE(b);
  if (nb == 0 && TUPLE_CHECK_EXACT(vm, a)) return obj_newref(a);
  if (na == 0 && TUPLE_CHECK_EXACT(vm, b)) return obj_newref(b);
  Object *r = tuple_alloc(vm, na + nb);
  if (!r) return NULL;
  for (ssize_t i = 0; i < na; i++) TUPLE_ITEMS(r)[i] = obj_newref(TUPLE_ITEMS(a)[i]);
  for (ssize_t i = 0; i < nb; i++) TUPLE_ITEMS(r)[na + i] = obj_newref(TUPLE_ITEMS(b)[i]);
  gc_track(vm, r);
  return r;
}

static Object *tuple_repeat(VM *vm, Object *a, ssize_t count) {
  ssize_t n = TUPLE_SIZE(a);
  if (count == 1 && TUPLE_CHECK_EXACT(vm, a)) return obj_newref(a);
  if (count <= 0 || n == 0) return obj_newref(vm->empty_tuple);
  if (count > SSIZE_MAX / (ssize_t)sizeof(Object *) / n) return exc_no_memory(vm);
  Object *r = tuple_alloc(vm, n * count);
  if (!r) return NULL;
  Object **dst = TUPLE_ITEMS(r);
  for (ssize_t c = 0; c < count; c++)
    for (ssize_t i = 0; i < n; i++) *dst++ = obj_newref(TUPLE_ITEMS(a)[i]);
  gc_track(vm, r);
  return r;
}

static Object *tuple_binop(VM *vm, Object *a, Object *b, int op) {
  if (op & BINOP_INPLACE) return obj_newref(VM_NOTIMPL(vm));
  if (op == BINOP_ADD && TUPLE_CHECK(vm, a) && TUPLE_CHECK(vm, b)) return tuple_concat(vm, a, b);
  if (op == BINOP_MUL) {
    Object *seq = TUPLE_CHECK(vm, a) ? a : b, *n = seq == a ? b : a;
    if (slice_has_index(vm, n)) {
      ssize_t count;
      if (obj_is_small(n)) count = (ssize_t)small_value(n);
      else if (slice_as_ssize(vm, n, &vm->exc_OverflowError, &count) < 0) return NULL;
      return tuple_repeat(vm, seq, count);
    }
  }
  return obj_newref(VM_NOTIMPL(vm));
}

/* ======================================================================== */
/* methods                                                                  */
/* ======================================================================== */

static Object *m_count(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  ssize_t count = 0;
  for (ssize_t i = 0; i < TUPLE_SIZE(self); i++) {
    int c = list_item_eq(vm, TUPLE_ITEMS(self)[i], args[0]);
    if (c < 0) return NULL;
    count += c;
  }
  return int_from_i64(vm, count);
}

static int index_bound(VM *vm, Object *o, ssize_t n, ssize_t *out) {
  if (!slice_has_index(vm, o)) {
    exc_set(vm, &vm->exc_TypeError,
            "slice indices must be integers or have an __index__ method");
    return -1;
  }
  ssize_t v;
  if (slice_as_ssize(vm, o, NULL, &v) < 0) return -1;
  if (v < 0) {
    v += n;
    if (v < 0) v = 0;
  }
  *out = v;
  return 0;
}

static Object *m_index(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (arg_count(vm, "index", nargs, 1, 3) < 0) return NULL;
  ssize_t n = TUPLE_SIZE(self), start = 0, stop = SSIZE_MAX;
  if (nargs > 1 && index_bound(vm, args[1], n, &start) < 0) return NULL;
  if (nargs > 2 && index_bound(vm, args[2], n, &stop) < 0) return NULL;
  for (ssize_t i = start; i < stop && i < n; i++) {
    int c = list_item_eq(vm, TUPLE_ITEMS(self)[i], args[0]);
    if (c < 0) return NULL;
    if (c) return int_from_i64(vm, i);
  }
  return exc_set(vm, &vm->exc_ValueError, "tuple.index(x): x not in tuple");
}

static Object *m_sizeof(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return int_from_i64(vm, (int64_t)type_instance_size(self->ob_type, TUPLE_SIZE(self)));
}

static Object *m_getnewargs(VM *vm, Object *self, Object *const *args, size_t nargs,
                            Object *kw) {
  Object *t = tuple_from_array(vm, TUPLE_ITEMS(self), TUPLE_SIZE(self));
  if (!t) return NULL;
  Object *r = tuple_pack(vm, 1, t);
  obj_decref(vm, t);
  return r;
}

static const MethodDef tuple_methods[] = {
  {"count", m_count, METH_O, "Return number of occurrences of value."},
  {"index", m_index, METH_VARARGS | METH_NOKW, "Return first index of value.\n\nRaises ValueError if the value is not present."},
  {"__getnewargs__", m_getnewargs, METH_NOARGS, NULL},
  {"__sizeof__", m_sizeof, METH_NOARGS, "Size of object in memory, in bytes."},
  {NULL, NULL, 0, NULL},
};

/* ======================================================================== */
/* iterator                                                                 */
/* ======================================================================== */

static Object *tuple_iter(VM *vm, Object *self) {
  TupleIterObject *it = (TupleIterObject *)obj_alloc(vm, &vm->tuple_iter_type, 0);
  if (!it) return NULL;
  it->seq = obj_newref(self);
  it->index = 0;
  gc_track(vm, &it->ob);
  return &it->ob;
}

static Object *tupleiter_next(VM *vm, Object *self) {
  TupleIterObject *it = (TupleIterObject *)self;
  Object *seq = it->seq;
  if (!seq) return NULL;
  if (it->index < TUPLE_SIZE(seq)) return obj_newref(TUPLE_ITEMS(seq)[it->index++]);
  it->seq = NULL;
  obj_decref(vm, seq);
  return NULL;
}

static Object *tupleiter_length_hint(VM *vm, Object *self, Object *const *args, size_t nargs,
                                     Object *kw) {
  TupleIterObject *it = (TupleIterObject *)self;
  return int_from_i64(vm, it->seq ? TUPLE_SIZE(it->seq) - it->index : 0);
}

static const MethodDef tupleiter_methods[] = {
  {"__length_hint__", tupleiter_length_hint, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
  {NULL, NULL, 0, NULL},
};

void tuple_type_init(VM *vm) {
  TypeObject *t = &vm->tuple_type;
  type_init_builtin(vm, t, "tuple", NULL, sizeof(TupleObject), sizeof(Object *),
                    TYPE_FLAG_BASETYPE | TYPE_FLAG_GC | TYPE_FLAG_TUPLE_SUBCLASS);
  t->tp_dealloc = tuple_dealloc;
  t->tp_traverse = tuple_traverse;
  t->tp_new = tuple_tp_new;
  t->tp_repr = tuple_repr;
  t->tp_hash = tuple_hash;
  t->tp_richcompare = tuple_richcompare;
  t->tp_binop = tuple_binop;
  t->tp_binop_mask = (1u << BINOP_ADD) | (1u << BINOP_MUL);
  t->tp_rbinop_mask = t->tp_binop_mask & ~(1u << BINOP_ADD);
  t->tp_len = tuple_len;
  t->tp_getitem = tuple_getitem;
  t->tp_contains = tuple_contains;
  t->tp_iter = tuple_iter;
  t->tp_methods = tuple_methods;
  t->tp_doc = "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object.";

  list_seqiter_type_init(vm, &vm->tuple_iter_type, "tuple_iterator", sizeof(TupleIterObject),
                         tupleiter_next, tupleiter_methods);
}
