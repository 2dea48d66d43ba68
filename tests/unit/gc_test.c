/* gc: the table bookkeeping and the cycle collector, on a test container type. */
#include <criterion/criterion.h>
#include <string.h>

#include "gc/gc.h"
#include "gc/heap.h"
#include "runtime/exc.h"
#include "vm/vm.h"

/* A container with three reference slots. The test context lives in vm->user_data. */
typedef struct Node {
  Object ob;
  Object *ref[3];
} Node;

typedef struct Ctx {
  TypeObject node_type;      /* plain container */
  TypeObject fin_type;       /* container with a finalizer */
  int deallocs, finalizes, traverses;
  Object *saved;             /* a root a finalizer may store into */
  bool resurrect;            /* finalizers store themselves into saved */
  bool collect_in_finalizer;
  bool steal_partner;        /* finalizers move ref[0] into saved */
  ssize_t inner_result;
} Ctx;

static Ctx *ctx(VM *vm) { return vm->user_data; }

static int node_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  ctx(vm)->traverses++;
  for (int i = 0; i < 3; i++)
    if (((Node *)self)->ref[i]) visit(vm, ((Node *)self)->ref[i], arg);
  return 0;
}

static int node_clear(VM *vm, Object *self) {
  for (int i = 0; i < 3; i++) OBJ_CLEAR(vm, ((Node *)self)->ref[i]);
  return 0;
}

static void node_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  node_clear(vm, self);
  ctx(vm)->deallocs++;
  heap_free(vm, self, sizeof(Node));
}

static void node_finalize(VM *vm, Object *self) {
  Ctx *c = ctx(vm);
  c->finalizes++;
  if (c->resurrect) OBJ_SETREF(vm, c->saved, obj_newref(self));
  if (c->steal_partner) {   /* the partner's count does not change, yet it is resurrected */
    OBJ_SETREF(vm, c->saved, ((Node *)self)->ref[0]);
    ((Node *)self)->ref[0] = NULL;
  }
  if (c->collect_in_finalizer) c->inner_result = gc_collect(vm, 2);
}

static void init_type(TypeObject *t, const char *name) {
  memset(t, 0, sizeof *t);
  t->ob_base.ob_base.ob_refcnt = OBJ_IMMORTAL_INIT;
  t->ob_base.ob_base.ob_gc = OBJ_GC_IMMORTAL;
  t->tp_name = name;
  t->tp_basicsize = sizeof(Node);
  t->tp_flags = TYPE_FLAG_GC;
  t->tp_traverse = node_traverse;
  t->tp_clear = node_clear;
  t->tp_dealloc = node_dealloc;
}

static Object *node(VM *vm, TypeObject *t);

static VM *setup(Ctx *c) {
  memset(c, 0, sizeof *c);
  init_type(&c->node_type, "node");
  init_type(&c->fin_type, "finnode");
  c->fin_type.tp_finalize = node_finalize;
  VM *vm = vm_new(NULL);
  cr_assert_not_null(vm);
  vm->user_data = c;
  /* Start from a clean slate: the VM's own objects are old and out of the way. No
     automatic collections (threshold 0 also turns off the stress build's), so the
     bookkeeping checks below hold in every build; tests that want them set it. */
  gc_collect(vm, 2);
  vm->gc.threshold[0] = 0;
  return vm;
}

/* True in a KITE_DEBUG_STRESS_GC build (a collection at every gc_track). */
static size_t collections(VM *vm) {
  return vm->gc.stats[0].collections + vm->gc.stats[1].collections + vm->gc.stats[2].collections;
}

static bool stress_build(VM *vm, Ctx *c) {
  int saved = vm->gc.threshold[0];
  size_t before = collections(vm);
  vm->gc.threshold[0] = 1000000;
  obj_decref(vm, node(vm, &c->node_type));
  vm->gc.threshold[0] = saved;
  return collections(vm) != before;
}

static void teardown(VM *vm) {
  Ctx *c = ctx(vm);
  OBJ_CLEAR(vm, c->saved);
  vm_free(vm);
}

