/*
 * gc: CPython's cycle-finding algorithm (Modules/gcmodule.c, InternalDocs/
 * garbage_collector.md) on Kite's table bookkeeping (gc/gc.h).
 *
 * The collected region.
 *   Collecting generation g first merges the younger generations into g, so the
 *   region is the table suffix R = table[start[g] .. count). Older objects are never
 *   read: references from them into R look exactly like references from C locals
 *   (external), which is what makes a young collection cheap and correct.
 *
 * gc_refs states (kept in a scratch array refs[i - base], not in the objects):
 *   after update_refs:    refs = ob_refcnt
 *   after subtract_refs:  refs = references from outside R (C locals, the VM stack,
 *                         older generations, untracked containers); > 0 means
 *                         "directly reachable"
 *   during mark:          refs > 0 = reachable (scanned or on the mark stack),
 *                         refs == 0 = tentatively unreachable
 *   after mark:           refs == 0 = unreachable: nothing outside R can reach it
 *
 *   CPython's move_unreachable gets the same result by moving list links; here the
 *   reachable set grows through an explicit mark stack (indices; it only ever holds
 *   objects whose count was 0, so it stays small when most of R is referenced from
 *   outside). Then one stable pass compacts R: reachable objects first, in table
 *   order, unreachable after them (so gc.garbage and DEBUG_COLLECTABLE list them in
 *   tracking order, as CPython does).
 *
 * After the partition (no user code has run yet):
 *   - exact tuples (always) and dicts (full collections) whose items are all atomic
 *     are untracked while compacting (CPython's untrack_tuples/untrack_dicts), except
 *     in an emergency collection: the allocation that failed may be filling one;
 *   - the survivors are promoted by moving boundaries: R becomes part of generation
 *     g+1 (or stays in 2), younger generations are empty;
 *   - the unreachable objects are copied to an array U and each gets a temporary
 *     reference. From here on user code runs (finalizers, tp_clear cascades) and may
 *     untrack or free anything, moving table entries; the collector only looks at U.
 *
 * Finalizers (PEP 442): tp_finalize runs once per object (OBJ_GC_FINALIZED). If any
 * ran, reachability inside U is computed again (refs = ob_refcnt - 1 for our
 * temporary reference, minus references from inside U): an object referenced from
 * outside U was resurrected, and it and everything it reaches survive (they are
 * already in the older generation). The rest is cleared (tp_clear, or appended to
 * gc.garbage under DEBUG_SAVEALL), then the temporary references are dropped, which
 * frees the garbage through ordinary refcounting.
 *
 * The pending exception is saved around the whole collection and every finalizer and
 * callback runs with none pending; an exception a finalizer or callback leaves behind
 * is reported as unraisable. `collecting` is set from the "start" callback to the
 * "stop" callback, so nothing inside a collection starts another.
 */
#include "gc/gc.h"

#include <string.h>
#include <time.h>

#include "gc/heap.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/vm.h"

/* ---- tracking ---------------------------------------------------------------- */

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
static inline void clear_index(Object *o) { o->ob_gc &= ~OBJ_GC_INDEX_MASK; }

void gc_release_lists(VM *vm) {
  vm->gc.debug = 0;
  OBJ_CLEAR(vm, vm->gc.garbage);
  OBJ_CLEAR(vm, vm->gc.callbacks);
}

void gc_finish(VM *vm) {
  GCState *gc = &vm->gc;
  gc_release_lists(vm);
  for (size_t i = 0; i < gc->count; i++) clear_index(gc->table[i]);
  heap_free_raw(&vm->heap, gc->table, gc->capacity * sizeof(Object *));
  gc->table = NULL;
  gc->count = gc->capacity = 0;
  memset(gc->start, 0, sizeof gc->start);
}

