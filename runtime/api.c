/*
 * api: include/kite.h on top of the internal runtime.
 *
 * A KiteVM * is a VM * and a KiteValue * is an Object * (possibly an immediate small
 * int), cast at the boundary and nowhere else; the ownership rules of kite.h are the
 * runtime's own, so most functions are one call. What the runtime does not have lives
 * here:
 *   - kitefunc, the type of host C functions: a builtin_function_or_method-looking
 *     object carrying the host's function pointer and user data. It holds no object
 *     but its name, so it is atomic (never tracked).
 *   - host modules: vm->host_modules (name -> module) consulted by import through the
 *     module finder hook of runtime/module.c; and the sandbox's grants (vm->granted),
 *     checked by api_import_allowed before import looks anywhere.
 *   - the instruction budget and the interrupt callback (see runtime/api.h): entry
 *     points that run code (kite_run_*, kite_eval, kite_call*) bracket the run with
 *     host_enter/host_leave, which reset the budget at the outermost level.
 *   - error reporting without printing: tracebacks are captured through a
 *     fopencookie stream that appends to a heap buffer.
 *
 * Nothing here exits the process or prints unless asked (kite_error_print).
 */
#define _GNU_SOURCE   /* fopencookie */
#include "runtime/api.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kite.h"   /* include/: the public contract implemented here */
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/traceback.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/run.h"

static inline VM *V(KiteVM *vm) { return (VM *)vm; }
static inline Object *O(KiteValue *v) { return (Object *)v; }
static inline KiteValue *K(Object *o) { return (KiteValue *)o; }

/* ---- budget and interrupts ------------------------------------------------------------ */

/* Arm the countdown for the next check: the interrupt interval, cut to what is left of
   the budget; no check at all when neither is configured. */
static void arm(VM *vm) {
  int64_t p = INT64_MAX;
  if (vm->interrupt_fn) p = vm->interrupt_interval;
  if (vm->insn_limit) {
    uint64_t left = vm->insn_used < vm->insn_limit ? vm->insn_limit - vm->insn_used : 0;
    if (left < (uint64_t)p) p = (int64_t)left;
  }
  vm->insn_period = vm->insn_countdown = p;
}

int api_check_interrupt(VM *vm) {
  /* unsigned: the SIGINT watcher may have zeroed a countdown armed at INT64_MAX */
  vm->insn_used += (uint64_t)vm->insn_period - (uint64_t)vm->insn_countdown;
  if (vm->sigint_pending) {   /* Ctrl-C, delivered by the kite command's watcher */
    vm->sigint_pending = 0;
    arm(vm);
    exc_set_obj(vm, &vm->exc_KeyboardInterrupt, NULL);
    return -1;
  }
  if (vm->insn_limit && vm->insn_used > vm->insn_limit) {
    vm->insn_period = vm->insn_countdown = 0;   /* sticky: every later tick fails too */
    exc_set(vm, &vm->exc_RuntimeError, "instruction limit exceeded");
    return -1;
  }
  if (!vm->interrupted && vm->interrupt_fn && vm->interrupt_fn((KiteVM *)vm, vm->interrupt_ud))
    vm->interrupted = true;
  if (vm->interrupted) {
    vm->insn_period = vm->insn_countdown = 0;
    exc_set(vm, &vm->exc_RuntimeError, "interrupted by the host");
    return -1;
  }
  arm(vm);
  return 0;
}

/* Outermost entry from the host: a fresh budget, no pending interrupt. */
static void host_enter(VM *vm) {
  if (vm->host_depth++ == 0) {
    vm->insn_used = 0;
    vm->interrupted = false;
    arm(vm);
  }
}

static void host_leave(VM *vm) {
  if (--vm->host_depth == 0) {
    vm->insn_used = 0;
    vm->interrupted = false;
    arm(vm);
  }
}

/* ---- kitefunc: host C functions ------------------------------------------------------ */

typedef struct KiteFuncObject {
  Object ob;
  KiteCFunction fn;
  void *ud;
  Object *name;          /* str */
} KiteFuncObject;

