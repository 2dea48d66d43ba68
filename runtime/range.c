/*
 * range: CPython 3.11's range (Objects/rangeobject.c) restricted to int64 bounds.
 *
 * The length is computed once at construction in unsigned arithmetic, so ranges
 * spanning the whole int64 line are exact. Item i is start + i*step, evaluated in
 * wrapping uint64 arithmetic (always in range for a valid i). Membership for ints is
 * arithmetic; other objects fall back to comparing against every item, as CPython's
 * _PySequence_IterSearch does.
 *
 * range equality compares the sequences (range(0) == range(2, 1)), and the hash is
 * hash((len, start, step)) with None for the parts that do not matter, so equal
 * ranges hash alike, exactly as CPython.
 */
#include "runtime/range.h"

#include <limits.h>

#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define R(o) ((RangeObject *)(o))

static uint64_t range_length(int64_t start, int64_t stop, int64_t step) {
  if (step > 0) {
    if (start >= stop) return 0;
    return ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
  }
  if (start <= stop) return 0;
  return ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1;
}

static inline int64_t range_at(RangeObject *r, uint64_t i) {
  return (int64_t)((uint64_t)r->start + i * (uint64_t)r->step);
}

static void range_dealloc(VM *vm, Object *self) {
  RangeObject *r = R(self);
  OBJ_CLEAR(vm, r->start_o);
  OBJ_CLEAR(vm, r->stop_o);
  OBJ_CLEAR(vm, r->step_o);
  OBJ_CLEAR(vm, r->len_o);
  obj_free(vm, self, sizeof(RangeObject));
}

static Object *range_alloc(VM *vm) {
  return obj_alloc(vm, &vm->range_type, 0);   /* zero-filled: a valid empty state */
}

Object *range_new(VM *vm, int64_t start, int64_t stop, int64_t step) {
  RangeObject *r = (RangeObject *)range_alloc(vm);
  if (!r) return NULL;
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->len = range_length(start, stop, step);
  r->start_o = int_from_i64(vm, start);
  r->stop_o = int_from_i64(vm, stop);
  r->step_o = int_from_i64(vm, step);
  r->len_o = int_from_u64(vm, r->len);
  if (!r->start_o || !r->stop_o || !r->step_o || !r->len_o) {
    obj_decref(vm, &r->ob);
    return NULL;
  }
  return &r->ob;
}

/* a op b for ints; steals neither. New reference. */
static inline Object *iop(VM *vm, Object *a, Object *b, int op) { return int_binop(vm, a, b, op); }

/* CPython's compute_range_length on int objects. New reference. */
static Object *big_length(VM *vm, Object *lo, Object *hi, Object *step) {
  bool neg = int_sign(vm, step) < 0;
  if (neg) {
    Object *t = lo;
    lo = hi;
    hi = t;
  }
  if (int_compare(vm, lo, hi) >= 0) return small_new(0);
  Object *pos_step = neg ? iop(vm, small_new(0), step, BINOP_SUB) : obj_newref(step);
  Object *diff = pos_step ? iop(vm, hi, lo, BINOP_SUB) : NULL;
  Object *d1 = diff ? iop(vm, diff, small_new(1), BINOP_SUB) : NULL;
  Object *q = d1 ? iop(vm, d1, pos_step, BINOP_FLOORDIV) : NULL;
  Object *n = q ? iop(vm, q, small_new(1), BINOP_ADD) : NULL;
  obj_xdecref(vm, q);
  obj_xdecref(vm, d1);
  obj_xdecref(vm, diff);
  obj_xdecref(vm, pos_step);
  return n;
}

/* Make a range from three ints (borrowed); the int64 fast path when everything fits. */
static Object *range_from_ints(VM *vm, Object *start, Object *stop, Object *step) {
  int64_t a, b, c;
  if (int_as_i64(vm, start, &a) == 0 && int_as_i64(vm, stop, &b) == 0 &&
      int_as_i64(vm, step, &c) == 0 && range_length(a, b, c) <= (uint64_t)INT64_MAX)
    return range_new(vm, a, b, c);
  exc_clear(vm);
  RangeObject *r = (RangeObject *)range_alloc(vm);
  if (!r) return NULL;
  r->big = true;
  r->start_o = obj_newref(start);
  r->stop_o = obj_newref(stop);
  r->step_o = obj_newref(step);
  r->len_o = big_length(vm, start, stop, step);
  if (!r->len_o) {
    obj_decref(vm, &r->ob);
    return NULL;
  }
  return &r->ob;
}

/* New reference: an index-like argument as an exact int ("'float' object cannot be
   interpreted as an integer"). */
