/*
 * vm: creating and destroying a VM.
 *
 * Set-up order matters because the type system is built from itself: first every
 * built-in type struct is filled (no allocation), then the strings and the empty tuple
 * that type_ready needs, then type_ready on every type (dicts, descriptors, MROs), then
 * the singletons and modules. Tear-down runs the other way and checks that the heap is
 * empty afterwards, so a reference leak anywhere shows up as a message on stderr in the
 * checking builds (KITE_ASSERTS, on under the sanitizers) or with KITE_LEAK_CHECK=1.
 */
#include "vm/vm.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/builtins.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/range.h"
#include "runtime/slice.h"
#include "runtime/func.h"
#include "runtime/gen.h"
#include "runtime/module.h"
#include "runtime/traceback.h"
#include "vm/code.h"
#include "vm/exec.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/sysmodule.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

void seqiter_type_init(VM *vm);   /* runtime/object.c */

/* ---- the engine's part (vm/, runtime/func.c, gen.c, module.c, traceback.c) ---- */

static void engine_types_init(VM *vm) {
  code_type_init(vm);
  func_type_init(vm);
  gen_type_init(vm);
  module_type_init(vm);
  traceback_type_init(vm);
}

/* Make a module named name whose namespace receives the entries of *dict, then let
   *dict be the module's own namespace. Registers it in sys.modules. */
static Object *adopt_module(VM *vm, const char *name, Object **dict) {
  Object *m = module_new(vm, name);
  if (!m) return NULL;
  if ((*dict && dict_merge(vm, module_dict(m), *dict, 1) < 0) ||
      dict_setitem_cstr(vm, vm->modules, name, m) < 0) {
    obj_decref(vm, m);
    return NULL;
  }
  OBJ_SETREF(vm, *dict, obj_newref(module_dict(m)));
  return m;
}

/* Wrap the builtins and sys namespaces in module objects and make __main__. */
static int engine_modules_init(VM *vm) {
  if (!(vm->builtins_module = adopt_module(vm, "builtins", &vm->builtins)) ||
      !(vm->sys_module = adopt_module(vm, "sys", &vm->sys_dict)))
    return -1;
  Object *main = adopt_module(vm, "__main__", &vm->main_dict);
  if (!main) return -1;
  int r = dict_setitem(vm, vm->main_dict, vm->id.__builtins__, vm->builtins_module);
  obj_decref(vm, main);   /* sys.modules keeps it */
  return r;
}

static void engine_modules_finish(VM *vm) {}

static void engine_finish(VM *vm) { exec_finish(vm); }

/* Fill every built-in type struct; allocates nothing. */
static void init_type_structs(VM *vm) {
  type_type_init(vm);
  object_type_init(vm);
  descr_types_init(vm);
  descr_types_init_py(vm);
  builtins_singleton_types_init(vm);
  builtins_iter_types_init(vm);
  seqiter_type_init(vm);
  sys_textio_type_init(vm);
  sys_version_type_init(vm);
  int_type_init(vm);
  bool_type_init(vm);
  float_type_init(vm);
  str_type_init(vm);
  list_type_init(vm);
  tuple_type_init(vm);
  dict_type_init(vm);
  set_type_init(vm);
  frozenset_type_init(vm);
  range_type_init(vm);
  slice_type_init(vm);
  engine_types_init(vm);
  exc_init_types(vm);
}