/* Keyword names as C strings for the host: a NULL-terminated array of borrowed UTF-8
   (alive while kwnames is). buf serves small counts; larger ones come from the heap
   and *heap_bytes says how much to free. */
static const char **kw_cstrings(VM *vm, Object *kwnames, const char **buf, size_t nbuf,
                                size_t *heap_bytes) {
  size_t n = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
  *heap_bytes = 0;
  if (n == 0) return NULL;
  const char **kw = buf;
  if (n + 1 > nbuf) {
    *heap_bytes = (n + 1) * sizeof *kw;
    if (!(kw = heap_alloc(vm, *heap_bytes))) return NULL;
  }
  for (size_t i = 0; i < n; i++) kw[i] = str_utf8(TUPLE_ITEMS(kwnames)[i]);
  kw[n] = NULL;
  return kw;
}

static Object *kitefunc_call(VM *vm, Object *self, Object *const *args, size_t nargs,
                             Object *kwnames) {
  KiteFuncObject *f = (KiteFuncObject *)self;
  const char *buf[8];
  size_t heap_bytes;
  const char **kw = kw_cstrings(vm, kwnames, buf, 8, &heap_bytes);
  if (!kw && kwnames && TUPLE_SIZE(kwnames)) return NULL;
  Object *r = O(f->fn((KiteVM *)vm, f->ud, nargs, (KiteValue *const *)args, kw));
  if (heap_bytes) heap_free(vm, kw, heap_bytes);
  if (!r && !exc_occurred(vm))
    return exc_set(vm, &vm->exc_SystemError, "<built-in function %U> returned NULL without setting an exception",
                   f->name);
  if (r && exc_occurred(vm)) {
    obj_decref(vm, r);
    Object *cause = exc_fetch(vm);
    exc_set(vm, &vm->exc_SystemError, "<built-in function %U> returned a result with an exception set",
            f->name);
    if (vm->exc && cause) exc_set_context(vm, vm->exc, cause);
    obj_xdecref(vm, cause);
    return NULL;
  }
  return r;
}

static Object *kitefunc_repr(VM *vm, Object *self) {
  return str_from_format(vm, "<built-in function %U>", ((KiteFuncObject *)self)->name);
}

static void kitefunc_dealloc(VM *vm, Object *self) {
  OBJ_CLEAR(vm, ((KiteFuncObject *)self)->name);
  obj_free(vm, self, sizeof(KiteFuncObject));
}

static Object *kitefunc_get_name(VM *vm, Object *self, void *c) {
  return obj_newref(((KiteFuncObject *)self)->name);
}

static Object *kitefunc_get_none(VM *vm, Object *self, void *c) { return vm_none(vm); }