static bool grow(VM *vm) {
  GCState *gc = &vm->gc;
  size_t ncap = gc->capacity ? gc->capacity * 2 : 1024;
  if (ncap > OBJ_GC_INDEX_MASK) ncap = OBJ_GC_INDEX_MASK;
  if (ncap <= gc->capacity) return false;
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
  /* Collect before o joins the table: o cannot be examined half-way through what
     its caller is doing (dict insertion tracks the dict before storing the item that
     made it necessary, and a full collection would untrack it again), and while it
     is outside the table its references count as external, so it keeps its
     referents alive. */
  gc->gen_count[0]++;
#ifdef KITE_DEBUG_STRESS_GC
  /* A collection at every track: generation 0 each time, 1 every 8th, a full one
     every 64th. (A full collection each time made the suite quadratic: a program
     iterating over a big list with enumerate() rescanned the list per tuple.) */
  if (gc->enabled && gc->threshold[0] != 0 && !gc->collecting && !vm->exc) {
    unsigned tick = ++gc->stress_tick;
    gc_collect(vm, tick % 64 == 0 ? 2 : tick % 8 == 0 ? 1 : 0);
  }
#else
  if (gc->gen_count[0] > gc->threshold[0]) gc_maybe_collect(vm);
#endif
  if (gc_is_tracked(o)) return;   /* a finalizer tracked it meanwhile */
  /* Without room the object stays untracked: refcounting still frees it, only a
     cycle through it would leak. gc_track has no way to report failure. */
  if (gc->count == gc->capacity && !grow(vm)) return;
  gc->table[gc->count] = o;
  set_index(o, gc->count);
  gc->count++;
}

/* Remove o from the table: the hole travels down the segments, each time filled by
   the last entry of the segment it is in (at most 4 moves). */
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
  clear_index(o);
}

/* Give back half the table when it is three-quarters empty (after a peak). */
static void maybe_shrink(VM *vm) {
  GCState *gc = &vm->gc;
  if (gc->capacity <= 4096 || gc->count >= gc->capacity / 4) return;
  size_t ncap = gc->capacity / 2;
  Object **t = heap_realloc_raw(&vm->heap, gc->table, gc->capacity * sizeof(Object *),
                                ncap * sizeof(Object *));
  if (!t) return;
  gc->table = t;
  gc->capacity = ncap;
}

void gc_untrack(VM *vm, Object *o) {
  if (!gc_is_tracked(o)) return;
  remove_entry(&vm->gc, o);
  if (vm->gc.gen_count[0] > 0) vm->gc.gen_count[0]--;
  if (__builtin_expect(vm->gc.count < vm->gc.capacity / 4, 0)) maybe_shrink(vm);
}

void gc_maybe_collect(VM *vm) {
  GCState *gc = &vm->gc;
  if (!gc->enabled || gc->threshold[0] == 0 || gc->collecting || vm->exc) return;
  if (gc->gen_count[0] <= gc->threshold[0]) return;
  for (int g = GC_NGENS - 1; g >= 0; g--) {
    if (gc->gen_count[g] <= gc->threshold[g]) continue;
    /* A full collection is quadratic in the long-lived heap if run every time: wait
       until a quarter of it is new (CPython's rule, gcmodule.c gc_collect_generations). */
    if (g == GC_NGENS - 1 && gc->long_lived_pending < gc->long_lived_total / 4) continue;
    gc_collect(vm, g);
    break;
  }
}

/* ---- atomicity ----------------------------------------------------------------- */

/* CPython's _PyObject_GC_MAY_BE_TRACKED: could o ever be part of a cycle? */
static bool may_be_tracked(VM *vm, Object *o) {
  if (!o || obj_is_small(o)) return false;
  if (!(o->ob_type->tp_flags & TYPE_FLAG_GC)) return false;
  if (o->ob_type == &vm->tuple_type) return gc_is_tracked(o);
  return true;
}

/* True if the tracked object o is an exact tuple (or, when dicts is set, an exact
   dict) holding only atomic objects, so no cycle can pass through it. */
