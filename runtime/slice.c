/*
 * slice: slice objects and the index arithmetic of CPython's Objects/sliceobject.c.
 *
 * slice_unpack/slice_adjust_indices are PySlice_Unpack/PySlice_AdjustIndices: the
 * unpack step clamps out-of-range integers to the ssize_t range (so `a[:10**100]`
 * works), and the adjust step clips to a concrete length. Every sequence type slices
 * through these two, which keeps the corner cases (negative steps, huge bounds) in one
 * place.
 */
#include "runtime/slice.h"

#include <limits.h>

#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define SSIZE_MIN (-SSIZE_MAX - 1)

bool slice_has_index(VM *vm, Object *o) {
  if (INT_CHECK(vm, o)) return true;
  return type_lookup(vm, obj_type(vm, o), vm->id.__index__) != NULL;
}

int slice_as_ssize(VM *vm, Object *o, TypeObject *exc, ssize_t *out) {
  if (obj_is_small(o)) {
    *out = (ssize_t)small_value(o);
    return 0;
  }
  Object *i = INT_CHECK(vm, o) ? obj_newref(o) : obj_unaryop(vm, o, UNARY_INDEX);
  if (!i) return -1;
  int64_t v;
  int rc = 0;
  if (int_as_i64(vm, i, &v) == 0) {
    *out = (ssize_t)v;
  } else if (!exc_matches(vm, &vm->exc_OverflowError)) {
    rc = -1;
  } else {
    exc_clear(vm);
    if (exc) {
      exc_set(vm, exc, "cannot fit '%s' into an index-sized integer",
              type_name(obj_type(vm, o)));
      rc = -1;
    } else {
      *out = int_sign(vm, i) < 0 ? SSIZE_MIN : SSIZE_MAX;
    }
  }
  obj_decref(vm, i);
  return rc;
}

/* _PyEval_SliceIndex: None leaves *out alone. */
static int slice_index(VM *vm, Object *o, ssize_t *out) {
  if (o == VM_NONE(vm)) return 0;
  if (!slice_has_index(vm, o)) {
    exc_set(vm, &vm->exc_TypeError,
            "slice indices must be integers or None or have an __index__ method");
    return -1;
  }
  return slice_as_ssize(vm, o, NULL, out);
}

int slice_unpack(VM *vm, Object *slice, ssize_t *start, ssize_t *stop, ssize_t *step) {
  SliceObject *s = (SliceObject *)slice;
  *step = 1;
  if (s->step != VM_NONE(vm)) {
    if (slice_index(vm, s->step, step) < 0) return -1;
    if (*step == 0) {
      exc_set(vm, &vm->exc_ValueError, "slice step cannot be zero");
      return -1;
    }
    if (*step < -SSIZE_MAX) *step = -SSIZE_MAX;   /* so that -step cannot overflow */
  }
  *start = *step < 0 ? SSIZE_MAX : 0;
  if (slice_index(vm, s->start, start) < 0) return -1;
  *stop = *step < 0 ? SSIZE_MIN : SSIZE_MAX;
  if (slice_index(vm, s->stop, stop) < 0) return -1;
  return 0;
}

ssize_t slice_adjust_indices(ssize_t length, ssize_t *start, ssize_t *stop, ssize_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

Object *slice_new(VM *vm, Object *start, Object *stop, Object *step) {
  SliceObject *s = (SliceObject *)obj_alloc(vm, &vm->slice_type, 0);
  if (!s) return NULL;
  s->start = obj_newref(start ? start : VM_NONE(vm));
  s->stop = obj_newref(stop ? stop : VM_NONE(vm));
  s->step = obj_newref(step ? step : VM_NONE(vm));
  gc_track(vm, &s->ob);
  return &s->ob;
}

/* ---- slots ------------------------------------------------------------------- */

static void slice_dealloc(VM *vm, Object *self) {
  SliceObject *s = (SliceObject *)self;
  gc_untrack(vm, self);
  OBJ_CLEAR(vm, s->start);
  OBJ_CLEAR(vm, s->stop);
  OBJ_CLEAR(vm, s->step);
  obj_free(vm, self, sizeof(SliceObject));
}

static int slice_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  SliceObject *s = (SliceObject *)self;
  Object *parts[3] = {s->start, s->stop, s->step};
  for (int i = 0; i < 3; i++) {
    if (parts[i] && !obj_is_small(parts[i])) {
      int r = visit(vm, parts[i], arg);
      if (r) return r;
    }
  }
  return 0;
}

static int slice_clear(VM *vm, Object *self) {
  SliceObject *s = (SliceObject *)self;
  OBJ_SETREF(vm, s->start, vm_none(vm));
  OBJ_SETREF(vm, s->stop, vm_none(vm));
  OBJ_SETREF(vm, s->step, vm_none(vm));
  return 0;
}