static Object *node(VM *vm, TypeObject *t) {
  Node *n = heap_calloc(vm, sizeof(Node));
  cr_assert_not_null(n);
  n->ob.ob_refcnt = 1;
  n->ob.ob_type = t;
  gc_track(vm, &n->ob);
  return &n->ob;
}

static void link(Object *from, int slot, Object *to) {
  ((Node *)from)->ref[slot] = obj_newref(to);
}

/* Make a <-> b, owned by nobody but each other: garbage once nothing else refers to
   them. Returns a (borrowed); *bp receives b. */
static Object *pair(VM *vm, TypeObject *ta, TypeObject *tb, Object **bp) {
  Object *a = node(vm, ta), *b = node(vm, tb);
  link(a, 0, b);
  link(b, 0, a);
  obj_decref(vm, a);
  obj_decref(vm, b);
  *bp = b;
  return a;
}

static size_t gen_size(VM *vm, int g) {
  GCState *gc = &vm->gc;
  return g == 0 ? gc->count - gc->start[0] : gc->start[g - 1] - gc->start[g];
}

/* Every table entry knows its index, and the boundaries are ordered. */
static void check_table(VM *vm) {
  GCState *gc = &vm->gc;
  cr_assert_leq(gc->start[2], gc->start[1]);
  cr_assert_leq(gc->start[1], gc->start[0]);
  cr_assert_leq(gc->start[0], gc->count);
  for (size_t i = 0; i < gc->count; i++)
    cr_assert_eq(gc->table[i]->ob_gc & OBJ_GC_INDEX_MASK, i + 1, "entry %zu", i);
}

Test(gc, two_object_cycle_is_freed) {
  Ctx c;
  VM *vm = setup(&c);
  Object *b;
  pair(vm, &c.node_type, &c.node_type, &b);
  cr_assert_eq(c.deallocs, 0);
  cr_assert_eq(gc_collect(vm, 0), 2);
  cr_assert_eq(c.deallocs, 2);
  cr_assert_eq(vm->gc.stats[0].collected, 2);
  check_table(vm);
  teardown(vm);
}

Test(gc, cycle_reachable_from_root_survives) {
  Ctx c;
  VM *vm = setup(&c);
  Object *root = node(vm, &c.node_type);
  Object *a = node(vm, &c.node_type), *b = node(vm, &c.node_type);
  link(root, 0, a);
  link(a, 0, b);
  link(b, 0, a);
  obj_decref(vm, a);
  obj_decref(vm, b);
  cr_assert_eq(gc_collect(vm, 2), 0);
  cr_assert_eq(c.deallocs, 0);
  cr_assert(gc_is_tracked(a) && gc_is_tracked(b));
  obj_decref(vm, root);   /* now only the cycle is left */
  cr_assert_eq(c.deallocs, 1);
  cr_assert_eq(gc_collect(vm, 2), 2);
  cr_assert_eq(c.deallocs, 3);
  teardown(vm);
}

Test(gc, survivors_are_promoted) {
  Ctx c;
  VM *vm = setup(&c);
  size_t old2 = gen_size(vm, 2);
  Object *n[5];
  for (int i = 0; i < 5; i++) n[i] = node(vm, &c.node_type);
  cr_assert_eq(gen_size(vm, 0), 5);
  gc_collect(vm, 0);
  cr_assert_eq(gen_size(vm, 0), 0);
  cr_assert_eq(gen_size(vm, 1), 5);
  gc_collect(vm, 1);
  cr_assert_eq(gen_size(vm, 1), 0);
  cr_assert_eq(gen_size(vm, 2), old2 + 5);
  cr_assert_eq(vm->gc.gen_count[2], 1);   /* one collection of gen 1 since the last full */
  gc_collect(vm, 2);
  cr_assert_eq(gen_size(vm, 2), old2 + 5);
  check_table(vm);
  for (int i = 0; i < 5; i++) obj_decref(vm, n[i]);
  cr_assert_eq(gen_size(vm, 2), old2);
  check_table(vm);
  teardown(vm);
}