static bool untrackable(VM *vm, Object *o, bool dicts) {
  if (o->ob_type == &vm->tuple_type) return tuple_maybe_untrack_ok(vm, o);
  if (dicts && o->ob_type == &vm->dict_type) {
    DictObject *d = (DictObject *)o;
    for (ssize_t i = 0; i < d->nentries; i++) {
      DictEntry *e = &d->entries[i];
      if (e->key && (may_be_tracked(vm, e->key) || may_be_tracked(vm, e->value))) return false;
    }
    return true;
  }
  return false;
}

/* ---- reporting ------------------------------------------------------------------ */

static FILE *err_stream(VM *vm) { return vm->err ? vm->err : stderr; }

/* Report an exception a finalizer or callback left pending, and clear it. */
static void write_unraisable(VM *vm, Object *obj) {
  if (vm->exc) exc_write_unraisable(vm, "Exception ignored in", obj);
}

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void debug_stats_start(VM *vm, int gen) {
  GCState *gc = &vm->gc;
  FILE *f = err_stream(vm);
  fprintf(f, "gc: collecting generation %d...\n", gen);
  fprintf(f, "gc: objects in each generation: %zu %zu %zu\n", gc->count - gc->start[0],
          gc->start[0] - gc->start[1], gc->start[1] - gc->start[2]);
  fprintf(f, "gc: objects in permanent generation: %zu\n", gc->start[2]);
  fflush(f);
}

static void debug_cycle(VM *vm, const char *msg, Object *o) {
  FILE *f = err_stream(vm);
  fprintf(f, "gc: %s <%s %p>\n", msg, type_name(o->ob_type), (void *)o);
  fflush(f);
}

/* Call every gc.callbacks entry with (phase, info). Runs with no exception pending. */
static void invoke_callbacks(VM *vm, const char *phase, int gen, ssize_t collected,
                             ssize_t uncollectable) {
  Object *cbs = vm->gc.callbacks;
  if (!cbs || LIST_SIZE(cbs) == 0) return;
  Object *info = dict_new(vm);
  Object *ph = str_from_cstr(vm, phase);
  Object *vals[3] = {small_new(gen), small_new(collected), small_new(uncollectable)};
  static const char *const keys[3] = {"generation", "collected", "uncollectable"};
  bool ok = info && ph;
  for (int i = 0; ok && i < 3; i++) ok = dict_setitem_cstr(vm, info, keys[i], vals[i]) == 0;
  if (!ok) {
    write_unraisable(vm, cbs);
  } else {
    for (ssize_t i = 0; i < LIST_SIZE(cbs); i++) {
      Object *cb = obj_newref(LIST_ITEMS(cbs)[i]);
      Object *r = obj_call2(vm, cb, ph, info);
      if (r) obj_decref(vm, r);
      else write_unraisable(vm, cb);
      obj_decref(vm, cb);
      cbs = vm->gc.callbacks;   /* a callback may edit the list: re-read it each time */
      if (!cbs) break;
    }
  }
  obj_xdecref(vm, ph);
  obj_xdecref(vm, info);
}

/* ---- the collection ------------------------------------------------------------- */

typedef struct Collect {
  VM *vm;
  Object **table;
  size_t base, end;       /* the region R */
  uint32_t *refs;         /* refs[i - base] */
  uint32_t *stack;        /* mark stack of table indices */
  size_t sp, stack_cap;
  bool oom;               /* the mark stack could not grow */
} Collect;

static inline bool in_region(const Collect *c, const Object *o, size_t *i) {
  if (!o || obj_is_small(o) || !gc_is_tracked(o)) return false;
  *i = index_of(o);
  return *i >= c->base && *i < c->end && c->table[*i] == o;
}

static int visit_decref(VM *vm, Object *o, void *arg) {
  Collect *c = arg;
  size_t i;
  if (in_region(c, o, &i) && c->refs[i - c->base] > 0) c->refs[i - c->base]--;
  return 0;
}

