/*
 * gc: the cycle collector on Kite's table bookkeeping (see gc/gc.h).
 * First version: tracking, generations and thresholds; collection comes next.
 */
#include "gc/gc.h"

#include <string.h>

#include "gc/heap.h"
#include "vm/vm.h"

void gc_init(VM *vm) {
  GCState *gc = &vm->gc;
  memset(gc, 0, sizeof *gc);
  gc->threshold[0] = 700;
  gc->threshold[1] = 10;
  gc->threshold[2] = 10;
  gc->enabled = true;
}

/* The end of table segment k: 0 = permanent, 1 = gen 2, 2 = gen 1, 3 = gen 0. */
static size_t *seg_end(GCState *gc, int k) {
  return k == 3 ? &gc->count : &gc->start[2 - k];
}

static inline size_t index_of(const Object *o) { return (o->ob_gc & OBJ_GC_INDEX_MASK) - 1; }
static inline void set_index(Object *o, size_t i) {
  o->ob_gc = (o->ob_gc & ~OBJ_GC_INDEX_MASK) | (uint32_t)(i + 1);
}

void gc_finish(VM *vm) {
  GCState *gc = &vm->gc;
  for (size_t i = 0; i < gc->count; i++) gc->table[i]->ob_gc &= ~OBJ_GC_INDEX_MASK;
  heap_free_raw(&vm->heap, gc->table, gc->capacity * sizeof(Object *));
  gc->table = NULL;
  gc->count = gc->capacity = 0;
  memset(gc->start, 0, sizeof gc->start);
}

static bool grow(VM *vm) {
  GCState *gc = &vm->gc;
  size_t ncap = gc->capacity ? gc->capacity * 2 : 1024;
  Object **t = heap_realloc_raw(&vm->heap, gc->table, gc->capacity * sizeof(Object *),
                                ncap * sizeof(Object *));
  if (!t) return false;
  gc->table = t;
  gc->capacity = ncap;
  return true;
}

void gc_track(VM *vm, Object *o) {
  GCState *gc = &vm->gc;
  if (gc_is_tracked(o)) return;
  if (gc->count == gc->capacity && !grow(vm)) return;  /* stays untracked: refcounting still frees it */
  gc->table[gc->count] = o;
  set_index(o, gc->count);
  gc->count++;
  gc->gen_count[0]++;
  gc_maybe_collect(vm);
}

/* Remove o from the table: the hole travels down the segments, each time filled by
   the last entry of the segment it is in. */
static void remove_entry(GCState *gc, Object *o) {
  size_t hole = index_of(o);
  int k = 0;
  while (hole >= *seg_end(gc, k)) k++;
  for (; k < 4; k++) {
    size_t *end = seg_end(gc, k);
    size_t last = *end - 1;
    if (last != hole) {
      gc->table[hole] = gc->table[last];
      set_index(gc->table[hole], hole);
    }
    hole = last;
    (*end)--;
  }
  o->ob_gc &= ~OBJ_GC_INDEX_MASK;
}

void gc_untrack(VM *vm, Object *o) {
  if (!gc_is_tracked(o)) return;
  remove_entry(&vm->gc, o);
  if (vm->gc.gen_count[0] > 0) vm->gc.gen_count[0]--;
}

ssize_t gc_collect(VM *vm, int gen) {
  (void)vm;
  (void)gen;
  return 0;
}

void gc_maybe_collect(VM *vm) {
  GCState *gc = &vm->gc;
  if (!gc->enabled || gc->threshold[0] == 0 || gc->collecting || vm->exc) return;
  if (gc->gen_count[0] <= gc->threshold[0]) return;
  for (int g = GC_NGENS - 1; g >= 0; g--) {
    if (gc->gen_count[g] > gc->threshold[g]) {
      if (g == GC_NGENS - 1 && gc->long_lived_pending < gc->long_lived_total / 4) continue;
      gc_collect(vm, g);
      break;
    }
  }
}