Test(gc, young_collection_does_not_scan_old) {
  Ctx c;
  VM *vm = setup(&c);
  enum { OLD = 2000 };
  Object *old[OLD];
  vm->gc.enabled = false;
  for (int i = 0; i < OLD; i++) old[i] = node(vm, &c.node_type);
  gc_collect(vm, 2);
  Object *young = node(vm, &c.node_type);
  link(young, 0, old[0]);
  vm->gc.enabled = true;
  c.traverses = 0;
  gc_collect(vm, 0);
  cr_assert_leq(c.traverses, 2, "a gen-0 collection traversed %d objects", c.traverses);
  cr_assert_eq(c.deallocs, 0);
  obj_decref(vm, young);
  for (int i = 0; i < OLD; i++) obj_decref(vm, old[i]);
  cr_assert_eq(c.deallocs, OLD + 1);
  teardown(vm);
}

Test(gc, old_objects_keep_young_ones_alive) {
  Ctx c;
  VM *vm = setup(&c);
  Object *old = node(vm, &c.node_type);
  gc_collect(vm, 2);
  Object *y1 = node(vm, &c.node_type), *y2 = node(vm, &c.node_type);
  link(old, 0, y1);   /* no write barrier needed: the old->young reference is external */
  link(y1, 0, y2);
  link(y2, 0, y1);
  obj_decref(vm, y1);
  obj_decref(vm, y2);
  cr_assert_eq(gc_collect(vm, 0), 0);
  cr_assert_eq(c.deallocs, 0);
  obj_decref(vm, old);
  cr_assert_eq(gc_collect(vm, 2), 2);
  teardown(vm);
}

Test(gc, untrack_keeps_table_consistent) {
  Ctx c;
  VM *vm = setup(&c);
  enum { N = 300 };
  Object *n[N];
  for (int i = 0; i < N; i++) {
    n[i] = node(vm, &c.node_type);
    if (i == 100) gc_collect(vm, 1);
    if (i == 200) gc_collect(vm, 0);
  }
  check_table(vm);
  cr_assert(gen_size(vm, 0) > 0 && gen_size(vm, 1) > 0 && gen_size(vm, 2) > 0);
  unsigned r = 12345;
  for (int k = 0; k < N; k++) {   /* free in a scrambled order */
    r = r * 1103515245 + 12345;
    int i = (int)((r >> 8) % N);
    while (!n[i]) i = (i + 1) % N;
    obj_decref(vm, n[i]);
    n[i] = NULL;
    if (k % 37 == 0) check_table(vm);
  }
  check_table(vm);
  cr_assert_eq(c.deallocs, N);
  teardown(vm);
}

Test(gc, finalizer_runs_once_and_resurrects) {
  Ctx c;
  VM *vm = setup(&c);
  c.resurrect = true;
  Object *b, *a = pair(vm, &c.fin_type, &c.node_type, &b);
  /* a's finalizer stores a into c.saved: a, and b which it reaches, survive. */
  cr_assert_eq(gc_collect(vm, 2), 0);
  cr_assert_eq(c.finalizes, 1);
  cr_assert_eq(c.deallocs, 0);
  cr_assert_eq(c.saved, a);
  cr_assert(a->ob_gc & OBJ_GC_FINALIZED);
  cr_assert_eq(((Node *)a)->ref[0], b);   /* not cleared */
  /* Unreachable again: collected this time, without a second finalizer call. */
  c.resurrect = false;
  OBJ_CLEAR(vm, c.saved);
  cr_assert_eq(gc_collect(vm, 2), 2);
  cr_assert_eq(c.finalizes, 1);
  cr_assert_eq(c.deallocs, 2);
  teardown(vm);
}

Test(gc, resurrection_keeping_counts_unchanged) {
  Ctx c;
  VM *vm = setup(&c);
  c.steal_partner = true;
  Object *a = node(vm, &c.fin_type), *b = node(vm, &c.node_type), *x = node(vm, &c.node_type);
  link(a, 0, b);
  link(b, 0, a);
  link(b, 1, x);
  obj_decref(vm, a);
  obj_decref(vm, b);
  obj_decref(vm, x);
  /* a's finalizer moves its reference to b into c.saved: b, and a and x which b
     reaches, all survive. */
  cr_assert_eq(gc_collect(vm, 2), 0);
  cr_assert_eq(c.finalizes, 1);
  cr_assert_eq(c.deallocs, 0);
  cr_assert_eq(c.saved, b);
  cr_assert_eq(((Node *)b)->ref[0], a);
  cr_assert(gc_is_tracked(a) && gc_is_tracked(b) && gc_is_tracked(x));
  check_table(vm);
  c.steal_partner = false;
  OBJ_CLEAR(vm, c.saved);   /* b -> a has no way back: b dies, then a and x */
  cr_assert_eq(c.deallocs, 3);
  teardown(vm);
}