static int ready_all_types(VM *vm) {
#define KITE_READY(n) \
  if (vm->n##_type.tp_name && type_ready(vm, &vm->n##_type) < 0) return -1;
  KITE_BUILTIN_TYPES(KITE_READY)
#undef KITE_READY
#define KITE_READY_EXC(n, b) if (type_ready(vm, &vm->exc_##n) < 0) return -1;
  KITE_BUILTIN_EXCEPTIONS(KITE_READY_EXC)
#undef KITE_READY_EXC
  return 0;
}

static int init_namespaces(VM *vm, const VMOptions *opts) {
  if (!(vm->modules = dict_new(vm)) || !(vm->path = list_new(vm, 0))) return -1;
  if (!(vm->stdout_obj = sys_textio_new(vm, vm->out, "<stdout>")) ||
      !(vm->stderr_obj = sys_textio_new(vm, vm->err, "<stderr>")))
    return -1;
  if (!(vm->builtins = dict_new(vm)) || builtins_fill(vm, vm->builtins) < 0) return -1;
  if (!(vm->sys_dict = dict_new(vm)) ||
      sys_fill(vm, vm->sys_dict, opts->argc, opts->argv) < 0)
    return -1;
  if (engine_modules_init(vm) < 0) return -1;   /* wraps builtins/sys as modules, __main__ */
  return 0;
}

VM *vm_new(const VMOptions *opts) {
  VMOptions none = {0};
  if (!opts) opts = &none;
  Heap h;
  if (heap_init(&h, opts->alloc, opts->alloc_ud, opts->memory_limit) < 0) return NULL;
  VM *vm = heap_alloc_raw(&h, sizeof(VM));
  if (!vm) {
    heap_finish(&h);
    return NULL;
  }
  memset(vm, 0, sizeof *vm);
  vm->heap = h;
  vm->out = opts->out ? opts->out : stdout;
  vm->err = opts->err ? opts->err : stderr;
  vm->sandbox = opts->sandbox;
  vm->recursion_limit = 1000;
  gc_init(vm);
  vm->gc.enabled = false;   /* no collection while the type system is half built */
  init_type_structs(vm);
  if (str_create_singletons(vm) < 0 || tuple_create_singletons(vm) < 0 ||
      ready_all_types(vm) < 0 || bool_create_singletons(vm) < 0)
    goto fail;
  vm->memory_error = exc_new(vm, &vm->exc_MemoryError, NULL, 0);
  if (!vm->memory_error || init_namespaces(vm, opts) < 0) goto fail;
  vm->gc.enabled = true;
  return vm;
fail:
  if (vm->exc) {
    Object *e = exc_fetch(vm);
    obj_decref(vm, e);
  }
  vm_free(vm);
  return NULL;
}

/* Free an immortal object allocated with obj_alloc (bools, the empty tuple ...). */
static void free_immortal(VM *vm, Object *o) {
  if (!o) return;
  TypeObject *t = o->ob_type;
  ssize_t n = t->tp_itemsize ? ((VarObject *)o)->ob_size : 0;
  if (n < 0) n = -n;
  gc_untrack(vm, o);
  heap_free(vm, o, type_instance_size(t, n));
}

static void clear_type(VM *vm, TypeObject *t) {
  vm->type_epoch++;   /* cached lookups point into the dict */
  OBJ_CLEAR(vm, t->tp_dict);
  OBJ_CLEAR(vm, t->tp_mro);
  OBJ_CLEAR(vm, t->tp_bases);
  OBJ_CLEAR(vm, t->ht_name);
  OBJ_CLEAR(vm, t->ht_qualname);
  OBJ_CLEAR(vm, t->ht_module);
}

void vm_free(VM *vm) {
  if (!vm) return;
  exc_clear(vm);
  OBJ_CLEAR(vm, vm->exc_info);
  /* As CPython's shutdown: one collection while everything is still reachable by
     name, then drop gc.callbacks and gc.garbage so no callback runs mid-teardown. */
  if (vm->gc.enabled && vm->builtins) {
    gc_collect(vm, GC_NGENS - 1);
    exc_clear(vm);
  }
  gc_release_lists(vm);
  /* Empty the namespaces first so that module-level objects die (and their __del__
     runs) while the type system is intact. */
  engine_modules_finish(vm);
  if (vm->main_dict) dict_clear(vm, vm->main_dict);
  if (vm->modules) {
    /* Clear every module's namespace (CPython does the same at shutdown) so that
       functions and classes let go of their globals. */
    ssize_t pos = 0;
    Object *k, *m;
    while (dict_next(vm->modules, &pos, &k, &m))
      if (obj_type(vm, m) == &vm->module_type && m != vm->builtins_module &&
          m != vm->sys_module)
        dict_clear(vm, module_dict(m));
    dict_clear(vm, vm->modules);
  }
  if (vm->sys_dict) dict_clear(vm, vm->sys_dict);
  if (vm->builtins) dict_clear(vm, vm->builtins);
  OBJ_CLEAR(vm, vm->main_dict);
  OBJ_CLEAR(vm, vm->modules);
  OBJ_CLEAR(vm, vm->sys_dict);
  OBJ_CLEAR(vm, vm->sys_module);
  OBJ_CLEAR(vm, vm->builtins);
  OBJ_CLEAR(vm, vm->builtins_module);
  OBJ_CLEAR(vm, vm->path);
  OBJ_CLEAR(vm, vm->argv);
  OBJ_CLEAR(vm, vm->stdout_obj);
  OBJ_CLEAR(vm, vm->stderr_obj);
  vm->gc.enabled = false;
  gc_collect(vm, GC_NGENS - 1);
  exc_clear(vm);
  OBJ_CLEAR(vm, vm->memory_error);
#define KITE_CLEAR_TYPE(n) clear_type(vm, &vm->n##_type);
  KITE_BUILTIN_TYPES(KITE_CLEAR_TYPE)
#undef KITE_CLEAR_TYPE
#define KITE_CLEAR_EXC(n, b) clear_type(vm, &vm->exc_##n);
  KITE_BUILTIN_EXCEPTIONS(KITE_CLEAR_EXC)
#undef KITE_CLEAR_EXC
  gc_collect(vm, GC_NGENS - 1);
  exc_clear(vm);
  free_immortal(vm, vm->true_obj);
  free_immortal(vm, vm->false_obj);
  vm->true_obj = vm->false_obj = NULL;
  tuple_finish(vm);
  float_freelist_clear(vm);
  str_finish(vm);
  engine_finish(vm);
  gc_finish(vm);
  size_t leaked = vm->heap.stats.bytes_in_use - sizeof(VM);
#ifdef KITE_ASSERTS
  bool check = true;
#else
  const char *env = getenv("KITE_LEAK_CHECK");
  bool check = env && *env && *env != '0';
#endif
  if (check && leaked) fprintf(stderr, "kite: %zu bytes leaked\n", leaked);
  Heap h = vm->heap;
  heap_free_raw(&h, vm, sizeof(VM));
  heap_finish(&h);
}