static void push(Collect *c, size_t i) {
  if (c->sp == c->stack_cap) {
    size_t ncap = c->stack_cap ? c->stack_cap * 2 : 256;
    uint32_t *s = heap_realloc_raw(&c->vm->heap, c->stack, c->stack_cap * sizeof *s,
                                   ncap * sizeof *s);
    if (!s) {
      c->oom = true;
      return;
    }
    c->stack = s;
    c->stack_cap = ncap;
  }
  c->stack[c->sp++] = (uint32_t)i;
}

static int visit_reachable(VM *vm, Object *o, void *arg) {
  Collect *c = arg;
  size_t i;
  if (in_region(c, o, &i) && c->refs[i - c->base] == 0) {
    c->refs[i - c->base] = 1;
    push(c, i);
  }
  return 0;
}

static void traverse(VM *vm, Object *o, VisitProc visit, void *arg) {
  if (o->ob_type->tp_traverse) o->ob_type->tp_traverse(vm, o, visit, arg);
}

/* update_refs + subtract_refs + the reachability mark. Returns false if memory ran
   out (then nothing may be treated as garbage). */
static bool mark_reachable(Collect *c) {
  VM *vm = c->vm;
  size_t n = c->end - c->base;
  for (size_t i = 0; i < n; i++) c->refs[i] = c->table[c->base + i]->ob_refcnt;
  for (size_t i = 0; i < n; i++) traverse(vm, c->table[c->base + i], visit_decref, c);
  /* Every object with refs > 0 is a root; whatever a reachable object references is
     reachable too. Objects popped from the stack were already marked. */
  for (size_t i = 0; i < n; i++) {
    if (c->refs[i] == 0) continue;
    traverse(vm, c->table[c->base + i], visit_reachable, c);
    while (c->sp > 0) traverse(vm, c->table[c->stack[--c->sp]], visit_reachable, c);
  }
  return !c->oom;
}

/* Stable partition of R (reachable first), untracking atomic tuples/dicts among the
   reachable ones. Fills U (room for every unreachable object). Returns the new end of
   the reachable part; the unreachable objects follow it up to the new gc->count. */
static size_t partition(Collect *c, Object **U, size_t *nu, bool untrack, bool dicts) {
  VM *vm = c->vm;
  GCState *gc = &vm->gc;
  size_t w = c->base, k = 0;
  for (size_t i = c->base; i < c->end; i++) {
    Object *o = c->table[i];
    if (c->refs[i - c->base] == 0) {
      U[k++] = o;
    } else if (untrack && untrackable(vm, o, dicts)) {
      clear_index(o);
    } else {
      c->table[w] = o;
      set_index(o, w++);
    }
  }
  for (size_t j = 0; j < k; j++) {
    c->table[w + j] = U[j];
    set_index(U[j], w + j);
  }
  gc->count = w + k;
  *nu = k;
  return w;
}

/* ---- after the partition: finalizers, resurrection, clearing -------------------- */

/* The recheck needs "is o in U, and where" in O(1). While it runs no user code
   does, so each U[k] temporarily carries OBJ_GC_IMMORTAL | (k + 1) in ob_gc (its real
   word is saved and put back). U never holds a real immortal (its count would make
   it externally referenced), and the U[k] == o check rejects real immortals whose
   index happens to be small. */
typedef struct Recheck {
  Object **U;
  size_t n;
  uint32_t *refs;         /* by position in U */
  uint32_t *stack;
  size_t sp;
} Recheck;

static inline bool find_u(const Recheck *r, Object *o, size_t *k) {
  if (!o || obj_is_small(o) || !(o->ob_gc & OBJ_GC_IMMORTAL)) return false;
  size_t i = o->ob_gc & OBJ_GC_INDEX_MASK;
  if (i == 0 || i > r->n || r->U[i - 1] != o) return false;
  *k = i - 1;
  return true;
}

