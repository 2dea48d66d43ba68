/*
 * gcmodule: the `gc` module (CPython's Modules/gcmodule.c interface, 3.11 messages).
 *
 * Generations map to table segments (gc/gc.h): gen 0 = [start[0], count), gen 1 =
 * [start[1], start[0]), gen 2 = [start[2], start[1]), permanent = [0, start[2]).
 * freeze() and unfreeze() only move boundaries.
 *
 * Functions that walk the table (get_objects, get_referrers) hold `collecting` while
 * they fill their result so that no collection (not even an emergency one inside a
 * list growth) reorders the table under them; no user code runs meanwhile.
 */
#include "runtime/gcmodule.h"

#include <limits.h>

#include "gc/gc.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#if __has_include("runtime/module.h")
#include "runtime/module.h"
#else   /* the engine's module API, until runtime/module.h lands */
Object *module_new(VM *vm, const char *name);
int module_add_functions(VM *vm, Object *mod, const MethodDef *defs);
int module_add_object(VM *vm, Object *mod, const char *name, Object *obj);
#endif
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ---- argument checks with CPython's texts ------------------------------------- */

static size_t nkw(Object *kwnames) { return kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0; }

/* "gc.enable() takes no arguments (1 given)" */
static int check_noargs(VM *vm, const char *name, size_t nargs, Object *kwnames) {
  if (nkw(kwnames)) {
    exc_set(vm, &vm->exc_TypeError, "gc.%s() takes no keyword arguments", name);
    return -1;
  }
  if (nargs) {
    exc_set(vm, &vm->exc_TypeError, "gc.%s() takes no arguments (%zu given)", name, nargs);
    return -1;
  }
  return 0;
}

/* "gc.is_tracked() takes exactly one argument (0 given)" */
static int check_one(VM *vm, const char *name, size_t nargs, Object *kwnames) {
  if (nkw(kwnames)) {
    exc_set(vm, &vm->exc_TypeError, "gc.%s() takes no keyword arguments", name);
    return -1;
  }
  if (nargs != 1) {
    exc_set(vm, &vm->exc_TypeError, "gc.%s() takes exactly one argument (%zu given)", name,
            nargs);
    return -1;
  }
  return 0;
}

/* An optional positional-or-keyword argument `generation` (Argument Clinic style):
   *out is NULL when not given. */
static int parse_generation(VM *vm, const char *fname, Object *const *args, size_t nargs,
                            Object *kwnames, Object **out) {
  size_t nk = nkw(kwnames);
  *out = NULL;
  if (nargs + nk > 1) {
    exc_set(vm, &vm->exc_TypeError, "%s() takes at most 1 argument (%zu given)", fname,
            nargs + nk);
    return -1;
  }
  if (nargs == 1) *out = args[0];
  if (nk == 1) {
    Object *k = TUPLE_ITEMS(kwnames)[0];
    if (!str_eq_cstr(k, "generation")) {
      exc_set(vm, &vm->exc_TypeError, "'%U' is an invalid keyword argument for %s()", k, fname);
      return -1;
    }
    *out = args[0];
  }
  return 0;
}

/* Convert to a C int as PyArg's 'i' does; `clong` selects the message CPython's
   PyArg_ParseTuple gives for huge values ("C long") instead of Clinic's ("C int"). */
static int as_c_int(VM *vm, Object *o, int *out, bool clong) {
  if (!INT_CHECK(vm, o)) {
    exc_set(vm, &vm->exc_TypeError, "'%s' object cannot be interpreted as an integer",
            type_name(obj_type(vm, o)));
    return -1;
  }
  int64_t v;
  if (int_as_i64(vm, o, &v) < 0) {
    exc_clear(vm);
    exc_set(vm, &vm->exc_OverflowError, "Python int too large to convert to C %s",
            clong ? "long" : "int");
    return -1;
  }
  if (v > INT_MAX || v < INT_MIN) {
    if (clong)
      exc_set(vm, &vm->exc_OverflowError, "signed integer is %s",
              v > INT_MAX ? "greater than maximum" : "less than minimum");
    else
      exc_set(vm, &vm->exc_OverflowError, "Python int too large to convert to C int");
    return -1;
  }
  *out = (int)v;
  return 0;
}

/* ---- enable / disable / thresholds / debug --------------------------------------- */

static Object *gc_enable(VM *vm, Object *self, Object *const *args, size_t nargs,
                         Object *kwnames) {
  if (check_noargs(vm, "enable", nargs, kwnames) < 0) return NULL;
  vm->gc.enabled = true;
  return vm_none(vm);
}

