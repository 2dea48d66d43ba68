/*
 * slice: slice objects (start:stop:step), and the index arithmetic every sequence
 * uses for them, exactly as CPython's PySlice_Unpack / PySlice_AdjustIndices.
 *
 * A slice holds three owned references (None for an omitted part). Slices are
 * containers (tracked, like CPython's) and unhashable in 3.11.
 *
 * Typical use in a sequence's getitem:
 *     ssize_t start, stop, step;
 *     if (slice_unpack(vm, key, &start, &stop, &step) < 0) return NULL;
 *     ssize_t n = slice_adjust_indices(len, &start, &stop, step);
 *     for (i = 0, cur = start; i < n; i++, cur += step) ...
 */
#ifndef KITE_RUNTIME_SLICE_H
#define KITE_RUNTIME_SLICE_H

#include "vm/vm.h"

typedef struct SliceObject {
  Object ob;
  Object *start, *stop, *step;   /* owned; None when omitted, never NULL */
} SliceObject;

static inline bool SLICE_CHECK(VM *vm, Object *o) {
  return !obj_is_small(o) && o->ob_type == &vm->slice_type;
}

/* New reference: slice(start, stop, step). Each argument is borrowed and may be NULL,
   meaning None. */
Object *slice_new(VM *vm, Object *start, Object *stop, Object *step);
/* PySlice_Unpack: convert the slice's parts to ssize_t, clamping out-of-range ints to
   PY_SSIZE_T_MIN/MAX the way CPython does (step to -SSIZE_MAX..SSIZE_MAX). None gives
   the defaults (start 0 or SSIZE_MAX for negative steps, stop SSIZE_MAX or SSIZE_MIN).
   0, or -1 with "slice step cannot be zero" (ValueError) or "slice indices must be
   integers or None or have an __index__ method" (TypeError). */
int slice_unpack(VM *vm, Object *slice, ssize_t *start, ssize_t *stop, ssize_t *step);
/* PySlice_AdjustIndices: clip start/stop to a sequence of `length` items and return
   the number of items the slice selects. Never fails. */
ssize_t slice_adjust_indices(ssize_t length, ssize_t *start, ssize_t *stop, ssize_t step);

/* True if o can be used as an index: an int, or a type defining __index__. */
bool slice_has_index(VM *vm, Object *o);
/* PyNumber_AsSsize_t(o, exc) for an o satisfying slice_has_index: a value outside
   ssize_t raises exc with "cannot fit 'int' into an index-sized integer", or, when exc
   is NULL, is clamped to SSIZE_MIN/SSIZE_MAX. 0 or -1. */
int slice_as_ssize(VM *vm, Object *o, TypeObject *exc, ssize_t *out);

void slice_type_init(VM *vm);

#endif