static const GetSetDef kitefunc_getset[] = {
    {"__name__", kitefunc_get_name, NULL, NULL, NULL},
    {"__qualname__", kitefunc_get_name, NULL, NULL, NULL},
    {"__self__", kitefunc_get_none, NULL, NULL, NULL},
    {"__doc__", kitefunc_get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* Fill and ready the kitefunc type (once per VM, in kite_new). */
static int kitefunc_type_ready(VM *vm) {
  TypeObject *t = &vm->kitefunc_type;
  type_init_builtin(vm, t, "builtin_function_or_method", NULL, sizeof(KiteFuncObject), 0, 0);
  t->tp_call = kitefunc_call;
  t->tp_repr = kitefunc_repr;
  t->tp_dealloc = kitefunc_dealloc;
  t->tp_getset = kitefunc_getset;
  return type_ready(vm, t);
}

/* Undo type_ready (kite_free; instances may still die later: they need no dict). */
static void kitefunc_type_clear(VM *vm) {
  TypeObject *t = &vm->kitefunc_type;
  OBJ_CLEAR(vm, t->tp_dict);
  OBJ_CLEAR(vm, t->tp_mro);
  OBJ_CLEAR(vm, t->tp_bases);
  OBJ_CLEAR(vm, t->ht_name);
  OBJ_CLEAR(vm, t->ht_qualname);
  OBJ_CLEAR(vm, t->ht_module);
}

KiteValue *kite_function_new(KiteVM *kvm, const char *name, KiteCFunction fn, void *ud) {
  VM *vm = V(kvm);
  if (!name || !fn) return K(exc_set(vm, &vm->exc_TypeError, "kite_function_new: name and fn are required"));
  Object *s = str_decode_utf8(vm, name, strlen(name));
  if (!s) return NULL;
  KiteFuncObject *f = (KiteFuncObject *)obj_alloc(vm, &vm->kitefunc_type, 0);
  if (!f) {
    obj_decref(vm, s);
    return NULL;
  }
  f->fn = fn;
  f->ud = ud;
  f->name = s;
  return K(&f->ob);
}

/* ---- host modules and the sandbox ----------------------------------------------------- */

/* The module finder of runtime/module.c: modules the host registered. New reference,
   or NULL without an exception. */
static Object *host_find(VM *vm, const char *name, void *ud) {
  Object *m = vm->host_modules ? dict_getitem_cstr(vm, vm->host_modules, name) : NULL;
  return obj_xnewref(m);
}

bool api_import_allowed(VM *vm, const char *name) {
  if (!vm->sandbox || (vm->granted && dict_getitem_cstr(vm, vm->granted, name))) return true;
  Object *s = str_from_cstr(vm, name);
  exc_set(vm, &vm->exc_ImportError, "import of '%s' is not allowed in the sandbox", name);
  if (s && vm->exc && !((BaseExceptionObject *)vm->exc)->name)
    ((BaseExceptionObject *)vm->exc)->name = obj_newref(s);
  obj_xdecref(vm, s);
  return false;
}

/* Builtins a sandboxed VM must not have (they reach outside the VM). Removed, so that
   using one is a NameError whatever the runtime grows. */
static const char *const sandbox_denied[] = {"open", "breakpoint", NULL};

static int sandbox_scrub(VM *vm) {
  for (const char *const *n = sandbox_denied; *n; n++) {
    Object *k = str_from_cstr(vm, *n);
    if (!k) return -1;
    int r = dict_contains(vm, vm->builtins, k);
    if (r > 0) r = dict_delitem(vm, vm->builtins, k);
    obj_decref(vm, k);
    if (r < 0) return -1;
  }
  return 0;
}

/* ---- VMs ----------------------------------------------------------------------------- */

void kite_config_init(KiteConfig *cfg) {
  memset(cfg, 0, sizeof *cfg);
}

KiteVM *kite_new(const KiteConfig *cfg) {
  KiteConfig defaults;
  if (!cfg) {
    kite_config_init(&defaults);
    cfg = &defaults;
  }
  VMOptions o = {
      .alloc = cfg->alloc, .alloc_ud = cfg->alloc_ud, .memory_limit = cfg->memory_limit,
      .sandbox = cfg->sandbox != 0, .out = cfg->out, .err = cfg->err,
      .argc = cfg->argc, .argv = cfg->argv,
  };
  VM *vm = vm_new(&o);
  if (!vm) return NULL;
  vm->user_data = cfg->user_data;
  vm->insn_limit = cfg->instruction_limit;
  vm->interrupt_fn = cfg->interrupt;
  vm->interrupt_ud = cfg->interrupt_ud;
  vm->interrupt_interval = cfg->interrupt_interval ? cfg->interrupt_interval : 10000;
  arm(vm);
  if (kitefunc_type_ready(vm) < 0 || !(vm->host_modules = dict_new(vm)) ||
      !(vm->granted = dict_new(vm)) || (vm->sandbox && sandbox_scrub(vm) < 0)) {
    kite_free((KiteVM *)vm);
    return NULL;
  }
  module_set_host_finder(vm, host_find, NULL);
  return (KiteVM *)vm;
}

void kite_free(KiteVM *kvm) {
  VM *vm = V(kvm);
  if (!vm) return;
  module_set_host_finder(vm, NULL, NULL);
  OBJ_CLEAR(vm, vm->host_modules);
  OBJ_CLEAR(vm, vm->granted);
  kitefunc_type_clear(vm);
  vm_free(vm);
}

void *kite_user_data(KiteVM *vm) { return V(vm)->user_data; }

const char *kite_version(void) { return KITE_VERSION_STRING; }

/* ---- running code -------------------------------------------------------------------- */

/* Borrowed: the namespace to run in, ns or __main__'s. NULL + TypeError if ns is not
   a dict. */
static Object *namespace_of(VM *vm, KiteValue *ns) {
  if (!ns) return vm->main_dict;
  if (!DICT_CHECK(vm, O(ns)))
    return exc_set(vm, &vm->exc_TypeError, "namespace must be a dict, not %s",
                   type_name(obj_type(vm, O(ns))));
  return O(ns);
}

/* Execute statements (exec) or evaluate an expression. New reference. */
static Object *run_text(VM *vm, const char *src, const char *filename, KiteValue *ns, bool eval) {
  Object *g = namespace_of(vm, ns);
  if (!g) return NULL;
  if (!src) return exc_set(vm, &vm->exc_TypeError, "source must not be NULL");
  if (!filename) filename = "<string>";
  host_enter(vm);
  Object *r = eval ? run_eval(vm, src, filename, g, NULL) : run_exec(vm, src, filename, g, NULL);
  host_leave(vm);
  return r;
}

static int status_of(VM *vm, Object *r) {
  if (!r) return -1;
  obj_decref(vm, r);
  return 0;
}

int kite_run_string(KiteVM *kvm, const char *src, const char *filename, KiteValue *ns) {
  VM *vm = V(kvm);
  return status_of(vm, run_text(vm, src, filename, ns, false));
}

/* The whole file at path as a NUL-terminated heap block of *size bytes. NULL with
   OSError (CPython's "[Errno 2] No such file or directory: 'x'"). */
static char *slurp(VM *vm, const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    int e = errno;
    TypeObject *t = e == ENOENT ? &vm->exc_FileNotFoundError
                  : e == EACCES ? &vm->exc_PermissionError : &vm->exc_OSError;
    return exc_set(vm, t, "[Errno %d] %s: '%s'", e, strerror(e), path), NULL;
  }
  size_t cap = 4096, n = 0, got;
  char *buf = heap_alloc(vm, cap);
  while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (n + 1 < cap) continue;
    char *nb = heap_realloc(vm, buf, cap, cap * 2);
    if (!nb) heap_free(vm, buf, cap);
    buf = nb;
    cap *= 2;
  }
  fclose(f);
  if (!buf) return NULL;
  buf[n] = 0;
  *size = cap;
  return buf;
}

