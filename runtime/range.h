/*
 * range: range objects and their iterator.
 *
 * A range holds start, stop and step as int64_t plus its precomputed length, and the
 * same values as int objects; it is atomic (never tracked). Ranges whose values do not
 * fit int64 ("big" ranges, e.g. range(10**20)) support len (OverflowError as CPython),
 * indexing, membership, equality, hash and repr through int arithmetic; slicing and
 * reversing them raise OverflowError (Kite's documented limit).
 *
 * range_iter is what iter(range) and reversed(range) return; the VM's FOR_ITER may
 * special-case it with range_iter_next_fast.
 */
#ifndef KITE_RUNTIME_RANGE_H
#define KITE_RUNTIME_RANGE_H

#include "vm/vm.h"

typedef struct RangeObject {
  Object ob;
  int64_t start, stop, step;   /* step != 0; valid unless big */
  uint64_t len;                /* number of items; valid unless big */
  Object *start_o, *stop_o, *step_o, *len_o;   /* the same as int objects (owned;
                                  immediates unless huge): attributes, repr, hash */
  bool big;                    /* some value needs more than int64: the slow paths
                                  work on the objects with int_binop */
} RangeObject;

typedef struct RangeIterObject {
  Object ob;
  int64_t next;                /* the value returned next (while remaining > 0) */
  int64_t step;
  uint64_t remaining;
} RangeIterObject;

static inline bool RANGE_ITER_CHECK(VM *vm, Object *o) {
  return !obj_is_small(o) && o->ob_type == &vm->range_iter_type;
}

/* FOR_ITER fast path: it must be a range_iter (RANGE_ITER_CHECK). Stores the next value
   and returns true, or returns false when exhausted. Never raises, never allocates:
   the caller boxes *out (small_new when small_fits, else int_from_i64). */
static inline bool range_iter_next_fast(Object *it, int64_t *out) {
  RangeIterObject *r = (RangeIterObject *)it;
  if (r->remaining == 0) return false;
  *out = r->next;
  r->next = (int64_t)((uint64_t)r->next + (uint64_t)r->step);   /* may wrap past the end */
  r->remaining--;
  return true;
}

/* New reference: range(start, stop, step); step must not be 0. */
Object *range_new(VM *vm, int64_t start, int64_t stop, int64_t step);

/* Initialises range and range_iterator. */
void range_type_init(VM *vm);

#endif