static int visit_u_decref(VM *vm, Object *o, void *arg) {
  Recheck *r = arg;
  size_t k;
  if (find_u(r, o, &k) && r->refs[k] > 0) r->refs[k]--;
  return 0;
}

static int visit_u_reachable(VM *vm, Object *o, void *arg) {
  Recheck *r = arg;
  size_t k;
  if (find_u(r, o, &k) && r->refs[k] == 0) {
    r->refs[k] = 1;
    r->stack[r->sp++] = (uint32_t)k;
  }
  return 0;
}

/* After finalizers ran: set alive[k] for every U[k] that was resurrected or is
   reachable from a resurrected object (handle_resurrected_objects). If memory runs
   out, everything is treated as alive (safe: nothing is cleared). */
static void find_resurrected(VM *vm, Object **U, size_t n, bool *alive) {
  Heap *h = &vm->heap;
  size_t sz = n * sizeof(uint32_t);
  Recheck r = {U, n, heap_alloc_raw(h, sz), heap_alloc_raw(h, sz), 0};
  uint32_t *saved = heap_alloc_raw(h, sz);
  if (!r.refs || !r.stack || !saved) {
    for (size_t k = 0; k < n; k++) alive[k] = true;
  } else {
    for (size_t k = 0; k < n; k++) {
      saved[k] = U[k]->ob_gc;
      U[k]->ob_gc = OBJ_GC_IMMORTAL | (uint32_t)(k + 1);
      r.refs[k] = U[k]->ob_refcnt - 1;   /* minus the collector's temporary reference */
    }
    for (size_t k = 0; k < n; k++) traverse(vm, U[k], visit_u_decref, &r);
    for (size_t k = 0; k < n; k++) {
      if (r.refs[k] == 0) continue;
      traverse(vm, U[k], visit_u_reachable, &r);
      while (r.sp > 0) traverse(vm, U[r.stack[--r.sp]], visit_u_reachable, &r);
    }
    for (size_t k = 0; k < n; k++) {
      alive[k] = r.refs[k] > 0;
      U[k]->ob_gc = saved[k];
    }
  }
  heap_free_raw(h, r.refs, sz);
  heap_free_raw(h, r.stack, sz);
  heap_free_raw(h, saved, sz);
}

/* Call tp_finalize once on each object of U. True if any ran. */
static bool finalize_garbage(VM *vm, Object **U, size_t n) {
  bool ran = false;
  for (size_t k = 0; k < n; k++) {
    Object *o = U[k];
    if ((o->ob_gc & OBJ_GC_FINALIZED) || !o->ob_type->tp_finalize) continue;
    o->ob_gc |= OBJ_GC_FINALIZED;
    o->ob_type->tp_finalize(vm, o);
    write_unraisable(vm, o);
    ran = true;
  }
  return ran;
}

/* Break the cycles of the objects not alive: tp_clear, or gc.garbage under
   DEBUG_SAVEALL. Returns how many were garbage. */
static size_t delete_garbage(VM *vm, Object **U, size_t n, const bool *alive) {
  size_t m = 0;
  for (size_t k = 0; k < n; k++) {
    if (alive && alive[k]) continue;
    Object *o = U[k];
    m++;
    if (vm->gc.debug & GC_DEBUG_SAVEALL) {
      if (vm->gc.garbage && list_append(vm, vm->gc.garbage, o) < 0)
        write_unraisable(vm, vm->gc.garbage);
    } else if (o->ob_type->tp_clear) {
      o->ob_type->tp_clear(vm, o);
      write_unraisable(vm, o);
    }
  }
  return m;
}

/* The body of a collection; `collecting` is set and no exception is pending.
   Returns the number of unreachable objects found (collected; Kite has no legacy
   finalizers, so nothing is uncollectable). */