int kite_run_file(KiteVM *kvm, const char *path, KiteValue *ns) {
  VM *vm = V(kvm);
  if (!path) return exc_set(vm, &vm->exc_TypeError, "path must not be NULL"), -1;
  size_t size;
  char *src = slurp(vm, path, &size);
  if (!src) return -1;
  int r = status_of(vm, run_text(vm, src, path, ns, false));
  heap_free(vm, src, size);
  return r;
}

KiteValue *kite_eval(KiteVM *kvm, const char *expr, KiteValue *ns) {
  return K(run_text(V(kvm), expr, "<string>", ns, true));
}

KiteValue *kite_namespace_new(KiteVM *kvm) {
  VM *vm = V(kvm);
  Object *d = dict_new(vm);
  if (!d) return NULL;
  Object *b = vm->builtins_module ? vm->builtins_module : vm->builtins;
  if (dict_setitem(vm, d, vm->id.__builtins__, b) < 0 ||
      dict_setitem(vm, d, vm->id.__name__, vm->id.__main__) < 0) {
    obj_decref(vm, d);
    return NULL;
  }
  return K(d);
}

/* ---- values ---------------------------------------------------------------------------- */

void kite_incref(KiteValue *v) { obj_incref(O(v)); }
void kite_decref(KiteVM *vm, KiteValue *v) { obj_xdecref(V(vm), O(v)); }

KiteValue *kite_none(KiteVM *vm) { return K(vm_none(V(vm))); }
KiteValue *kite_bool(KiteVM *vm, int b) { return K(vm_bool(V(vm), b != 0)); }
KiteValue *kite_int(KiteVM *vm, int64_t i) { return K(int_from_i64(V(vm), i)); }
KiteValue *kite_float(KiteVM *vm, double d) { return K(float_new(V(vm), d)); }