static Object *slice_tp_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                            Object *kwnames) {
  if (arg_no_kw(vm, "slice", kwnames) < 0) return NULL;
  if (arg_count(vm, "slice", nargs, 1, 3) < 0) return NULL;
  if (nargs == 1) return slice_new(vm, NULL, args[0], NULL);
  return slice_new(vm, args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static Object *slice_repr(VM *vm, Object *self) {
  SliceObject *s = (SliceObject *)self;
  return str_from_format(vm, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Object *slice_richcompare(VM *vm, Object *a, Object *b, int op) {
  if (!SLICE_CHECK(vm, a) || !SLICE_CHECK(vm, b)) return obj_newref(VM_NOTIMPL(vm));
  if (a == b && (op == CMP_EQ || op == CMP_NE)) return vm_bool(vm, op == CMP_EQ);
  SliceObject *x = (SliceObject *)a, *y = (SliceObject *)b;
  Object *tx = tuple_pack(vm, 3, x->start, x->stop, x->step);
  if (!tx) return NULL;
  Object *ty = tuple_pack(vm, 3, y->start, y->stop, y->step);
  if (!ty) {
    obj_decref(vm, tx);
    return NULL;
  }
  Object *r = obj_richcompare(vm, tx, ty, op);
  obj_decref(vm, tx);
  obj_decref(vm, ty);
  return r;
}

/* slice.indices(length): _PySlice_GetLongIndices, in ssize_t arithmetic. */
static Object *m_indices(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  SliceObject *s = (SliceObject *)self;
  ssize_t length, start, stop, step = 1;
  if (!slice_has_index(vm, args[0])) {
    return exc_set(vm, &vm->exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   type_name(obj_type(vm, args[0])));
  }
  if (slice_as_ssize(vm, args[0], &vm->exc_OverflowError, &length) < 0) return NULL;
  if (length < 0) return exc_set(vm, &vm->exc_ValueError, "length should not be negative");
  if (s->step != VM_NONE(vm)) {
    if (slice_index(vm, s->step, &step) < 0) return NULL;
    if (step == 0) return exc_set(vm, &vm->exc_ValueError, "slice step cannot be zero");
  }
  ssize_t lower = step < 0 ? -1 : 0, upper = step < 0 ? length - 1 : length;
  ssize_t *parts[2] = {&start, &stop};
  Object *objs[2] = {s->start, s->stop};
  ssize_t defaults[2] = {step < 0 ? upper : lower, step < 0 ? lower : upper};
  for (int i = 0; i < 2; i++) {
    ssize_t v = defaults[i];
    if (objs[i] != VM_NONE(vm)) {
      if (slice_index(vm, objs[i], &v) < 0) return NULL;
      if (v < 0) {
        v = v < SSIZE_MIN + length ? lower : v + length;
        if (v < lower) v = lower;
      } else if (v > upper) {
        v = upper;
      }
    }
    *parts[i] = v;
  }
  Object *a = int_from_i64(vm, start), *b = int_from_i64(vm, stop), *c = int_from_i64(vm, step);
  Object *r = (a && b && c) ? tuple_pack(vm, 3, a, b, c) : NULL;
  obj_xdecref(vm, a);
  obj_xdecref(vm, b);
  obj_xdecref(vm, c);
  return r;
}

static const MethodDef slice_methods[] = {
  {"indices", m_indices, METH_O,
   "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate the start and stop\nindices, and the stride length of the extended slice described by\nS. Out of bounds indices are clipped in a manner consistent with the\nhandling of normal slices."},
  {NULL, NULL, 0, NULL},
};

static const MemberDef slice_members[] = {
  {"start", MEMBER_OBJECT_RO, offsetof(SliceObject, start), NULL},
  {"stop", MEMBER_OBJECT_RO, offsetof(SliceObject, stop), NULL},
  {"step", MEMBER_OBJECT_RO, offsetof(SliceObject, step), NULL},
  {NULL, 0, 0, NULL},
};

void slice_type_init(VM *vm) {
  TypeObject *t = &vm->slice_type;
  type_init_builtin(vm, t, "slice", NULL, sizeof(SliceObject), 0, TYPE_FLAG_GC);
  t->tp_dealloc = slice_dealloc;
  t->tp_traverse = slice_traverse;
  t->tp_clear = slice_clear;
  t->tp_new = slice_tp_new;
  t->tp_repr = slice_repr;
  t->tp_richcompare = slice_richcompare;
  t->tp_methods = slice_methods;
  t->tp_members = slice_members;
  t->tp_doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2]).";
}