static Object *arg_int(VM *vm, Object *o) {
  if (obj_is_small(o)) return o;
  if (INT_CHECK_EXACT(vm, o)) return obj_newref(o);
  Object *i = INT_CHECK(vm, o) ? obj_newref(o) : obj_unaryop(vm, o, UNARY_INDEX);
  if (!i) return NULL;
  Object *r = int_exact(vm, i);
  obj_decref(vm, i);
  return r;
}

static Object *range_tp_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                            Object *kwnames) {
  if (arg_no_kw(vm, "range", kwnames) < 0) return NULL;
  if (arg_count(vm, "range", nargs, 1, 3) < 0) return NULL;
  Object *v[3] = {small_new(0), NULL, small_new(1)};
  Object *r = NULL;
  for (size_t i = 0; i < nargs; i++) {
    Object *x = arg_int(vm, args[i]);
    if (!x) goto done;
    v[nargs == 1 ? 1 : i] = x;
  }
  if (int_sign(vm, v[2]) == 0) {
    exc_set(vm, &vm->exc_ValueError, "range() arg 3 must not be zero");
    goto done;
  }
  r = range_from_ints(vm, v[0], v[1], v[2]);
done:
  for (int i = 0; i < 3; i++) obj_xdecref(vm, v[i]);
  return r;
}

static Object *range_repr(VM *vm, Object *self) {
  RangeObject *r = R(self);
  if (!r->big && r->step == 1)
    return str_from_format(vm, "range(%R, %R)", r->start_o, r->stop_o);
  if (r->big && int_compare(vm, r->step_o, small_new(1)) == 0)
    return str_from_format(vm, "range(%R, %R)", r->start_o, r->stop_o);
  return str_from_format(vm, "range(%R, %R, %R)", r->start_o, r->stop_o, r->step_o);
}