KiteValue *kite_str_n(KiteVM *kvm, const char *utf8, size_t n) {
  VM *vm = V(kvm);
  if (!utf8 && n) return K(exc_set(vm, &vm->exc_TypeError, "string must not be NULL"));
  return K(str_decode_utf8(vm, utf8 ? utf8 : "", n));
}

KiteValue *kite_str(KiteVM *vm, const char *utf8) {
  if (!utf8) return kite_str_n(vm, NULL, 1);   /* raises the TypeError */
  return kite_str_n(vm, utf8, strlen(utf8));
}

KiteValue *kite_list(KiteVM *vm, size_t n, KiteValue *const *items) {
  return K(list_from_array(V(vm), (Object *const *)items, (ssize_t)n));
}

KiteValue *kite_tuple(KiteVM *vm, size_t n, KiteValue *const *items) {
  return K(tuple_from_array(V(vm), (Object *const *)items, (ssize_t)n));
}

KiteValue *kite_dict(KiteVM *vm) { return K(dict_new(V(vm))); }

int kite_is_none(KiteVM *vm, KiteValue *v) { return O(v) == VM_NONE(V(vm)); }
int kite_is_bool(KiteVM *vm, KiteValue *v) { return BOOL_CHECK(V(vm), O(v)); }
int kite_is_int(KiteVM *vm, KiteValue *v) { return INT_CHECK(V(vm), O(v)); }
int kite_is_float(KiteVM *vm, KiteValue *v) { return FLOAT_CHECK(V(vm), O(v)); }
int kite_is_str(KiteVM *vm, KiteValue *v) { return STR_CHECK(V(vm), O(v)); }
int kite_is_list(KiteVM *vm, KiteValue *v) { return LIST_CHECK(V(vm), O(v)); }
int kite_is_tuple(KiteVM *vm, KiteValue *v) { return TUPLE_CHECK(V(vm), O(v)); }
int kite_is_dict(KiteVM *vm, KiteValue *v) { return DICT_CHECK(V(vm), O(v)); }
int kite_is_callable(KiteVM *vm, KiteValue *v) { return obj_callable(V(vm), O(v)); }

const char *kite_type_name(KiteVM *vm, KiteValue *v) {
  return type_name(obj_type(V(vm), O(v)));
}

int kite_to_int(KiteVM *kvm, KiteValue *v, int64_t *out) {
  VM *vm = V(kvm);
  if (!INT_CHECK(vm, O(v))) {
    exc_set(vm, &vm->exc_TypeError, "'%s' object cannot be interpreted as an integer",
            type_name(obj_type(vm, O(v))));
    return -1;
  }
  return int_as_i64(vm, O(v), out);
}

int kite_to_float(KiteVM *kvm, KiteValue *v, double *out) {
  VM *vm = V(kvm);
  if (FLOAT_CHECK(vm, O(v))) {
    *out = float_value(O(v));
    return 0;
  }
  if (INT_CHECK(vm, O(v))) return int_as_double(vm, O(v), out);
  exc_set(vm, &vm->exc_TypeError, "must be real number, not %s", type_name(obj_type(vm, O(v))));
  return -1;
}

int kite_to_bool(KiteVM *kvm, KiteValue *v, int *out) {
  int t = obj_is_true(V(kvm), O(v));
  if (t < 0) return -1;
  *out = t;
  return 0;
}

const char *kite_to_str(KiteVM *kvm, KiteValue *v, size_t *len) {
  VM *vm = V(kvm);
  if (!STR_CHECK(vm, O(v))) {
    exc_set(vm, &vm->exc_TypeError, "expected str, got %s", type_name(obj_type(vm, O(v))));
    return NULL;
  }
  if (len) *len = (size_t)str_nbytes(O(v));
  return str_utf8(O(v));
}

KiteValue *kite_str_of(KiteVM *vm, KiteValue *v) { return K(obj_str(V(vm), O(v))); }
KiteValue *kite_repr(KiteVM *vm, KiteValue *v) { return K(obj_repr(V(vm), O(v))); }

/* ---- containers -------------------------------------------------------------------------- */

ptrdiff_t kite_len(KiteVM *vm, KiteValue *v) { return obj_len(V(vm), O(v)); }

