/*
 * gc: the generational cycle collector (CPython's algorithm, Kite's bookkeeping).
 *
 * Reference counting frees most objects; this module finds the unreachable cycles.
 * Only containers are tracked (types with TYPE_FLAG_GC and a tp_traverse); atomic
 * objects never are.
 *
 * Bookkeeping: instead of CPython's two 16-byte links per object, the VM keeps one
 * table of pointers to tracked objects, ordered by generation:
 *
 *     table: [ permanent | gen 2 | gen 1 | gen 0 ]
 *              0 ...      start[2] start[1] start[0] ... count
 *
 * and each tracked object stores (its index + 1) in the low 30 bits of ob_gc. That is
 * 8 bytes per tracked object (plus amortised slack), and it makes generations cheap:
 * collecting generation g scans exactly the suffix table[start[g] .. count) and so never
 * touches older objects; promoting the survivors is moving a boundary. Untracking
 * swaps the hole with the last entry of each generation segment (at most 4 moves).
 *
 * No write barrier: the collector is stop-the-world and never moves objects, and every
 * tracked object's references are found by tp_traverse at collection time, so stores
 * into containers need no hook. (An incremental collector would need one; see
 * STYLE.md item 19.)
 *
 * Why it is sound to scan only a suffix: a reference from an older (unscanned) object
 * into the collected region is not subtracted, so the target looks externally
 * referenced and survives, which it must. Promotion keeps the invariant trivially.
 *
 * A collection never runs re-entrantly (a __del__ or callback that allocates during a
 * collection only bumps the counters), and an object owned by a C local always has an
 * external reference, so it is never in a garbage set.
 *
 * tp_traverse contract: visit every owned reference to a heap object; immediates
 * (small ints) may be skipped (the collector ignores them; gc.get_referents then
 * does not report them, as docs/memory.md says). Return the first non-zero visit
 * result.
 *
 * Deep deallocation chains are handled by obj_dealloc's trashcan (runtime/object.c),
 * which untracks an object before queueing it; nothing in this module is needed.
 *
 * KITE_DEBUG_STRESS_GC: every gc_track (while enabled, threshold 0 nonzero, no
 * exception pending) runs a collection first: of generation 0, of generation 1 every
 * 8th, a full one every 64th. A full collection at every track made the test suite
 * quadratic in heap size.
 */
#ifndef KITE_GC_GC_H
#define KITE_GC_GC_H

#include "runtime/object.h"

#define GC_NGENS 3

typedef struct GCGenStats {
  size_t collections;
  size_t collected;
  size_t uncollectable;
} GCGenStats;

typedef struct GCState {
  Object **table;               /* tracked objects, see above */
  size_t count, capacity;       /* entries used, allocated */
  size_t start[GC_NGENS];       /* start of generation g's segment; permanent = [0, start[2]) */
  int threshold[GC_NGENS];      /* 700, 10, 10 */
  int gen_count[GC_NGENS];      /* gen 0: allocations minus deallocations of tracked
                                   objects since the last collection; gen 1/2: number of
                                   collections of the younger generation since */
  size_t long_lived_total;      /* objects in gen 2 after the last full collection */
  size_t long_lived_pending;    /* objects promoted to gen 2 since */
  bool enabled;
  bool collecting;              /* guards against re-entry */
  int debug;                    /* gc.set_debug flags */
  GCGenStats stats[GC_NGENS];
  Object *garbage;              /* list: gc.garbage */
  Object *callbacks;            /* list: gc.callbacks */
  unsigned stress_tick;         /* KITE_DEBUG_STRESS_GC: tracks so far */
} GCState;

enum {
  GC_DEBUG_STATS = 1, GC_DEBUG_COLLECTABLE = 2, GC_DEBUG_UNCOLLECTABLE = 4,
  GC_DEBUG_SAVEALL = 32, GC_DEBUG_LEAK = 2 | 4 | 32,
};

void gc_init(VM *vm);
/* VM teardown, before its final collections: release gc.garbage and gc.callbacks and
   clear the debug flags, so that those collections free everything. */
void gc_release_lists(VM *vm);
/* Release gc.garbage and gc.callbacks (if still held), untrack everything and free the collector's
   own memory (VM teardown; the built-in types must still be usable). */
void gc_finish(VM *vm);

/* Start tracking o, which must be a fully initialised container (tracking it again
   is a no-op). May run a collection first, before o is in the table, if generation 0
   is over its threshold. */
void gc_track(VM *vm, Object *o);
/* Stop tracking o (no-op if it is not tracked). */
void gc_untrack(VM *vm, Object *o);
static inline bool gc_is_tracked(const Object *o) {
  return (o->ob_gc & OBJ_GC_INDEX_MASK) != 0;
}

/* Collect generations 0..gen. Returns the number of unreachable objects found
   (collected + uncollectable), or -1 with an exception set. */
ssize_t gc_collect(VM *vm, int gen);
/* The allocator's last resort before MemoryError: a full collection that leaves
   atomic tuples and dicts tracked (the failed allocation may be filling one). */
ssize_t gc_collect_emergency(VM *vm);
/* Called by the allocator when tracking pushes gen 0 over its threshold. */
void gc_maybe_collect(VM *vm);

#endif