static size_t collect_main(VM *vm, int gen, bool untrack) {
  GCState *gc = &vm->gc;
  Heap *h = &vm->heap;
  double t0 = 0;
  if (gc->debug & GC_DEBUG_STATS) {
    debug_stats_start(vm, gen);
    t0 = now_seconds();
  }
  if (gen + 1 < GC_NGENS) gc->gen_count[gen + 1]++;
  for (int i = 0; i <= gen; i++) gc->gen_count[i] = 0;

  for (int i = 0; i < gen; i++) gc->start[i] = gc->count;   /* merge younger gens */
  Collect c = {vm, gc->table, gc->start[gen], gc->count, NULL, NULL, 0, 0, false};
  size_t n = c.end - c.base, nu = 0, m = 0;
  Object **U = NULL;
  c.refs = n ? heap_alloc_raw(h, n * sizeof(uint32_t)) : NULL;
  bool ok = n && c.refs && mark_reachable(&c);
  if (ok) {
    for (size_t i = 0; i < n; i++) nu += c.refs[i] == 0;
    U = nu ? heap_alloc_raw(h, nu * sizeof(Object *)) : NULL;
    ok = !nu || U;
  }
  size_t reachable_end = c.end;
  if (ok) reachable_end = partition(&c, U, &nu, untrack, gen == GC_NGENS - 1);
  else nu = 0;
  heap_free_raw(h, c.refs, n * sizeof(uint32_t));
  heap_free_raw(h, c.stack, c.stack_cap * sizeof(uint32_t));

  /* Promote: R joins generation gen+1 (a full collection keeps it in 2). */
  if (gen == GC_NGENS - 2) gc->long_lived_pending += reachable_end - c.base;
  if (gen == GC_NGENS - 1) {
    gc->long_lived_pending = 0;
    gc->long_lived_total = reachable_end - c.base;
  }
  for (int i = 0; i <= gen && i < GC_NGENS - 1; i++) gc->start[i] = gc->count;

  if (nu) {
    for (size_t k = 0; k < nu; k++) obj_incref(U[k]);
    if (gc->debug & GC_DEBUG_COLLECTABLE)
      for (size_t k = 0; k < nu; k++) debug_cycle(vm, "collectable", U[k]);
    bool *alive = NULL, cleared = true;
    if (finalize_garbage(vm, U, nu)) {
      alive = heap_alloc_raw(h, nu * sizeof(bool));
      if (alive) find_resurrected(vm, U, nu, alive);
      else cleared = false;   /* cannot tell resurrected objects apart: clear nothing */
    }
    if (cleared) m = delete_garbage(vm, U, nu, alive);
    for (size_t k = 0; k < nu; k++) obj_decref(vm, U[k]);
    heap_free_raw(h, alive, nu * sizeof(bool));
    heap_free_raw(h, U, nu * sizeof(Object *));
  }

  gc->stats[gen].collections++;
  gc->stats[gen].collected += m;
  if (gc->debug & GC_DEBUG_STATS) {
    FILE *f = err_stream(vm);
    fprintf(f, "gc: done, %zu unreachable, %d uncollectable, %.4fs elapsed\n", m, 0,
            now_seconds() - t0);
    fflush(f);
  }
  return m;
}

static ssize_t collect(VM *vm, int gen, bool untrack) {
  GCState *gc = &vm->gc;
  if (gc->collecting) return 0;
  if (gen < 0) gen = 0;
  if (gen >= GC_NGENS) gen = GC_NGENS - 1;
  gc->collecting = true;
  Object *saved = exc_fetch(vm);
  invoke_callbacks(vm, "start", gen, 0, 0);
  size_t m = collect_main(vm, gen, untrack);
  invoke_callbacks(vm, "stop", gen, (ssize_t)m, 0);
  exc_restore(vm, saved);
  gc->collecting = false;
  return (ssize_t)m;
}

ssize_t gc_collect(VM *vm, int gen) { return collect(vm, gen, true); }

ssize_t gc_collect_emergency(VM *vm) { return collect(vm, GC_NGENS - 1, false); }