KiteValue *kite_getitem(KiteVM *vm, KiteValue *c, KiteValue *key) {
  return K(obj_getitem(V(vm), O(c), O(key)));
}

int kite_setitem(KiteVM *vm, KiteValue *c, KiteValue *key, KiteValue *value) {
  return obj_setitem(V(vm), O(c), O(key), O(value));
}

KiteValue *kite_index(KiteVM *kvm, KiteValue *seq, ptrdiff_t i) {
  VM *vm = V(kvm);
  Object *k = int_from_i64(vm, i);
  if (!k) return NULL;
  Object *r = obj_getitem(vm, O(seq), k);
  obj_decref(vm, k);
  return K(r);
}

/* 0 if o is a T (by the check), else -1 with CPython's "descriptor 'append' for
   'list' objects doesn't apply to a 'int' object"-style TypeError, shortened. */
static int expect(VM *vm, bool ok, Object *o, const char *what, const char *fn) {
  if (ok) return 0;
  exc_set(vm, &vm->exc_TypeError, "%s() expects a %s, not %s", fn, what, type_name(obj_type(vm, o)));
  return -1;
}

int kite_append(KiteVM *kvm, KiteValue *list, KiteValue *item) {
  VM *vm = V(kvm);
  if (expect(vm, LIST_CHECK(vm, O(list)), O(list), "list", "kite_append") < 0) return -1;
  return list_append(vm, O(list), O(item));
}

int kite_dict_set(KiteVM *kvm, KiteValue *dict, const char *key, KiteValue *value) {
  VM *vm = V(kvm);
  if (expect(vm, DICT_CHECK(vm, O(dict)), O(dict), "dict", "kite_dict_set") < 0) return -1;
  Object *k = str_decode_utf8(vm, key, strlen(key));
  if (!k) return -1;
  int r = dict_setitem(vm, O(dict), k, O(value));
  obj_decref(vm, k);
  return r;
}

KiteValue *kite_dict_get(KiteVM *kvm, KiteValue *dict, const char *key) {
  VM *vm = V(kvm);
  if (expect(vm, DICT_CHECK(vm, O(dict)), O(dict), "dict", "kite_dict_get") < 0) return NULL;
  return K(obj_xnewref(dict_getitem_cstr(vm, O(dict), key)));
}

KiteValue *kite_get_global(KiteVM *kvm, const char *name) {
  VM *vm = V(kvm);
  Object *v = dict_getitem_cstr(vm, vm->main_dict, name);
  if (!v) return K(exc_set(vm, &vm->exc_NameError, "name '%s' is not defined", name));
  return K(obj_newref(v));
}

int kite_set_global(KiteVM *kvm, const char *name, KiteValue *value) {
  VM *vm = V(kvm);
  return kite_dict_set(kvm, K(vm->main_dict), name, value);
}

KiteValue *kite_getattr(KiteVM *vm, KiteValue *obj, const char *name) {
  return K(obj_getattr_cstr(V(vm), O(obj), name));
}

int kite_setattr(KiteVM *vm, KiteValue *obj, const char *name, KiteValue *value) {
  return obj_setattr_cstr(V(vm), O(obj), name, O(value));
}

/* ---- calls -------------------------------------------------------------------------------- */

/* New reference: the kwnames tuple for a NULL-terminated C array (NULL when empty);
   *n receives the count. NULL with an exception on failure (*n then is -1). */
static Object *kwnames_tuple(VM *vm, const char *const *kw, ptrdiff_t *n) {
  *n = 0;
  if (!kw || !kw[0]) return NULL;
  while (kw[*n]) (*n)++;
  Object *t = tuple_alloc(vm, *n);
  if (!t) return *n = -1, NULL;
  for (ptrdiff_t i = 0; i < *n; i++) {
    Object *s = str_decode_utf8(vm, kw[i], strlen(kw[i]));
    Object *in = s ? str_intern(vm, s) : NULL;
    obj_xdecref(vm, s);
    if (!in) {
      obj_decref(vm, t);
      return *n = -1, NULL;
    }
    TUPLE_ITEMS(t)[i] = in;
  }
  return t;
}