Test(gc, finalizer_without_resurrection) {
  Ctx c;
  VM *vm = setup(&c);
  Object *b;
  pair(vm, &c.fin_type, &c.fin_type, &b);
  cr_assert_eq(gc_collect(vm, 0), 2);
  cr_assert_eq(c.finalizes, 2);
  cr_assert_eq(c.deallocs, 2);
  teardown(vm);
}

Test(gc, collection_inside_finalizer_does_not_reenter) {
  Ctx c;
  VM *vm = setup(&c);
  c.collect_in_finalizer = true;
  c.inner_result = -7;
  Object *a = node(vm, &c.fin_type);
  link(a, 0, a);
  obj_decref(vm, a);
  cr_assert_eq(gc_collect(vm, 2), 1);
  cr_assert_eq(c.inner_result, 0);
  cr_assert_eq(c.deallocs, 1);
  cr_assert_not(vm->gc.collecting);
  teardown(vm);
}

Test(gc, pending_exception_is_preserved) {
  Ctx c;
  VM *vm = setup(&c);
  Object *a = node(vm, &c.fin_type);
  link(a, 0, a);
  obj_decref(vm, a);
  exc_set(vm, &vm->exc_ValueError, "pending");
  cr_assert_eq(gc_collect(vm, 2), 1);
  cr_assert(exc_matches(vm, &vm->exc_ValueError));
  exc_clear(vm);
  teardown(vm);
}

Test(gc, long_cycle_without_deep_recursion) {
  Ctx c;
  VM *vm = setup(&c);
  enum { N = 1000000 };
  vm->gc.enabled = false;   /* no automatic (or stress-mode) collections while building */
  Object *first = node(vm, &c.node_type), *prev = first;
  for (int i = 1; i < N; i++) {
    Object *n = node(vm, &c.node_type);
    ((Node *)prev)->ref[0] = n;   /* steals n */
    prev = n;
  }
  link(prev, 0, first);
  obj_decref(vm, first);
  cr_assert_eq(gc_collect(vm, 2), N);
  cr_assert_eq(c.deallocs, N);
  teardown(vm);
}

Test(gc, deep_chain_dealloc_does_not_overflow) {
  Ctx c;
  VM *vm = setup(&c);
  enum { N = 1000000 };
  vm->gc.enabled = false;
  Object *head = node(vm, &c.node_type);
  for (int i = 1; i < N; i++) {
    Object *n = node(vm, &c.node_type);
    ((Node *)n)->ref[0] = head;   /* steals head */
    head = n;
  }
  obj_decref(vm, head);
  cr_assert_eq(c.deallocs, N);
  check_table(vm);
  teardown(vm);
}

Test(gc, automatic_collection_by_threshold) {
  Ctx c;
  VM *vm = setup(&c);
  if (stress_build(vm, &c)) {
    teardown(vm);
    cr_skip_test("the stress build collects at every gc_track");
  }
  c.deallocs = 0;
  size_t before = vm->gc.stats[0].collections;
  vm->gc.threshold[0] = 10;
  vm->gc.gen_count[0] = 0;
  for (int i = 0; i < 6; i++) {   /* 6 self-cycles: 6 tracked */
    Object *a = node(vm, &c.node_type);
    link(a, 0, a);
    obj_decref(vm, a);
  }
  cr_assert_eq(vm->gc.gen_count[0], 6);
  Object *keep[5];
  for (int i = 0; i < 5; i++) keep[i] = node(vm, &c.node_type);
  cr_assert_geq(vm->gc.stats[0].collections, before + 1);
  cr_assert_eq(c.deallocs, 6);
  /* Disabled: no automatic collection. */
  vm->gc.enabled = false;
  size_t n0 = vm->gc.stats[0].collections;
  for (int i = 0; i < 30; i++) obj_decref(vm, node(vm, &c.node_type));
  Object *more[30];
  for (int i = 0; i < 30; i++) more[i] = node(vm, &c.node_type);
  cr_assert_eq(vm->gc.stats[0].collections, n0);
  for (int i = 0; i < 30; i++) obj_decref(vm, more[i]);
  for (int i = 0; i < 5; i++) obj_decref(vm, keep[i]);
  teardown(vm);
}

