/*
 * tuple: immutable sequences. Tuples are containers (tracked) unless every item is
 * atomic, in which case the collector may untrack them (as CPython does).
 */
#ifndef KITE_RUNTIME_TUPLE_H
#define KITE_RUNTIME_TUPLE_H

#include "vm/vm.h"

typedef struct TupleObject {
  VarObject ob;
  Object *items[];
} TupleObject;

#define TUPLE_ITEMS(t) (((TupleObject *)(t))->items)
#define TUPLE_SIZE(t) (((VarObject *)(t))->ob_size)

/* New reference: a tuple of n NULL items to be filled with TUPLE_ITEMS (each store
   steals); it is tracked only by tuple_track or when created by the helpers below.
   n == 0 returns the shared empty tuple. */
Object *tuple_alloc(VM *vm, ssize_t n);
/* Track a tuple filled after tuple_alloc (no-op for the empty tuple). */
void tuple_track(VM *vm, Object *t);
/* New reference: a tuple of the n borrowed objects in items. */
Object *tuple_from_array(VM *vm, Object *const *items, ssize_t n);
/* New reference: tuple_pack(vm, 2, a, b); the arguments are borrowed. */
Object *tuple_pack(VM *vm, ssize_t n, ...);
/* New reference: tuple(iterable). */
Object *tuple_from_iterable(VM *vm, Object *iterable);
/* New reference: t[lo:hi] (clamped). */
Object *tuple_slice(VM *vm, Object *t, ssize_t lo, ssize_t hi);

/* Create vm->empty_tuple (immortal, untracked). Called by vm_new once the types are
   ready. 0 or -1. */
int tuple_create_singletons(VM *vm);
/* Release the free lists of recycled tuples (gc.collect(2) may call it too). */
void tuple_clear_freelists(VM *vm);
/* VM teardown, once no tuple is referenced any more: the free lists and the empty
   tuple. */
void tuple_finish(VM *vm);
/* For the collector: true if tuple t can never take part in a cycle (every item is
   atomic or an untracked exact tuple), so it may be untracked. CPython's
   _PyTuple_MaybeUntrack test. */
bool tuple_maybe_untrack_ok(VM *vm, Object *t);

/* Initialises tuple and tuple_iterator. */
void tuple_type_init(VM *vm);

#endif
