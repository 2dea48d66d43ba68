/*
 * sysmodule: the sys module, and the small text-stream type behind sys.stdout and
 * sys.stderr (print writes straight to the C stream when the target is one of these).
 */
#include "runtime/sysmodule.h"

#include <string.h>
#include <unistd.h>

#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define KITE_VERSION_STRING "0.1.0"

/* ---- text streams ---------------------------------------------------------------------- */

typedef struct TextIOObject {
  Object ob;
  FILE *fp;
  const char *name;    /* "<stdout>" */
} TextIOObject;

FILE *sys_textio_file(VM *vm, Object *file) {
  if (!file || obj_is_small(file) || file->ob_type != &vm->textio_type) return NULL;
  return ((TextIOObject *)file)->fp;
}

Object *sys_textio_new(VM *vm, FILE *fp, const char *name) {
  TextIOObject *t = (TextIOObject *)obj_alloc(vm, &vm->textio_type, 0);
  if (!t) return NULL;
  t->fp = fp;
  t->name = name;
  return &t->ob;
}

static Object *textio_write(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (!STR_CHECK(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "write() argument must be str, not %s",
                   type_name(obj_type(vm, args[0])));
  fwrite(str_utf8(args[0]), 1, (size_t)str_nbytes(args[0]), ((TextIOObject *)self)->fp);
  return int_from_i64(vm, str_length(args[0]));
}

static Object *textio_flush(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  fflush(((TextIOObject *)self)->fp);
  return vm_none(vm);
}

static Object *textio_isatty(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return vm_bool(vm, isatty(fileno(((TextIOObject *)self)->fp)));
}

static Object *textio_fileno(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return int_from_i64(vm, fileno(((TextIOObject *)self)->fp));
}

/* Read one line (with its newline) or, with whole, everything up to EOF. New ref. */
static Object *read_text(VM *vm, Object *self, bool whole) {
  TextIOObject *t = (TextIOObject *)self;
  if (vm->sandbox) return exc_set(vm, &vm->exc_PermissionError, "stdin is not available in the sandbox");
  StrBuf b;
  strbuf_init(&b);
  char chunk[1024];
  while (fgets(chunk, sizeof chunk, t->fp)) {
    size_t n = strlen(chunk);
    strbuf_append(vm, &b, chunk, n);
    if (!whole && n && chunk[n - 1] == '\n') break;
  }
  return strbuf_finish(vm, &b);
}

static Object *textio_readline(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  return read_text(vm, self, false);
}

static Object *textio_read(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  return read_text(vm, self, true);
}

static Object *textio_readlines(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  Object *l = list_new(vm, 0);
  while (l) {
    Object *line = read_text(vm, self, false);
    if (!line || str_length(line) == 0 || list_append(vm, l, line) < 0) {
      bool failed = !line || exc_occurred(vm);
      obj_xdecref(vm, line);
      if (failed) OBJ_CLEAR(vm, l);
      break;
    }
    obj_decref(vm, line);
  }
  return l;
}

static Object *textio_iter(VM *vm, Object *self) { return obj_newref(self); }

static Object *textio_next(VM *vm, Object *self) {
  Object *line = read_text(vm, self, false);
  if (line && str_length(line) == 0) OBJ_CLEAR(vm, line);   /* EOF ends the iteration */
  return line;
}

static Object *textio_repr(VM *vm, Object *self) {
  TextIOObject *t = (TextIOObject *)self;
  return str_from_format(vm, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>",
                         t->name, strcmp(t->name, "<stdin>") ? "w" : "r");
}

static Object *textio_encoding(VM *vm, Object *self, void *c) { return str_from_cstr(vm, "utf-8"); }
static Object *textio_name(VM *vm, Object *self, void *c) {
  return str_from_cstr(vm, ((TextIOObject *)self)->name);
}

static const MethodDef textio_methods[] = {
  {"write", textio_write, METH_O, NULL}, {"flush", textio_flush, METH_NOARGS, NULL},
  {"isatty", textio_isatty, METH_NOARGS, NULL}, {"fileno", textio_fileno, METH_NOARGS, NULL},
  {"readline", textio_readline, METH_VARARGS, NULL}, {"read", textio_read, METH_VARARGS, NULL},
  {"readlines", textio_readlines, METH_NOARGS, NULL},
  {NULL, NULL, 0, NULL},
};

static const GetSetDef textio_getset[] = {
  {"encoding", textio_encoding, NULL, NULL, NULL}, {"name", textio_name, NULL, NULL, NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

static void textio_dealloc(VM *vm, Object *self) { obj_free(vm, self, sizeof(TextIOObject)); }

void sys_textio_type_init(VM *vm) {
  TypeObject *t = &vm->textio_type;
  type_init_builtin(vm, t, "_io.TextIOWrapper", NULL, sizeof(TextIOObject), 0, 0);
  t->tp_methods = textio_methods;
  t->tp_getset = textio_getset;
  t->tp_repr = textio_repr;
  t->tp_iter = textio_iter;
  t->tp_iternext = textio_next;
  t->tp_dealloc = textio_dealloc;
}

/* ---- sys.version_info: a tuple with named fields ---------------------------------- */

static const char *const version_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};

static Object *version_field(VM *vm, Object *self, void *c) {
  return obj_newref(TUPLE_ITEMS(self)[(size_t)c]);
}

static Object *version_repr(VM *vm, Object *self) {
  StrBuf b;
  strbuf_init(&b);
  strbuf_append_cstr(vm, &b, "sys.version_info(");
  for (size_t i = 0; i < 5; i++) {
    Object *r = obj_repr(vm, TUPLE_ITEMS(self)[i]);
    if (!r) {
      strbuf_discard(vm, &b);
      return NULL;
    }
    strbuf_printf(vm, &b, "%s%s=", i ? ", " : "", version_fields[i]);
    strbuf_append_str(vm, &b, r);
    obj_decref(vm, r);
  }
  strbuf_append_char(vm, &b, ')');
  return strbuf_finish(vm, &b);
}

static const GetSetDef version_getset[] = {
  {"major", version_field, NULL, NULL, (void *)0}, {"minor", version_field, NULL, NULL, (void *)1},
  {"micro", version_field, NULL, NULL, (void *)2},
  {"releaselevel", version_field, NULL, NULL, (void *)3},
  {"serial", version_field, NULL, NULL, (void *)4},
  {NULL, NULL, NULL, NULL, NULL},
};

void sys_version_type_init(VM *vm) {
  TypeObject *t = &vm->version_info_type;
  type_init_builtin(vm, t, "sys.version_info", &vm->tuple_type, 0, 0, 0);
  t->tp_repr = version_repr;
  t->tp_getset = version_getset;
}

/* New reference: sys.version_info. */
static Object *version_info_new(VM *vm) {
  Object *final = str_from_cstr(vm, "final");
  if (!final) return NULL;
  Object *v = obj_alloc(vm, &vm->version_info_type, 5);
  if (!v) {
    obj_decref(vm, final);
    return NULL;
  }
  Object *items[5] = {small_new(3), small_new(11), small_new(7), final, small_new(0)};
  for (int i = 0; i < 5; i++) TUPLE_ITEMS(v)[i] = items[i];
  return v;
}

/* ---- sys functions -------------------------------------------------------------------- */

static Object *sys_getrefcount(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  Object *o = args[0];
  if (obj_is_small(o) || (o->ob_gc & OBJ_GC_IMMORTAL))
    return int_from_i64(vm, OBJ_IMMORTAL_REFCNT);
  return int_from_i64(vm, o->ob_refcnt);
}

static Object *sys_getsizeof(VM *vm, Object *self, Object *const *args, size_t nargs,
                             Object *kwnames) {
  static const char *const names[] = {"object", "default", NULL};
  Object *a[2];
  if (arg_parse(vm, "getsizeof", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
  Object *o = a[0];
  Object *r;
  if (obj_is_small(o)) {
    /* An immediate int occupies no heap memory; report the word it lives in. */
    r = int_from_i64(vm, (int64_t)sizeof(Object *));
  } else {
    Object *f = type_lookup(vm, obj_type(vm, o), vm->id.__sizeof__);
    if (!f) {
      if (a[1]) return obj_newref(a[1]);
      return exc_set(vm, &vm->exc_TypeError, "Type %s doesn't define __sizeof__",
                     type_name(obj_type(vm, o)));
    }
    obj_incref(f);
    r = obj_call1(vm, f, o);
    obj_decref(vm, f);
    if (!r) {
      if (a[1] && exc_matches(vm, &vm->exc_TypeError)) {
        exc_clear(vm);
        return obj_newref(a[1]);
      }
      return NULL;
    }
    if (!INT_CHECK(vm, r)) {
      obj_decref(vm, r);
      return exc_set(vm, &vm->exc_TypeError, "an integer is required");
    }
    if (int_sign(vm, r) < 0) {
      obj_decref(vm, r);
      return exc_set(vm, &vm->exc_ValueError, "__sizeof__() should return >= 0");
    }
    /* A tracked container also costs its slot in the collector's table. */
    if (gc_is_tracked(o)) {
      Object *t = obj_binop(vm, r, small_new(sizeof(Object *)), BINOP_ADD);
      obj_decref(vm, r);
      r = t;
    }
  }
  return r;
}

static Object *sys_getrecursionlimit(VM *vm, Object *self, Object *const *a, size_t n, Object *k) {
  return int_from_i64(vm, vm->recursion_limit);
}

static Object *sys_setrecursionlimit(VM *vm, Object *self, Object *const *args, size_t n,
                                     Object *kw) {
  if (!INT_CHECK(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   type_name(obj_type(vm, args[0])));
  int64_t v;
  if (int_as_i64(vm, args[0], &v) < 0 || v > INT32_MAX) {
    exc_clear(vm);
    return exc_set(vm, &vm->exc_OverflowError, "Python int too large to convert to C int");
  }
  if (v < 1) return exc_set(vm, &vm->exc_ValueError, "recursion limit must be greater or equal than 1");
  if (v <= vm->recursion_depth)
    return exc_set(vm, &vm->exc_RecursionError,
                   "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                   (int)v, vm->recursion_depth);
  vm->recursion_limit = (int)v;
  return vm_none(vm);
}

static Object *sys_exit(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (arg_no_kw(vm, "exit", kw) < 0 || arg_count(vm, "exit", nargs, 0, 1) < 0) return NULL;
  /* sys.exit(None) raises SystemExit() with no arguments, as CPython's */
  return exc_set_obj(vm, &vm->exc_SystemExit,
                     nargs && args[0] != VM_NONE(vm) ? args[0] : NULL);
}

static Object *sys_intern(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  if (!STR_CHECK_EXACT(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "intern() argument must be str, not %s",
                   type_name(obj_type(vm, args[0])));
  return str_intern(vm, args[0]);
}

static Object *sys_exc_info(VM *vm, Object *self, Object *const *a, size_t n, Object *k) {
  Object *e = vm->exc_info;
  if (!e) return tuple_pack(vm, 3, VM_NONE(vm), VM_NONE(vm), VM_NONE(vm));
  Object *tb = ((BaseExceptionObject *)e)->traceback;
  return tuple_pack(vm, 3, (Object *)obj_type(vm, e), e, tb ? tb : VM_NONE(vm));
}

static Object *sys_exception(VM *vm, Object *self, Object *const *a, size_t n, Object *k) {
  return obj_newref(vm->exc_info ? vm->exc_info : VM_NONE(vm));
}

static Object *sys_debugmallocstats(VM *vm, Object *self, Object *const *a, size_t n, Object *k) {
  FILE *err = vm->err ? vm->err : stderr;
  fflush(vm->out ? vm->out : stdout);
  heap_dump_stats(vm, err);
  return vm_none(vm);
}

static Object *sys_getdefaultencoding(VM *vm, Object *self, Object *const *a, size_t n, Object *k) {
  return str_from_cstr(vm, "utf-8");
}

static const MethodDef sys_functions[] = {
  {"get_int_max_str_digits", int_sys_get_max_str_digits, METH_NOARGS,
   "Return the maximum string digits limit for non-binary int<->str conversions."},
  {"set_int_max_str_digits", int_sys_set_max_str_digits, METH_VARARGS,
   "Set the maximum string digits limit for non-binary int<->str conversions."},
  {"getrefcount", sys_getrefcount, METH_O, "Return the reference count of object."},
  {"getsizeof", sys_getsizeof, METH_VARARGS, "getsizeof(object [, default]) -> int"},
  {"getrecursionlimit", sys_getrecursionlimit, METH_NOARGS, "Return the current value of the recursion limit."},
  {"setrecursionlimit", sys_setrecursionlimit, METH_O, "Set the maximum depth of the Python interpreter stack to n."},
  {"exit", sys_exit, METH_VARARGS, "Exit the interpreter by raising SystemExit(status)."},
  {"intern", sys_intern, METH_O, "``Intern'' the given string."},
  {"exc_info", sys_exc_info, METH_NOARGS, "Return current exception information: (type, value, traceback)."},
  {"exception", sys_exception, METH_NOARGS, "Return the current exception."},
  {"_debugmallocstats", sys_debugmallocstats, METH_NOARGS, "Print summary info to stderr about the state of Kite's heap."},
  {"getdefaultencoding", sys_getdefaultencoding, METH_NOARGS, "Return the current default encoding used by the Unicode implementation."},
  {NULL, NULL, 0, NULL},
};

/* ---- the module -------------------------------------------------------------------------- */

static int set(VM *vm, Object *d, const char *name, Object *v) {
  if (!v) return -1;
  int r = dict_setitem_cstr(vm, d, name, v);
  obj_decref(vm, v);
  return r;
}

int sys_fill(VM *vm, Object *d, int argc, const char *const *argv) {
  for (const MethodDef *m = sys_functions; m->name; m++)
    if (set(vm, d, m->name, builtin_new(vm, m, NULL)) < 0) return -1;
  Object *av = list_new(vm, 0);
  if (!av) return -1;
  for (int i = 0; i < argc; i++) {
    Object *s = str_from_cstr(vm, argv[i]);
    if (!s || list_append(vm, av, s) < 0) {
      obj_xdecref(vm, s);
      obj_decref(vm, av);
      return -1;
    }
    obj_decref(vm, s);
  }
  if (argc == 0 && list_append(vm, av, vm->empty_str) < 0) {
    obj_decref(vm, av);
    return -1;
  }
  OBJ_SETREF(vm, vm->argv, obj_newref(av));
  if (set(vm, d, "argv", av) < 0) return -1;
  Object *vi = version_info_new(vm);
  if (set(vm, d, "version_info", vi) < 0) return -1;
  if (set(vm, d, "version", str_from_cstr(vm, "3.11.7 (Kite " KITE_VERSION_STRING ")")) < 0 ||
      set(vm, d, "hexversion", int_from_i64(vm, 0x030B07F0)) < 0 ||
      set(vm, d, "platform", str_from_cstr(vm, "linux")) < 0 ||
      set(vm, d, "byteorder", str_from_cstr(vm, "little")) < 0 ||
      set(vm, d, "maxsize", int_from_i64(vm, INT64_MAX)) < 0 ||
      set(vm, d, "maxunicode", int_from_i64(vm, 0x10ffff)) < 0 ||
      set(vm, d, "executable", str_from_cstr(vm, "kite")) < 0 ||
      set(vm, d, "copyright", str_from_cstr(vm, "Copyright (c) the Kite authors.")) < 0)
    return -1;
  Object *impl = dict_new(vm);
  if (!impl) return -1;
  Object *nm = str_from_cstr(vm, "kite"), *tag = str_from_cstr(vm, "kite-01");
  Object *ver = dict_getitem_cstr(vm, d, "version_info");
  int ok = nm && tag && dict_setitem_cstr(vm, impl, "name", nm) == 0 &&
           dict_setitem_cstr(vm, impl, "cache_tag", tag) == 0 &&
           dict_setitem_cstr(vm, impl, "version", ver) == 0;
  obj_xdecref(vm, nm);
  obj_xdecref(vm, tag);
  if (!ok) {
    obj_decref(vm, impl);
    return -1;
  }
  Object *ns = namespace_new(vm, impl);
  obj_decref(vm, impl);
  if (set(vm, d, "implementation", ns) < 0) return -1;
  Object *fi = dict_new(vm);
  if (!fi) return -1;
  struct { const char *n; double v; } fl[] = {
    {"max", 1.7976931348623157e+308}, {"min", 2.2250738585072014e-308},
    {"epsilon", 2.220446049250313e-16},
  };
  for (size_t i = 0; i < 3; i++) {
    Object *f = float_new(vm, fl[i].v);
    if (!f || dict_setitem_cstr(vm, fi, fl[i].n, f) < 0) {
      obj_xdecref(vm, f);
      obj_decref(vm, fi);
      return -1;
    }
    obj_decref(vm, f);
  }
  struct { const char *n; int64_t v; } il[] = {
    {"max_exp", 1024}, {"max_10_exp", 308}, {"min_exp", -1021}, {"min_10_exp", -307},
    {"dig", 15}, {"mant_dig", 53}, {"radix", 2}, {"rounds", 1},
  };
  for (size_t i = 0; i < sizeof il / sizeof *il; i++)
    if (dict_setitem_cstr(vm, fi, il[i].n, small_new(il[i].v)) < 0) {
      obj_decref(vm, fi);
      return -1;
    }
  ns = namespace_new(vm, fi);
  obj_decref(vm, fi);
  if (set(vm, d, "float_info", ns) < 0) return -1;
  if (dict_setitem_cstr(vm, d, "modules", vm->modules) < 0 ||
      dict_setitem_cstr(vm, d, "path", vm->path) < 0 ||
      dict_setitem_cstr(vm, d, "stdout", vm->stdout_obj) < 0 ||
      dict_setitem_cstr(vm, d, "stderr", vm->stderr_obj) < 0 ||
      dict_setitem_cstr(vm, d, "__stdout__", vm->stdout_obj) < 0 ||
      dict_setitem_cstr(vm, d, "__stderr__", vm->stderr_obj) < 0)
    return -1;
  Object *in = sys_textio_new(vm, stdin, "<stdin>");
  if (!in || dict_setitem_cstr(vm, d, "stdin", in) < 0 ||
      dict_setitem_cstr(vm, d, "__stdin__", in) < 0) {
    obj_xdecref(vm, in);
    return -1;
  }
  obj_decref(vm, in);
  return 0;
}