Test(gc, dealloc_decrements_gen0_count) {
  Ctx c;
  VM *vm = setup(&c);
  if (stress_build(vm, &c)) {
    teardown(vm);
    cr_skip_test("the stress build collects at every gc_track");
  }
  int before = vm->gc.gen_count[0];
  Object *a = node(vm, &c.node_type);
  cr_assert_eq(vm->gc.gen_count[0], before + 1);
  obj_decref(vm, a);
  cr_assert_eq(vm->gc.gen_count[0], before);
  teardown(vm);
}

Test(gc, full_collection_waits_for_long_lived_growth) {
  Ctx c;
  VM *vm = setup(&c);
  GCState *gc = &vm->gc;
  gc->threshold[0] = 700;
  gc->long_lived_total = 1000;
  gc->long_lived_pending = 10;
  gc->gen_count[2] = 11;
  gc->gen_count[1] = 11;
  gc->gen_count[0] = 701;
  size_t full = gc->stats[2].collections, mid = gc->stats[1].collections;
  gc_maybe_collect(vm);
  cr_assert_eq(gc->stats[2].collections, full);   /* 10 < 1000 / 4: not yet */
  cr_assert_eq(gc->stats[1].collections, mid + 1);
  gc->long_lived_pending = 300;
  gc->gen_count[2] = 11;
  gc->gen_count[0] = 701;
  gc_maybe_collect(vm);
  cr_assert_eq(gc->stats[2].collections, full + 1);
  teardown(vm);
}

/* ---- reporting: DEBUG_* flags, gc.garbage, gc.callbacks (need the real runtime) ---- */

#include "runtime/list.h"
#include "runtime/dict.h"
#include "runtime/str.h"
#include "runtime/type.h"

static VM *setup_with_err(Ctx *c, FILE *err) {
  memset(c, 0, sizeof *c);
  init_type(&c->node_type, "node");
  init_type(&c->fin_type, "finnode");
  c->fin_type.tp_finalize = node_finalize;
  VMOptions opts = {.err = err};
  VM *vm = vm_new(&opts);
  cr_assert_not_null(vm);
  vm->user_data = c;
  gc_collect(vm, 2);
  vm->gc.threshold[0] = 0;
  return vm;
}

Test(gc, debug_stats_text) {
  char *buf = NULL;
  size_t len = 0;
  FILE *err = open_memstream(&buf, &len);
  Ctx c;
  VM *vm = setup_with_err(&c, err);
  Object *keep = node(vm, &c.node_type);
  Object *a = node(vm, &c.node_type);
  link(a, 0, a);
  obj_decref(vm, a);
  vm->gc.debug = GC_DEBUG_STATS | GC_DEBUG_COLLECTABLE;
  cr_assert_eq(gc_collect(vm, 0), 1);
  vm->gc.debug = 0;
  fflush(err);
  char want[200];
  snprintf(want, sizeof want,
           "gc: collecting generation 0...\n"
           "gc: objects in each generation: 2 0 %zu\n"
           "gc: objects in permanent generation: 0\n"
           "gc: collectable <node %p>\n"
           "gc: done, 1 unreachable, 0 uncollectable, ",
           gen_size(vm, 2), (void *)a);
  cr_assert_eq(strncmp(buf, want, strlen(want)), 0, "got:\n%s\nwant:\n%s", buf, want);
  cr_assert(strstr(buf, "s elapsed\n"));
  obj_decref(vm, keep);
  teardown(vm);
  fclose(err);
  free(buf);
}