KiteValue *kite_call(KiteVM *kvm, KiteValue *callable, size_t nargs, KiteValue *const *args,
                     const char *const *kwnames) {
  VM *vm = V(kvm);
  ptrdiff_t nkw;
  Object *kw = kwnames_tuple(vm, kwnames, &nkw);
  if (nkw < 0) return NULL;
  host_enter(vm);
  Object *r = obj_call(vm, O(callable), (Object *const *)args, nargs, kw);
  host_leave(vm);
  obj_xdecref(vm, kw);
  return K(r);
}

KiteValue *kite_call_method(KiteVM *kvm, KiteValue *obj, const char *name, size_t nargs,
                            KiteValue *const *args) {
  VM *vm = V(kvm);
  host_enter(vm);
  Object *r = obj_call_method(vm, O(obj), name, (Object *const *)args, nargs);
  host_leave(vm);
  return K(r);
}

/* ---- extending ------------------------------------------------------------------------------ */

int kite_register(KiteVM *kvm, const char *name, KiteCFunction fn, void *ud) {
  VM *vm = V(kvm);
  KiteValue *f = kite_function_new(kvm, name, fn, ud);
  if (!f) return -1;
  int r = kite_dict_set(kvm, K(vm->main_dict), name, f);
  kite_decref(kvm, f);
  return r;
}

static bool is_module(VM *vm, Object *o) {
  return !obj_is_small(o) && type_is_subtype(o->ob_type, &vm->module_type);
}

KiteValue *kite_module_new(KiteVM *vm, const char *name) { return K(module_new(V(vm), name)); }

int kite_module_add(KiteVM *kvm, KiteValue *module, const char *name, KiteValue *value) {
  VM *vm = V(kvm);
  if (expect(vm, is_module(vm, O(module)), O(module), "module", "kite_module_add") < 0) return -1;
  return kite_dict_set(kvm, K(module_dict(O(module))), name, value);
}

int kite_grant_module(KiteVM *kvm, const char *name) {
  VM *vm = V(kvm);
  return kite_dict_set(kvm, K(vm->granted), name, K(vm->true_obj));
}

int kite_add_module(KiteVM *kvm, const char *name, KiteValue *module) {
  VM *vm = V(kvm);
  if (expect(vm, is_module(vm, O(module)), O(module), "module", "kite_add_module") < 0) return -1;
  if (kite_dict_set(kvm, K(vm->host_modules), name, module) < 0) return -1;
  return kite_grant_module(kvm, name);
}

int kite_register_module(KiteVM *kvm, const char *name, const KiteModuleFunction *fns) {
  KiteValue *m = kite_module_new(kvm, name);
  if (!m) return -1;
  int r = 0;
  for (; r == 0 && fns && fns->name; fns++) {
    KiteValue *f = kite_function_new(kvm, fns->name, fns->fn, fns->ud);
    r = f ? kite_module_add(kvm, m, fns->name, f) : -1;
    kite_decref(kvm, f);
  }
  if (r == 0) r = kite_add_module(kvm, name, m);
  kite_decref(kvm, m);
  return r;
}

/* ---- errors ------------------------------------------------------------------------------------ */

/* Borrowed: the exception class called name, from builtins or __main__; NULL if none. */
static TypeObject *exception_class(VM *vm, const char *name) {
  Object *c = dict_getitem_cstr(vm, vm->builtins, name);
  if (!c && vm->main_dict) c = dict_getitem_cstr(vm, vm->main_dict, name);
  return c && exc_is_class(vm, c) ? (TypeObject *)c : NULL;
}

KiteValue *kite_raise(KiteVM *kvm, const char *type_name_, const char *fmt, ...) {
  VM *vm = V(kvm);
  TypeObject *t = exception_class(vm, type_name_ ? type_name_ : "");
  if (!t) return K(exc_set(vm, &vm->exc_SystemError, "kite_raise: '%s' is not an exception class",
                           type_name_ ? type_name_ : "(null)"));
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt ? fmt : "", ap);
  va_end(ap);
  if (n < 0) return K(exc_set(vm, t, "%s", fmt));
  if ((size_t)n < sizeof small) return K(exc_set(vm, t, "%s", small));
  char *big = heap_alloc(vm, (size_t)n + 1);
  if (!big) return NULL;
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  exc_set(vm, t, "%s", big);
  heap_free(vm, big, (size_t)n + 1);
  return NULL;
}