static Object *gc_disable(VM *vm, Object *self, Object *const *args, size_t nargs,
                          Object *kwnames) {
  if (check_noargs(vm, "disable", nargs, kwnames) < 0) return NULL;
  vm->gc.enabled = false;
  return vm_none(vm);
}

static Object *gc_isenabled(VM *vm, Object *self, Object *const *args, size_t nargs,
                            Object *kwnames) {
  if (check_noargs(vm, "isenabled", nargs, kwnames) < 0) return NULL;
  return vm_bool(vm, vm->gc.enabled);
}

static Object *int_triple(VM *vm, const int v[3]) {
  return tuple_pack(vm, 3, small_new(v[0]), small_new(v[1]), small_new(v[2]));
}

static Object *gc_get_count(VM *vm, Object *self, Object *const *args, size_t nargs,
                            Object *kwnames) {
  if (check_noargs(vm, "get_count", nargs, kwnames) < 0) return NULL;
  return int_triple(vm, vm->gc.gen_count);
}

static Object *gc_get_threshold(VM *vm, Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
  if (check_noargs(vm, "get_threshold", nargs, kwnames) < 0) return NULL;
  return int_triple(vm, vm->gc.threshold);
}

static Object *gc_set_threshold(VM *vm, Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
  if (nkw(kwnames))
    return exc_set(vm, &vm->exc_TypeError, "set_threshold() takes no keyword arguments");
  if (nargs < 1)
    return exc_set(vm, &vm->exc_TypeError, "set_threshold() takes at least 1 argument (0 given)");
  if (nargs > GC_NGENS)
    return exc_set(vm, &vm->exc_TypeError, "set_threshold() takes at most 3 arguments (%zu given)",
                   nargs);
  /* Stored as parsed: a bad later argument leaves the earlier ones set, exactly as
     CPython's PyArg_ParseTuple into the state does. */
  for (size_t i = 0; i < nargs; i++)
    if (as_c_int(vm, args[i], &vm->gc.threshold[i], true) < 0) return NULL;
  return vm_none(vm);
}

static Object *gc_get_debug(VM *vm, Object *self, Object *const *args, size_t nargs,
                            Object *kwnames) {
  if (check_noargs(vm, "get_debug", nargs, kwnames) < 0) return NULL;
  return small_new(vm->gc.debug);
}

static Object *gc_set_debug(VM *vm, Object *self, Object *const *args, size_t nargs,
                            Object *kwnames) {
  int flags;
  if (check_one(vm, "set_debug", nargs, kwnames) < 0) return NULL;
  if (as_c_int(vm, args[0], &flags, false) < 0) return NULL;
  vm->gc.debug = flags;
  return vm_none(vm);
}

/* ---- collect / stats ----------------------------------------------------------------- */

static Object *gc_collect_fn(VM *vm, Object *self, Object *const *args, size_t nargs,
                             Object *kwnames) {
  Object *genobj;
  int gen = GC_NGENS - 1;
  if (parse_generation(vm, "collect", args, nargs, kwnames, &genobj) < 0) return NULL;
  if (genobj && as_c_int(vm, genobj, &gen, false) < 0) return NULL;
  if (gen < 0 || gen >= GC_NGENS) return exc_set(vm, &vm->exc_ValueError, "invalid generation");
  ssize_t n = gc_collect(vm, gen);
  if (n < 0) return NULL;
  return int_from_i64(vm, n);
}

static Object *gc_get_stats(VM *vm, Object *self, Object *const *args, size_t nargs,
                            Object *kwnames) {
  if (check_noargs(vm, "get_stats", nargs, kwnames) < 0) return NULL;
  Object *r = list_new(vm, 0);
  if (!r) return NULL;
  for (int g = 0; g < GC_NGENS; g++) {
    GCGenStats *s = &vm->gc.stats[g];
    Object *d = dict_new(vm);
    if (!d || dict_setitem_cstr(vm, d, "collections", small_new((int64_t)s->collections)) < 0 ||
        dict_setitem_cstr(vm, d, "collected", small_new((int64_t)s->collected)) < 0 ||
        dict_setitem_cstr(vm, d, "uncollectable", small_new((int64_t)s->uncollectable)) < 0 ||
        list_append(vm, r, d) < 0) {
      obj_xdecref(vm, d);
      obj_decref(vm, r);
      return NULL;
    }
    obj_decref(vm, d);
  }
  return r;
}

/* ---- per object ------------------------------------------------------------------ */