static ssize_t range_len(VM *vm, Object *self) {
  if (R(self)->big) {
    int64_t n;
    if (int_as_i64(vm, R(self)->len_o, &n) == 0) return (ssize_t)n;
    exc_clear(vm);
    exc_set(vm, &vm->exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  if (R(self)->len > (uint64_t)SSIZE_MAX) {
    exc_set(vm, &vm->exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return (ssize_t)R(self)->len;
}

static int range_bool(VM *vm, Object *self) {
  return R(self)->big ? int_sign(vm, R(self)->len_o) != 0 : R(self)->len != 0;
}

/* Big ranges: new reference to the position of int v, or NULL (no exception) when v
   is not in r. */
static Object *big_position(VM *vm, RangeObject *r, Object *v) {
  int c1 = int_compare(vm, v, r->start_o), c2 = int_compare(vm, v, r->stop_o);
  if (int_sign(vm, r->step_o) > 0 ? (c1 < 0 || c2 >= 0) : (c1 > 0 || c2 <= 0)) return NULL;
  Object *diff = iop(vm, v, r->start_o, BINOP_SUB);
  Object *m = diff ? iop(vm, diff, r->step_o, BINOP_MOD) : NULL;
  Object *pos = m && int_sign(vm, m) == 0 ? iop(vm, diff, r->step_o, BINOP_FLOORDIV) : NULL;
  obj_xdecref(vm, m);
  obj_xdecref(vm, diff);
  return pos;
}

static Object *big_overflow(VM *vm) {
  return exc_set(vm, &vm->exc_OverflowError, "Python int too large to convert to C ssize_t");
}

/* The position of int v in r, or -1 if absent (v an exact int or bool). */
static int64_t int_position(VM *vm, RangeObject *r, Object *v) {
  int64_t x;
  if (obj_is_small(v)) {
    x = small_value(v);
  } else if (int_as_i64(vm, v, &x) < 0) {
    exc_clear(vm);   /* beyond int64: never in a range */
    return -1;
  }
  if (r->len == 0) return -1;
  if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return -1;
  uint64_t diff = r->step > 0 ? (uint64_t)x - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)x;
  uint64_t ustep = r->step > 0 ? (uint64_t)r->step : 0 - (uint64_t)r->step;
  if (diff % ustep) return -1;
  return (int64_t)(diff / ustep);
}

static bool is_plain_int(VM *vm, Object *o) {
  return INT_CHECK_EXACT(vm, o) || BOOL_CHECK(vm, o);
}

/* Count (or find, when find is true) items equal to v by comparing each item. */
static int64_t search_items(VM *vm, RangeObject *r, Object *v, bool find) {
  int64_t count = 0;
  for (uint64_t i = 0; i < r->len; i++) {
    Object *item = int_from_i64(vm, range_at(r, i));
    if (!item) return -2;
    int c = obj_richcompare_bool(vm, item, v, CMP_EQ);
    obj_decref(vm, item);
    if (c < 0) return -2;
    if (c) {
      if (find) return (int64_t)i;
      count++;
    }
  }
  return find ? -1 : count;
}

static int range_contains(VM *vm, Object *self, Object *v) {
  if (is_plain_int(vm, v) && R(self)->big) {
    Object *pos = big_position(vm, R(self), v);
    if (!pos) return exc_occurred(vm) ? -1 : 0;
    obj_decref(vm, pos);
    return 1;
  }
  if (is_plain_int(vm, v)) return int_position(vm, R(self), v) >= 0;
  if (R(self)->big) {
    big_overflow(vm);
    return -1;
  }
  int64_t r = search_items(vm, R(self), v, true);
  return r == -2 ? -1 : r >= 0;
}

static Object *range_richcompare(VM *vm, Object *a, Object *b, int op) {
  if (obj_is_small(b) || b->ob_type != &vm->range_type || (op != CMP_EQ && op != CMP_NE))
    return obj_newref(VM_NOTIMPL(vm));
  RangeObject *x = R(a), *y = R(b);
  bool eq = int_compare(vm, x->len_o, y->len_o) == 0;
  if (eq && int_sign(vm, x->len_o) != 0) {
    eq = int_compare(vm, x->start_o, y->start_o) == 0 &&
         (int_compare(vm, x->len_o, small_new(1)) == 0 ||
          int_compare(vm, x->step_o, y->step_o) == 0);
  }
  return vm_bool(vm, op == CMP_EQ ? eq : !eq);
}

static int64_t range_hash(VM *vm, Object *self) {
  RangeObject *r = R(self);
  int n = int_compare(vm, r->len_o, small_new(1));   /* -1: empty, 0: one item */
  Object *t = tuple_pack(vm, 3, r->len_o, n >= 0 ? r->start_o : VM_NONE(vm),
                         n > 0 ? r->step_o : VM_NONE(vm));
  int64_t h = t ? obj_hash(vm, t) : -1;
  obj_xdecref(vm, t);
  return h;
}

/* r[key] for a big range and an index-like key. */
static Object *big_item(VM *vm, RangeObject *r, Object *key) {
  Object *i = arg_int(vm, key);
  if (!i) return NULL;
  if (int_sign(vm, i) < 0) {
    Object *j = iop(vm, i, r->len_o, BINOP_ADD);
    obj_decref(vm, i);
    if (!(i = j)) return NULL;
  }
  Object *res = NULL;
  if (int_sign(vm, i) < 0 || int_compare(vm, i, r->len_o) >= 0) {
    exc_set(vm, &vm->exc_IndexError, "range object index out of range");
  } else {
    Object *off = iop(vm, i, r->step_o, BINOP_MUL);
    res = off ? iop(vm, r->start_o, off, BINOP_ADD) : NULL;
    obj_xdecref(vm, off);
  }
  obj_decref(vm, i);
  return res;
}

static Object *range_getitem(VM *vm, Object *self, Object *key) {
  RangeObject *r = R(self);
  if (r->big && !SLICE_CHECK(vm, key) && slice_has_index(vm, key)) return big_item(vm, r, key);
  if (r->big) return big_overflow(vm);
  if (SLICE_CHECK(vm, key)) {
    ssize_t len = range_len(vm, self);
    if (len < 0) return NULL;
    ssize_t sstart, sstop, sstep;
    if (slice_unpack(vm, key, &sstart, &sstop, &sstep) < 0) return NULL;
    slice_adjust_indices(len, &sstart, &sstop, sstep);
    __int128 start = (__int128)r->start + (__int128)sstart * r->step;
    __int128 stop = (__int128)r->start + (__int128)sstop * r->step;
    __int128 step = (__int128)r->step * sstep;
    if (start < INT64_MIN || start > INT64_MAX || stop < INT64_MIN || stop > INT64_MAX ||
        step < INT64_MIN || step > INT64_MAX)
      return exc_set(vm, &vm->exc_OverflowError, "Python int too large to convert to C long");
    return range_new(vm, (int64_t)start, (int64_t)stop, (int64_t)step);
  }
  if (!slice_has_index(vm, key))
    return exc_set(vm, &vm->exc_TypeError, "range indices must be integers or slices, not %s",
                   type_name(obj_type(vm, key)));
  ssize_t i;
  if (slice_as_ssize(vm, key, &vm->exc_IndexError, &i) < 0) return NULL;
  uint64_t ui = i < 0 ? r->len - (uint64_t)(-(i + 1)) - 1 : (uint64_t)i;
  if ((i < 0 && (uint64_t)(-(i + 1)) >= r->len) || ui >= r->len)
    return exc_set(vm, &vm->exc_IndexError, "range object index out of range");
  return int_from_i64(vm, range_at(r, ui));
}

/* ---- iterator --------------------------------------------------------------- */

static Object *rangeiter_new(VM *vm, int64_t next, int64_t step, uint64_t n) {
  RangeIterObject *it = (RangeIterObject *)obj_alloc(vm, &vm->range_iter_type, 0);
  if (!it) return NULL;
  it->next = next;
  it->step = step;
  it->remaining = n;
  return &it->ob;
}

static Object *range_iter(VM *vm, Object *self) {
  RangeObject *r = R(self);
  if (r->big) {
    /* Only the length is huge in practice (range(10**20)): iterate it as int64. */
    int64_t start, step;
    if (int_as_i64(vm, r->start_o, &start) < 0 || int_as_i64(vm, r->step_o, &step) < 0)
      return NULL;
    return rangeiter_new(vm, start, step, UINT64_MAX);
  }
  return rangeiter_new(vm, r->start, r->step, r->len);
}

static Object *rangeiter_next(VM *vm, Object *self) {
  int64_t v;
  if (!range_iter_next_fast(self, &v)) return NULL;
  return int_from_i64(vm, v);
}

static Object *rangeiter_length_hint(VM *vm, Object *self, Object *const *a, size_t n,
                                     Object *kw) {
  return int_from_u64(vm, ((RangeIterObject *)self)->remaining);
}

static void rangeiter_dealloc(VM *vm, Object *self) {
  obj_free(vm, self, sizeof(RangeIterObject));
}

/* ---- methods ---------------------------------------------------------------- */

static Object *m_reversed(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  RangeObject *r = R(self);
  if (r->big) return big_overflow(vm);
  int64_t last = r->len ? range_at(r, r->len - 1) : r->start;
  return rangeiter_new(vm, last, (int64_t)(0 - (uint64_t)r->step), r->len);
}

static Object *m_count(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  if (R(self)->big) {
    int c = range_contains(vm, self, args[0]);
    return c < 0 ? NULL : int_from_i64(vm, c);
  }
  if (is_plain_int(vm, args[0])) return int_from_i64(vm, int_position(vm, R(self), args[0]) >= 0);
  int64_t c = search_items(vm, R(self), args[0], false);
  return c < 0 ? NULL : int_from_i64(vm, c);
}

static Object *m_index(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  Object *v = args[0];
  if (R(self)->big && is_plain_int(vm, v)) {
    Object *pos = big_position(vm, R(self), v);
    if (!pos && !exc_occurred(vm)) exc_set(vm, &vm->exc_ValueError, "%R is not in range", v);
    return pos;
  }
  if (R(self)->big) return big_overflow(vm);
  if (is_plain_int(vm, v)) {
    int64_t pos = int_position(vm, R(self), v);
    if (pos < 0) return exc_set(vm, &vm->exc_ValueError, "%R is not in range", v);
    return int_from_i64(vm, pos);
  }
  int64_t pos = search_items(vm, R(self), v, true);
  if (pos == -2) return NULL;
  if (pos < 0)
    return exc_set(vm, &vm->exc_ValueError, "sequence.index(x): x not in sequence");
  return int_from_i64(vm, pos);
}

static const MemberDef range_members[] = {
  {"start", MEMBER_OBJECT_RO, offsetof(RangeObject, start_o), NULL},
  {"stop", MEMBER_OBJECT_RO, offsetof(RangeObject, stop_o), NULL},
  {"step", MEMBER_OBJECT_RO, offsetof(RangeObject, step_o), NULL},
  {NULL, 0, 0, NULL},
};

static const MethodDef range_methods[] = {
  {"__reversed__", m_reversed, METH_NOARGS, "Return a reverse iterator."},
  {"count", m_count, METH_O, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
  {"index", m_index, METH_O, "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."},
  {NULL, NULL, 0, NULL},
};

static const MethodDef rangeiter_methods[] = {
  {"__length_hint__", rangeiter_length_hint, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
  {NULL, NULL, 0, NULL},
};

void range_type_init(VM *vm) {
  TypeObject *t = &vm->range_type;
  type_init_builtin(vm, t, "range", NULL, sizeof(RangeObject), 0, 0);
  t->tp_dealloc = range_dealloc;
  t->tp_new = range_tp_new;
  t->tp_repr = range_repr;
  t->tp_hash = range_hash;
  t->tp_richcompare = range_richcompare;
  t->tp_bool = range_bool;
  t->tp_len = range_len;
  t->tp_getitem = range_getitem;
  t->tp_contains = range_contains;
  t->tp_iter = range_iter;
  t->tp_methods = range_methods;
  t->tp_members = range_members;
  t->tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement).";

  TypeObject *it = &vm->range_iter_type;
  type_init_builtin(vm, it, "range_iterator", NULL, sizeof(RangeIterObject), 0, 0);
  it->tp_dealloc = rangeiter_dealloc;
  it->tp_iter = list_iter_self;
  it->tp_iternext = rangeiter_next;
  it->tp_methods = rangeiter_methods;
}