Test(gc, saveall_keeps_garbage) {
  Ctx c;
  VM *vm = setup(&c);
  vm->gc.garbage = list_new(vm, 0);
  Object *b, *a = pair(vm, &c.node_type, &c.node_type, &b);
  vm->gc.debug = GC_DEBUG_SAVEALL;
  cr_assert_eq(gc_collect(vm, 2), 2);
  cr_assert_eq(LIST_SIZE(vm->gc.garbage), 2);
  cr_assert_eq(LIST_ITEMS(vm->gc.garbage)[0], a);   /* in tracking order */
  cr_assert_eq(LIST_ITEMS(vm->gc.garbage)[1], b);
  cr_assert_eq(c.deallocs, 0);
  vm->gc.debug = 0;
  cr_assert_eq(gc_collect(vm, 2), 0);   /* gc.garbage keeps them alive */
  gc_release_lists(vm);
  cr_assert_eq(gc_collect(vm, 2), 2);
  cr_assert_eq(c.deallocs, 2);
  teardown(vm);
}

static Object *record_cb(VM *vm, Object *self, Object *const *args, size_t nargs,
                         Object *kwnames) {
  Ctx *c = ctx(vm);
  cr_assert_eq(nargs, 2);
  cr_assert(vm->gc.collecting);
  Object *gen = dict_getitem_cstr(vm, args[1], "generation");
  Object *col = dict_getitem_cstr(vm, args[1], "collected");
  Object *unc = dict_getitem_cstr(vm, args[1], "uncollectable");
  cr_assert(gen && col && unc);
  if (str_eq_cstr(args[0], "start")) {
    cr_assert_eq(small_value(col), 0);
  } else {
    cr_assert(str_eq_cstr(args[0], "stop"));
    c->inner_result = small_value(col);
  }
  cr_assert_eq(small_value(gen), 1);
  cr_assert_eq(small_value(unc), 0);
  c->traverses += 1000;   /* count calls */
  if (c->collect_in_finalizer) return exc_set(vm, &vm->exc_ValueError, "boom");
  return vm_none(vm);
}

static const MethodDef record_def = {"record", record_cb, METH_VARARGS, NULL};

Test(gc, callbacks_see_start_and_stop) {
  char *buf = NULL;
  size_t len = 0;
  FILE *err = open_memstream(&buf, &len);
  Ctx c;
  VM *vm = setup_with_err(&c, err);
  vm->gc.callbacks = list_new(vm, 0);
  Object *cb = builtin_new(vm, &record_def, NULL);
  list_append(vm, vm->gc.callbacks, cb);
  obj_decref(vm, cb);
  Object *a = node(vm, &c.node_type);
  link(a, 0, a);
  obj_decref(vm, a);
  c.traverses = 0;
  cr_assert_eq(gc_collect(vm, 1), 1);
  cr_assert_eq(c.traverses / 1000, 2);
  cr_assert_eq(c.inner_result, 1);
  /* A failing callback is reported, not raised, and the pending exception survives. */
  c.collect_in_finalizer = true;
  exc_set(vm, &vm->exc_KeyError, "pending");
  cr_assert_eq(gc_collect(vm, 1), 0);
  cr_assert(exc_matches(vm, &vm->exc_KeyError));
  exc_clear(vm);
  fflush(err);
  cr_assert(strstr(buf, "Exception ignored in"), "%s", buf);
  cr_assert(strstr(buf, "ValueError: boom"), "%s", buf);
  gc_release_lists(vm);
  teardown(vm);
  fclose(err);
  free(buf);
}

Test(gc, table_shrinks_after_a_peak) {
  Ctx c;
  VM *vm = setup(&c);
  enum { N = 200000 };
  Object **v = malloc(N * sizeof *v);
  for (int i = 0; i < N; i++) v[i] = node(vm, &c.node_type);
  size_t peak = vm->gc.capacity;
  cr_assert_geq(peak, N);
  for (int i = N - 1; i >= 0; i--) obj_decref(vm, v[i]);
  cr_assert_lt(vm->gc.capacity, peak / 8);
  cr_assert_geq(vm->gc.capacity, vm->gc.count);
  check_table(vm);
  free(v);
  teardown(vm);
}