int kite_error_pending(KiteVM *vm) { return exc_occurred(V(vm)); }

const char *kite_error_type(KiteVM *kvm) {
  VM *vm = V(kvm);
  return vm->exc ? type_name(obj_type(vm, vm->exc)) : NULL;
}

KiteValue *kite_error_message(KiteVM *kvm) {
  VM *vm = V(kvm);
  Object *e = exc_fetch(vm);
  if (!e) return NULL;
  Object *s = obj_str(vm, e);
  if (!s) {
    exc_clear(vm);
    s = str_from_cstr(vm, "<exception str() failed>");
    if (!s) exc_clear(vm);
  }
  exc_restore(vm, e);
  return K(s);
}

/* A growable byte buffer on the VM heap, written through a stdio cookie stream so that
   traceback_print_exception can print into it. */
typedef struct Capture {
  VM *vm;
  char *data;
  size_t len, cap;
  bool failed;
} Capture;

static ssize_t capture_write(void *cookie, const char *p, size_t n) {
  Capture *c = cookie;
  if (c->failed) return (ssize_t)n;
  if (c->len + n > c->cap) {
    size_t cap = c->cap ? c->cap : 256;
    while (cap < c->len + n) cap *= 2;
    char *d = c->data ? heap_realloc(c->vm, c->data, c->cap, cap) : heap_alloc(c->vm, cap);
    if (!d) {
      c->failed = true;
      return (ssize_t)n;
    }
    c->data = d;
    c->cap = cap;
  }
  memcpy(c->data + c->len, p, n);
  c->len += n;
  return (ssize_t)n;
}

KiteValue *kite_error_traceback(KiteVM *kvm) {
  VM *vm = V(kvm);
  Object *e = exc_fetch(vm);
  if (!e) return NULL;
  Capture c = {vm, NULL, 0, 0, false};
  cookie_io_functions_t io = {.write = capture_write};
  FILE *f = fopencookie(&c, "w", io);
  Object *r = NULL;
  if (f) {
    traceback_print_exception(vm, e, f);
    fclose(f);
    if (vm->exc) exc_clear(vm);   /* a failure while printing must not replace e */
    if (!c.failed) r = str_decode_utf8(vm, c.data ? c.data : "", c.len);
    if (!r && vm->exc) exc_clear(vm);
  }
  if (c.data) heap_free(vm, c.data, c.cap);
  exc_restore(vm, e);
  return K(r);
}

void kite_error_print(KiteVM *kvm) {
  VM *vm = V(kvm);
  Object *e = exc_fetch(vm);
  if (!e) return;
  fflush(vm->out);
  traceback_print_exception(vm, e, vm->err);
  obj_decref(vm, e);
  exc_clear(vm);
}

void kite_error_clear(KiteVM *vm) { exc_clear(V(vm)); }

int kite_error_exit_status(KiteVM *kvm, int *status) {
  VM *vm = V(kvm);
  if (!vm->exc || !exc_matches(vm, &vm->exc_SystemExit)) return 0;
  int s = run_handle_exception(vm);
  if (status) *status = s;
  return 1;
}

/* ---- memory ----------------------------------------------------------------------------- */

void kite_memory_stats(KiteVM *kvm, KiteMemoryStats *out) {
  VM *vm = V(kvm);
  memset(out, 0, sizeof *out);
  out->bytes_in_use = vm->heap.stats.bytes_in_use;
  out->bytes_reserved = vm->heap.stats.bytes_reserved;
  out->peak_in_use = vm->heap.stats.peak_in_use;
  out->gc_tracked = vm->gc.count;
  for (int g = 0; g < 3 && g < GC_NGENS; g++) out->collections[g] = vm->gc.stats[g].collections;
}

ptrdiff_t kite_collect(KiteVM *kvm) {
  VM *vm = V(kvm);
  ssize_t n = gc_collect(vm, GC_NGENS - 1);
  return n < 0 ? -1 : n;
}