static Object *gc_is_tracked_fn(VM *vm, Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
  if (check_one(vm, "is_tracked", nargs, kwnames) < 0) return NULL;
  return vm_bool(vm, !obj_is_small(args[0]) && gc_is_tracked(args[0]));
}

static Object *gc_is_finalized(VM *vm, Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
  if (check_one(vm, "is_finalized", nargs, kwnames) < 0) return NULL;
  Object *o = args[0];
  bool fin = !obj_is_small(o) && (o->ob_type->tp_flags & TYPE_FLAG_GC) &&
             (o->ob_gc & OBJ_GC_FINALIZED);
  return vm_bool(vm, fin);
}

/* ---- walking the table ------------------------------------------------------------ */

/* Append table[lo, hi) to list r, skipping r itself. -1 on error. */
static int append_range(VM *vm, Object *r, size_t lo, size_t hi) {
  GCState *gc = &vm->gc;
  bool was = gc->collecting;
  int rc = 0;
  gc->collecting = true;
  for (size_t i = lo; i < hi && i < gc->count && rc == 0; i++)
    if (gc->table[i] != r) rc = list_append(vm, r, gc->table[i]);
  gc->collecting = was;
  return rc;
}

static Object *gc_get_objects(VM *vm, Object *self, Object *const *args, size_t nargs,
                              Object *kwnames) {
  Object *genobj;
  int gen = -1;
  if (parse_generation(vm, "get_objects", args, nargs, kwnames, &genobj) < 0) return NULL;
  if (genobj && genobj != VM_NONE(vm)) {
    if (!INT_CHECK(vm, genobj))
      return exc_set(vm, &vm->exc_TypeError, "argument should be integer or None, not '%s'",
                     type_name(obj_type(vm, genobj)));
    int64_t v;
    if (int_as_i64(vm, genobj, &v) < 0) {   /* Py_ssize_t, via __index__ */
      exc_clear(vm);
      return exc_set(vm, &vm->exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    gen = v >= GC_NGENS ? GC_NGENS : v < -1 ? -2 : (int)v;
    if (gen >= GC_NGENS)
      return exc_set(vm, &vm->exc_ValueError,
                     "generation parameter must be less than the number of available "
                     "generations (%i)", GC_NGENS);
    if (gen < -1)
      return exc_set(vm, &vm->exc_ValueError, "generation parameter cannot be negative");
  }
  Object *r = list_new(vm, 0);
  if (!r) return NULL;
  GCState *gc = &vm->gc;
  /* Recomputed after list_new, which may have collected. */
  size_t lo = gc->start[2], hi = gc->count;
  if (gen >= 0) {
    lo = gc->start[gen];
    hi = gen == 0 ? gc->count : gc->start[gen - 1];
  }
  if (append_range(vm, r, lo, hi) < 0) {
    obj_decref(vm, r);
    return NULL;
  }
  return r;
}

typedef struct Referrers {
  Object *const *targets;
  size_t n;
  bool found;
} Referrers;

static int visit_referrer(VM *vm, Object *o, void *arg) {
  Referrers *r = arg;
  for (size_t i = 0; i < r->n; i++)
    if (r->targets[i] == o) {
      r->found = true;
      return 1;
    }
  return 0;
}

static Object *gc_get_referrers(VM *vm, Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
  if (nkw(kwnames))
    return exc_set(vm, &vm->exc_TypeError, "get_referrers() takes no keyword arguments");
  Object *r = list_new(vm, 0);
  if (!r) return NULL;
  GCState *gc = &vm->gc;
  bool was = gc->collecting;
  gc->collecting = true;
  int rc = 0;
  for (size_t i = gc->start[2]; i < gc->count && rc == 0; i++) {
    Object *o = gc->table[i];
    if (o == r || !o->ob_type->tp_traverse) continue;
    Referrers st = {args, nargs, false};
    o->ob_type->tp_traverse(vm, o, visit_referrer, &st);
    if (st.found) rc = list_append(vm, r, o);
  }
  gc->collecting = was;
  if (rc < 0) {
    obj_decref(vm, r);
    return NULL;
  }
  return r;
}

static int visit_referent(VM *vm, Object *o, void *arg) {
  if (!o) return 0;
  return list_append(vm, arg, o) < 0 ? -1 : 0;
}

static Object *gc_get_referents(VM *vm, Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
  if (nkw(kwnames))
    return exc_set(vm, &vm->exc_TypeError, "get_referents() takes no keyword arguments");
  Object *r = list_new(vm, 0);
  if (!r) return NULL;
  for (size_t i = 0; i < nargs; i++) {
    Object *o = args[i];
    if (obj_is_small(o) || !(o->ob_type->tp_flags & TYPE_FLAG_GC) || !o->ob_type->tp_traverse)
      continue;
    o->ob_type->tp_traverse(vm, o, visit_referent, r);
    if (vm->exc) {
      obj_decref(vm, r);
      return NULL;
    }
  }
  return r;
}

/* ---- the permanent generation ----------------------------------------------------- */

static Object *gc_freeze(VM *vm, Object *self, Object *const *args, size_t nargs,
                         Object *kwnames) {
  if (check_noargs(vm, "freeze", nargs, kwnames) < 0) return NULL;
  GCState *gc = &vm->gc;
  for (int g = 0; g < GC_NGENS; g++) gc->start[g] = gc->count;
  gc->gen_count[0] = 0;
  return vm_none(vm);
}

static Object *gc_unfreeze(VM *vm, Object *self, Object *const *args, size_t nargs,
                           Object *kwnames) {
  if (check_noargs(vm, "unfreeze", nargs, kwnames) < 0) return NULL;
  vm->gc.start[2] = 0;   /* the permanent generation joins the oldest */
  return vm_none(vm);
}

static Object *gc_get_freeze_count(VM *vm, Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
  if (check_noargs(vm, "get_freeze_count", nargs, kwnames) < 0) return NULL;
  return int_from_i64(vm, (int64_t)vm->gc.start[2]);
}

/* ---- the module ------------------------------------------------------------------- */

static const MethodDef gc_functions[] = {
    {"enable", gc_enable, METH_VARARGS, "Enable automatic garbage collection."},
    {"disable", gc_disable, METH_VARARGS, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, METH_VARARGS, "Returns true if automatic garbage collection is enabled."},
    {"collect", gc_collect_fn, METH_VARARGS, "Run the garbage collector."},
    {"get_count", gc_get_count, METH_VARARGS, "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, METH_VARARGS, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, METH_VARARGS, "Set the collection thresholds."},
    {"get_debug", gc_get_debug, METH_VARARGS, "Get the garbage collection debugging flags."},
    {"set_debug", gc_set_debug, METH_VARARGS, "Set the garbage collection debugging flags."},
    {"get_stats", gc_get_stats, METH_VARARGS, "Return a list of dictionaries containing per-generation statistics."},
    {"is_tracked", gc_is_tracked_fn, METH_VARARGS, "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, METH_VARARGS, "Returns true if the object has been already finalized by the GC."},
    {"get_objects", gc_get_objects, METH_VARARGS, "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_referrers", gc_get_referrers, METH_VARARGS, "Return the list of objects that directly refer to any of objs."},
    {"get_referents", gc_get_referents, METH_VARARGS, "Return the list of objects that are directly referred to by objs."},
    {"freeze", gc_freeze, METH_VARARGS, "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze, METH_VARARGS, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, METH_VARARGS, "Return the number of objects in the permanent generation."},
    {NULL, NULL, 0, NULL},
};

static const struct { const char *name; int value; } gc_constants[] = {
    {"DEBUG_STATS", GC_DEBUG_STATS},
    {"DEBUG_COLLECTABLE", GC_DEBUG_COLLECTABLE},
    {"DEBUG_UNCOLLECTABLE", GC_DEBUG_UNCOLLECTABLE},
    {"DEBUG_SAVEALL", GC_DEBUG_SAVEALL},
    {"DEBUG_LEAK", GC_DEBUG_LEAK},
};

static int ensure_list(VM *vm, Object **slot) {
  if (!*slot) *slot = list_new(vm, 0);
  return *slot ? 0 : -1;
}

Object *gcmodule_create(VM *vm) {
  if (ensure_list(vm, &vm->gc.garbage) < 0 || ensure_list(vm, &vm->gc.callbacks) < 0)
    return NULL;
  Object *m = module_new(vm, "gc");
  if (!m) return NULL;
  if (module_add_functions(vm, m, gc_functions) < 0) goto fail;
  for (size_t i = 0; i < sizeof gc_constants / sizeof *gc_constants; i++)
    if (module_add_object(vm, m, gc_constants[i].name, small_new(gc_constants[i].value)) < 0)
      goto fail;
  if (module_add_object(vm, m, "garbage", vm->gc.garbage) < 0 ||
      module_add_object(vm, m, "callbacks", vm->gc.callbacks) < 0)
    goto fail;
  return m;
fail:
  obj_decref(vm, m);
  return NULL;
}
