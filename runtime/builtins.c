/*
 * builtins: the builtins module — functions such as len, print and sorted, the
 * iterator types behind enumerate/zip/map/filter/reversed/iter(callable, sentinel),
 * and the singleton types of None, NotImplemented and Ellipsis.
 */
#include "runtime/builtins.h"

#include <string.h>

#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/sysmodule.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/run.h"

#define UNUSED_ARGS (void)self; (void)kwnames

/* ---- None, NotImplemented, Ellipsis -------------------------------------------------- */

static Object *none_repr(VM *vm, Object *self) { return str_from_cstr(vm, "None"); }
static int none_bool(VM *vm, Object *self) { return 0; }
static Object *notimpl_repr(VM *vm, Object *self) { return str_from_cstr(vm, "NotImplemented"); }
static Object *ellipsis_repr(VM *vm, Object *self) { return str_from_cstr(vm, "Ellipsis"); }

static Object *singleton_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                             Object *kwnames) {
  if (nargs || (kwnames && TUPLE_SIZE(kwnames)))
    return exc_set(vm, &vm->exc_TypeError, "%s takes no arguments", type_name(type));
  if (type == &vm->none_type) return vm_none(vm);
  if (type == &vm->notimpl_type) return obj_newref(VM_NOTIMPL(vm));
  return obj_newref(&vm->ellipsis_obj);
}

static void singleton_init(VM *vm, Object *o, TypeObject *t) {
  o->ob_refcnt = OBJ_IMMORTAL_INIT;
  o->ob_gc = OBJ_GC_IMMORTAL;
  o->ob_type = t;
}

void builtins_singleton_types_init(VM *vm) {
  TypeObject *t = &vm->none_type;
  type_init_builtin(vm, t, "NoneType", NULL, sizeof(Object), 0, 0);
  t->tp_repr = none_repr;
  t->tp_bool = none_bool;
  t->tp_new = singleton_new;
  t = &vm->notimpl_type;
  type_init_builtin(vm, t, "NotImplementedType", NULL, sizeof(Object), 0, 0);
  t->tp_repr = notimpl_repr;
  t->tp_new = singleton_new;
  t = &vm->ellipsis_type;
  type_init_builtin(vm, t, "ellipsis", NULL, sizeof(Object), 0, 0);
  t->tp_repr = ellipsis_repr;
  t->tp_new = singleton_new;
  singleton_init(vm, &vm->none_obj, &vm->none_type);
  singleton_init(vm, &vm->notimpl_obj, &vm->notimpl_type);
  singleton_init(vm, &vm->ellipsis_obj, &vm->ellipsis_type);
}

/* ---- printing and input ---------------------------------------------------------------- */

/* Write s (a str) to the file object; the default stdout/stderr write straight to C. */
static int write_str(VM *vm, Object *file, Object *s) {
  FILE *fp = sys_textio_file(vm, file);
  if (fp) {
    fwrite(str_utf8(s), 1, (size_t)str_nbytes(s), fp);
    return 0;
  }
  Object *r = obj_call_method(vm, file, "write", &s, 1);
  if (!r) return -1;
  obj_decref(vm, r);
  return 0;
}

static Object *builtin_print(VM *vm, Object *self, Object *const *args, size_t nargs,
                             Object *kwnames) {
  Object *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
  ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  for (ssize_t i = 0; i < nkw; i++) {
    Object *k = TUPLE_ITEMS(kwnames)[i], *v = args[nargs + (size_t)i];
    if (str_eq_cstr(k, "sep")) sep = v;
    else if (str_eq_cstr(k, "end")) end = v;
    else if (str_eq_cstr(k, "file")) file = v;
    else if (str_eq_cstr(k, "flush")) flush = v;
    else return exc_set(vm, &vm->exc_TypeError, "'%U' is an invalid keyword argument for print()", k);
  }
  if (sep == VM_NONE(vm)) sep = NULL;
  if (end == VM_NONE(vm)) end = NULL;
  if (sep && !STR_CHECK(vm, sep))
    return exc_set(vm, &vm->exc_TypeError, "sep must be None or a string, not %s",
                   type_name(obj_type(vm, sep)));
  if (end && !STR_CHECK(vm, end))
    return exc_set(vm, &vm->exc_TypeError, "end must be None or a string, not %s",
                   type_name(obj_type(vm, end)));
  if (!file || file == VM_NONE(vm)) {
    file = vm->sys_dict ? dict_getitem_cstr(vm, vm->sys_dict, "stdout") : vm->stdout_obj;
    if (!file || file == VM_NONE(vm)) return vm_none(vm);
  }
  FILE *fp = sys_textio_file(vm, file);
  for (size_t i = 0; i < nargs; i++) {
    if (i > 0) {
      if (sep) {
        if (write_str(vm, file, sep) < 0) return NULL;
      } else if (fp) {
        fputc(' ', fp);
      } else if (write_str(vm, file, vm->latin1[' ']) < 0) {
        return NULL;
      }
    }
    Object *s = obj_str(vm, args[i]);
    if (!s) return NULL;
    int r = write_str(vm, file, s);
    obj_decref(vm, s);
    if (r < 0) return NULL;
  }
  if (end) {
    if (write_str(vm, file, end) < 0) return NULL;
  } else if (fp) {
    fputc('\n', fp);
  } else if (write_str(vm, file, vm->latin1['\n']) < 0) {
    return NULL;
  }
  if (flush && flush != VM_NONE(vm)) {
    int f = obj_is_true(vm, flush);
    if (f < 0) return NULL;
    if (f) {
      if (fp) fflush(fp);
      else {
        Object *r = obj_call_method(vm, file, "flush", NULL, 0);
        if (!r) return NULL;
        obj_decref(vm, r);
      }
    }
  }
  return vm_none(vm);
}

static Object *builtin_input(VM *vm, Object *self, Object *const *args, size_t nargs,
                             Object *kwnames) {
  if (arg_no_kw(vm, "input", kwnames) < 0 || arg_count(vm, "input", nargs, 0, 1) < 0) return NULL;
  if (vm->sandbox)
    return exc_set(vm, &vm->exc_PermissionError, "input() is not available in the sandbox");
  if (nargs == 1) {
    Object *p = obj_str(vm, args[0]);
    if (!p) return NULL;
    Object *out = vm->sys_dict ? dict_getitem_cstr(vm, vm->sys_dict, "stdout") : NULL;
    int r = write_str(vm, out ? out : vm->stdout_obj, p);
    obj_decref(vm, p);
    if (r < 0) return NULL;
  }
  FILE *out = sys_textio_file(vm, vm->stdout_obj);
  if (out) fflush(out);
  StrBuf b;
  strbuf_init(&b);
  char chunk[512];
  bool got = false;
  while (fgets(chunk, sizeof chunk, stdin)) {
    got = true;
    size_t n = strlen(chunk);
    if (n && chunk[n - 1] == '\n') {
      strbuf_append(vm, &b, chunk, n - 1);
      break;
    }
    strbuf_append(vm, &b, chunk, n);
  }
  if (!got) {
    strbuf_discard(vm, &b);
    return exc_set(vm, &vm->exc_EOFError, "EOF when reading a line");
  }
  return strbuf_finish(vm, &b);
}

/* ---- simple functions ----------------------------------------------------------------- */

static Object *builtin_len(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  ssize_t n = obj_len(vm, args[0]);
  return n < 0 ? NULL : int_from_i64(vm, n);
}

static Object *builtin_abs(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return obj_unaryop(vm, args[0], UNARY_ABS);
}

static Object *any_all(VM *vm, Object *iterable, bool want) {
  Object *it = obj_iter(vm, iterable);
  if (!it) return NULL;
  Object *x;
  while ((x = obj_next(vm, it))) {
    int t = obj_is_true(vm, x);
    obj_decref(vm, x);
    if (t < 0) {
      obj_decref(vm, it);
      return NULL;
    }
    if (t == want) {
      obj_decref(vm, it);
      return vm_bool(vm, want);
    }
  }
  obj_decref(vm, it);
  return exc_occurred(vm) ? NULL : vm_bool(vm, !want);
}

static Object *builtin_any(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return any_all(vm, args[0], true);
}

static Object *builtin_all(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return any_all(vm, args[0], false);
}

static Object *builtin_isinstance(VM *vm, Object *self, Object *const *args, size_t nargs,
                                  Object *kw) {
  if (arg_no_kw(vm, "isinstance", kw) < 0 || arg_count(vm, "isinstance", nargs, 2, 2) < 0) return NULL;
  int r = obj_isinstance(vm, args[0], args[1]);
  return r < 0 ? NULL : vm_bool(vm, r);
}

static Object *builtin_issubclass(VM *vm, Object *self, Object *const *args, size_t nargs,
                                  Object *kw) {
  if (arg_no_kw(vm, "issubclass", kw) < 0 || arg_count(vm, "issubclass", nargs, 2, 2) < 0) return NULL;
  int r = obj_issubclass(vm, args[0], args[1]);
  return r < 0 ? NULL : vm_bool(vm, r);
}

static Object *builtin_id(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return int_from_u64(vm, (uint64_t)(uintptr_t)args[0]);
}

static Object *builtin_hash(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  int64_t h = obj_hash(vm, args[0]);
  return h == -1 && exc_occurred(vm) ? NULL : int_from_i64(vm, h);
}

static Object *builtin_repr(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return obj_repr(vm, args[0]);
}

static Object *builtin_ascii(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return obj_ascii(vm, args[0]);
}

static Object *builtin_format(VM *vm, Object *self, Object *const *args, size_t nargs,
                              Object *kw) {
  if (arg_no_kw(vm, "format", kw) < 0 || arg_count(vm, "format", nargs, 1, 2) < 0) return NULL;
  if (nargs == 2 && !STR_CHECK(vm, args[1]))
    return exc_set(vm, &vm->exc_TypeError, "format() argument 2 must be str, not %s",
                   type_name(obj_type(vm, args[1])));
  return obj_format(vm, args[0], nargs == 2 ? args[1] : NULL);
}

static Object *builtin_chr(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (!INT_CHECK(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   type_name(obj_type(vm, args[0])));
  int64_t v;
  if (int_as_i64(vm, args[0], &v) < 0) {
    exc_clear(vm);
    return exc_set(vm, &vm->exc_OverflowError, "Python int too large to convert to C int");
  }
  if (v < 0 || v > 0x10ffff)
    return exc_set(vm, &vm->exc_ValueError, "chr() arg not in range(0x110000)");
  return str_from_codepoint(vm, (uint32_t)v);
}

static Object *builtin_ord(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  Object *c = args[0];
  if (!STR_CHECK(vm, c))
    return exc_set(vm, &vm->exc_TypeError, "ord() expected string of length 1, but %s found",
                   type_name(obj_type(vm, c)));
  if (str_length(c) != 1)
    return exc_set(vm, &vm->exc_TypeError,
                   "ord() expected a character, but string of length %zd found", str_length(c));
  return int_from_i64(vm, str_codepoint_at(c, 0));
}

static Object *to_base(VM *vm, Object *x, int base) {
  Object *i = INT_CHECK(vm, x) ? obj_newref(x) : obj_unaryop(vm, x, UNARY_INDEX);
  if (!i) return NULL;
  Object *r = int_to_string(vm, i, base);
  obj_decref(vm, i);
  return r;
}

static Object *builtin_hex(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return to_base(vm, args[0], 16);
}
static Object *builtin_oct(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return to_base(vm, args[0], 8);
}
static Object *builtin_bin(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return to_base(vm, args[0], 2);
}

static Object *builtin_round(VM *vm, Object *self, Object *const *args, size_t nargs,
                             Object *kwnames) {
  static const char *const names[] = {"number", "ndigits", NULL};
  Object *a[2];
  if (arg_parse(vm, "round", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
  Object *nd = a[1] && a[1] != VM_NONE(vm) ? a[1] : NULL;
  Object *f = type_lookup(vm, obj_type(vm, a[0]), vm->id.__round__);
  if (!f)
    return exc_set(vm, &vm->exc_TypeError, "type %s doesn't define __round__ method",
                   type_name(obj_type(vm, a[0])));
  Object *argv[2] = {a[0], nd};
  obj_incref(f);
  Object *r = obj_call(vm, f, argv, nd ? 2 : 1, NULL);
  obj_decref(vm, f);
  return r;
}

static Object *builtin_divmod(VM *vm, Object *self, Object *const *args, size_t nargs,
                              Object *kw) {
  if (arg_no_kw(vm, "divmod", kw) < 0 || arg_count(vm, "divmod", nargs, 2, 2) < 0) return NULL;
  Object *a = args[0], *b = args[1];
  bool ai = INT_CHECK(vm, a), bi = INT_CHECK(vm, b);
  bool af = FLOAT_CHECK(vm, a), bf = FLOAT_CHECK(vm, b);
  TypeObject *ta = obj_type(vm, a), *tb = obj_type(vm, b);
  if (!(ta->tp_flags & TYPE_FLAG_HEAPTYPE) && !(tb->tp_flags & TYPE_FLAG_HEAPTYPE)) {
    if (ai && bi) return int_divmod(vm, a, b);
    if ((ai || af) && (bi || bf)) return float_divmod(vm, a, b);
  }
  /* __divmod__ / __rdivmod__ */
  Object *name = str_intern_cstr(vm, "__divmod__"), *rname = str_intern_cstr(vm, "__rdivmod__");
  Object *r = NULL;
  if (!name || !rname) goto done;
  Object *f = type_lookup(vm, ta, name);
  if (f) {
    r = obj_call2(vm, f, a, b);
    if (r != VM_NOTIMPL(vm)) goto done;
    obj_decref(vm, r);
    r = NULL;
  }
  f = type_lookup(vm, tb, rname);
  if (f && tb != ta) {
    r = obj_call2(vm, f, b, a);
    if (r != VM_NOTIMPL(vm)) goto done;
    obj_decref(vm, r);
    r = NULL;
  }
  exc_set(vm, &vm->exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
          type_name(ta), type_name(tb));
done:
  obj_xdecref(vm, name);
  obj_xdecref(vm, rname);
  return r;
}

static Object *builtin_pow(VM *vm, Object *self, Object *const *args, size_t nargs,
                           Object *kwnames) {
  static const char *const names[] = {"base", "exp", "mod", NULL};
  Object *a[3];
  if (arg_parse(vm, "pow", args, nargs, kwnames, names, 3, 2, a) < 0) return NULL;
  if (!a[2] || a[2] == VM_NONE(vm)) return obj_binop(vm, a[0], a[1], BINOP_POW);
  return obj_pow3(vm, a[0], a[1], a[2]);
}

static Object *attr_name(VM *vm, Object *name, const char *fname) {
  if (!STR_CHECK(vm, name))
    return exc_set(vm, &vm->exc_TypeError, "attribute name must be string, not '%s'",
                   type_name(obj_type(vm, name)));
  return str_intern(vm, name);
}

static Object *builtin_getattr(VM *vm, Object *self, Object *const *args, size_t nargs,
                               Object *kw) {
  if (arg_no_kw(vm, "getattr", kw) < 0 || arg_count(vm, "getattr", nargs, 2, 3) < 0) return NULL;
  Object *name = attr_name(vm, args[1], "getattr");
  if (!name) return NULL;
  Object *r = obj_getattr(vm, args[0], name);
  obj_decref(vm, name);
  if (!r && nargs == 3 && exc_matches(vm, &vm->exc_AttributeError)) {
    exc_clear(vm);
    return obj_newref(args[2]);
  }
  return r;
}

/* setattr(o, name, value) and delattr(o, name): value NULL deletes. */
static Object *set_or_del_attr(VM *vm, const char *fname, Object *const *args, size_t nargs,
                               Object *kw, bool del) {
  size_t want = del ? 2 : 3;
  if (arg_no_kw(vm, fname, kw) < 0 || arg_count(vm, fname, nargs, want, want) < 0) return NULL;
  Object *name = attr_name(vm, args[1], fname);
  if (!name) return NULL;
  int r = obj_setattr(vm, args[0], name, del ? NULL : args[2]);
  obj_decref(vm, name);
  return r < 0 ? NULL : vm_none(vm);
}

static Object *builtin_setattr(VM *vm, Object *self, Object *const *args, size_t nargs,
                               Object *kw) {
  return set_or_del_attr(vm, "setattr", args, nargs, kw, false);
}

static Object *builtin_delattr(VM *vm, Object *self, Object *const *args, size_t nargs,
                               Object *kw) {
  return set_or_del_attr(vm, "delattr", args, nargs, kw, true);
}

static Object *builtin_hasattr(VM *vm, Object *self, Object *const *args, size_t nargs,
                               Object *kw) {
  if (arg_no_kw(vm, "hasattr", kw) < 0 || arg_count(vm, "hasattr", nargs, 2, 2) < 0) return NULL;
  Object *name = attr_name(vm, args[1], "hasattr");
  if (!name) return NULL;
  Object *r = obj_getattr(vm, args[0], name);
  obj_decref(vm, name);
  if (r) {
    obj_decref(vm, r);
    return vm_bool(vm, true);
  }
  if (exc_matches(vm, &vm->exc_AttributeError)) {
    exc_clear(vm);
    return vm_bool(vm, false);
  }
  return NULL;
}

static Object *builtin_callable(VM *vm, Object *self, Object *const *args, size_t nargs,
                                Object *kw) {
  return vm_bool(vm, obj_callable(vm, args[0]));
}

static Object *builtin_globals(VM *vm, Object *self, Object *const *args, size_t nargs,
                               Object *kw) {
  Object *g = exec_frame_globals(vm);
  return obj_newref(g ? g : vm->main_dict);
}

static Object *builtin_locals(VM *vm, Object *self, Object *const *args, size_t nargs,
                              Object *kw) {
  Object *l = exec_frame_locals(vm);   /* borrowed: the frame keeps it */
  if (!l && exc_occurred(vm)) return NULL;
  return obj_newref(l ? l : vm->main_dict);
}

static Object *builtin_vars(VM *vm, Object *self, Object *const *args, size_t nargs,
                            Object *kw) {
  if (arg_no_kw(vm, "vars", kw) < 0 || arg_count(vm, "vars", nargs, 0, 1) < 0) return NULL;
  if (nargs == 0) return builtin_locals(vm, self, args, 0, NULL);
  Object *d = obj_lookup_attr(vm, args[0], vm->id.__dict__);
  if (!d && !exc_occurred(vm))
    exc_set(vm, &vm->exc_TypeError, "vars() argument must have __dict__ attribute");
  return d;
}

static Object *builtin_dir(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (arg_no_kw(vm, "dir", kw) < 0 || arg_count(vm, "dir", nargs, 0, 1) < 0) return NULL;
  Object *names;
  if (nargs == 0) {
    Object *l = builtin_locals(vm, self, args, 0, NULL);
    if (!l) return NULL;
    names = dict_keys_list(vm, l);
    obj_decref(vm, l);
  } else {
    Object *f = type_lookup(vm, obj_type(vm, args[0]), vm->id.__dir__);
    if (!f) return exc_set(vm, &vm->exc_TypeError, "object does not provide __dir__");
    obj_incref(f);
    Object *r = obj_call1(vm, f, args[0]);
    obj_decref(vm, f);
    if (!r) return NULL;
    names = list_from_iterable(vm, r);
    obj_decref(vm, r);
  }
  if (names && list_sort(vm, names, NULL, false) < 0) {
    obj_decref(vm, names);
    return NULL;
  }
  return names;
}

/* ---- iteration helpers ------------------------------------------------------------------ */

static Object *builtin_next(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (arg_no_kw(vm, "next", kw) < 0 || arg_count(vm, "next", nargs, 1, 2) < 0) return NULL;
  TypeObject *t = obj_type(vm, args[0]);
  if (!t->tp_iternext)
    return exc_set(vm, &vm->exc_TypeError, "'%s' object is not an iterator", type_name(t));
  Object *r = t->tp_iternext(vm, args[0]);
  if (r) return r;
  if (exc_occurred(vm)) {
    if (nargs < 2 || !exc_matches(vm, &vm->exc_StopIteration)) return NULL;
    exc_clear(vm);
  }
  if (nargs == 2) return obj_newref(args[1]);
  return exc_set_stop_iteration(vm, NULL);
}

typedef struct CallIterObject {
  Object ob;
  Object *callable, *sentinel;   /* NULL once exhausted */
} CallIterObject;

static Object *builtin_iter(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (arg_no_kw(vm, "iter", kw) < 0 || arg_count(vm, "iter", nargs, 1, 2) < 0) return NULL;
  if (nargs == 1) return obj_iter(vm, args[0]);
  if (!obj_callable(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "iter(v, w): v must be callable");
  CallIterObject *it = (CallIterObject *)obj_alloc(vm, &vm->callable_iter_type, 0);
  if (!it) return NULL;
  it->callable = obj_newref(args[0]);
  it->sentinel = obj_newref(args[1]);
  gc_track(vm, &it->ob);
  return &it->ob;
}

static Object *calliter_next(VM *vm, Object *self) {
  CallIterObject *it = (CallIterObject *)self;
  if (!it->callable) return NULL;
  Object *r = obj_call0(vm, it->callable);
  if (!r) {
    if (exc_matches(vm, &vm->exc_StopIteration)) {
      exc_clear(vm);
      OBJ_CLEAR(vm, it->callable);
      OBJ_CLEAR(vm, it->sentinel);
    }
    return NULL;
  }
  int eq = obj_richcompare_bool(vm, r, it->sentinel, CMP_EQ);
  if (eq != 0) {
    obj_decref(vm, r);
    if (eq > 0) {
      OBJ_CLEAR(vm, it->callable);
      OBJ_CLEAR(vm, it->sentinel);
    }
    return NULL;
  }
  return r;
}

static Object *builtin_sum(VM *vm, Object *self, Object *const *args, size_t nargs,
                           Object *kwnames) {
  static const char *const names[] = {"iterable", "start", NULL};
  Object *a[2];
  if (arg_parse(vm, "sum", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
  Object *start = a[1] ? a[1] : small_new(0);
  if (STR_CHECK(vm, start))
    return exc_set(vm, &vm->exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  Object *it = obj_iter(vm, a[0]);
  if (!it) return NULL;
  Object *acc;
  Object *x = NULL;
  if (obj_is_small(start)) {
    int64_t s0 = small_value(start);
    /* Add immediates in C until the first item that is not one (or overflow). */
    Object *first = NULL;
    int64_t total = s0;
    while ((x = obj_next(vm, it))) {
      int64_t v;
      if (obj_is_small(x) && !__builtin_add_overflow(total, small_value(x), &v) && small_fits(v)) {
        total = v;
        continue;
      }
      first = x;
      break;
    }
    if (!first && exc_occurred(vm)) {
      obj_decref(vm, it);
      return NULL;
    }
    acc = int_from_i64(vm, total);
    x = first;
  } else {
    acc = obj_newref(start);
    x = obj_next(vm, it);
  }
  while (x) {
    Object *r;
    if (FLOAT_CHECK_EXACT(vm, acc) && FLOAT_CHECK_EXACT(vm, x))
      r = float_new(vm, float_value(acc) + float_value(x));
    else
      r = obj_binop(vm, acc, x, BINOP_ADD);
    obj_decref(vm, x);
    obj_decref(vm, acc);
    if (!r) {
      obj_decref(vm, it);
      return NULL;
    }
    acc = r;
    x = obj_next(vm, it);
  }
  obj_decref(vm, it);
  if (exc_occurred(vm)) {
    obj_decref(vm, acc);
    return NULL;
  }
  return acc;
}

static Object *min_max(VM *vm, Object *const *args, size_t nargs, Object *kwnames, int op,
                       const char *fname) {
  Object *key = NULL, *dflt = NULL;
  ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  for (ssize_t i = 0; i < nkw; i++) {
    Object *k = TUPLE_ITEMS(kwnames)[i];
    if (str_eq_cstr(k, "key")) key = args[nargs + (size_t)i];
    else if (str_eq_cstr(k, "default")) dflt = args[nargs + (size_t)i];
    else return exc_set(vm, &vm->exc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, k);
  }
  if (key == VM_NONE(vm)) key = NULL;
  if (nargs == 0)
    return exc_set(vm, &vm->exc_TypeError, "%s expected at least 1 argument, got 0", fname);
  if (nargs > 1 && dflt)
    return exc_set(vm, &vm->exc_TypeError,
                   "Cannot specify a default for %s() with multiple positional arguments", fname);
  Object *it = nargs == 1 ? obj_iter(vm, args[0]) : NULL;
  if (nargs == 1 && !it) return NULL;
  Object *best = NULL, *bestkey = NULL, *x;
  size_t idx = 0;
  for (;;) {
    if (it) x = obj_next(vm, it);
    else x = idx < nargs ? obj_newref(args[idx++]) : NULL;
    if (!x) break;
    Object *kx = key ? obj_call1(vm, key, x) : obj_newref(x);
    if (!kx) {
      obj_decref(vm, x);
      goto fail;
    }
    if (!best) {
      best = x;
      bestkey = kx;
      continue;
    }
    int c = obj_richcompare_bool(vm, kx, bestkey, op);
    if (c < 0) {
      obj_decref(vm, x);
      obj_decref(vm, kx);
      goto fail;
    }
    if (c) {
      OBJ_SETREF(vm, best, x);
      OBJ_SETREF(vm, bestkey, kx);
    } else {
      obj_decref(vm, x);
      obj_decref(vm, kx);
    }
  }
  if (exc_occurred(vm)) goto fail;
  obj_xdecref(vm, it);
  obj_xdecref(vm, bestkey);
  if (!best) {
    if (dflt) return obj_newref(dflt);
    return exc_set(vm, &vm->exc_ValueError, "%s() arg is an empty sequence", fname);
  }
  return best;
fail:
  obj_xdecref(vm, it);
  obj_xdecref(vm, best);
  obj_xdecref(vm, bestkey);
  return NULL;
}

static Object *builtin_min(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return min_max(vm, args, nargs, kw, CMP_LT, "min");
}

static Object *builtin_max(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return min_max(vm, args, nargs, kw, CMP_GT, "max");
}

static Object *builtin_sorted(VM *vm, Object *self, Object *const *args, size_t nargs,
                              Object *kwnames) {
  if (nargs != 1)
    return exc_set(vm, &vm->exc_TypeError, nargs == 0
                       ? "sorted expected 1 argument, got 0"
                       : "sorted expected 1 argument, got %zu", nargs);
  Object *key = NULL, *rev = NULL;
  ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  for (ssize_t i = 0; i < nkw; i++) {
    Object *k = TUPLE_ITEMS(kwnames)[i];
    if (str_eq_cstr(k, "key")) key = args[nargs + (size_t)i];
    else if (str_eq_cstr(k, "reverse")) rev = args[nargs + (size_t)i];
    else return exc_set(vm, &vm->exc_TypeError, "sort() got an unexpected keyword argument '%U'", k);
  }
  int reverse = rev ? obj_is_true(vm, rev) : 0;
  if (reverse < 0) return NULL;
  Object *l = list_from_iterable(vm, args[0]);
  if (!l) return NULL;
  if (list_sort(vm, l, key == VM_NONE(vm) ? NULL : key, reverse) < 0) {
    obj_decref(vm, l);
    return NULL;
  }
  return l;
}

/* ---- enumerate, zip, map, filter, reversed ---------------------------------------------- */

typedef struct EnumObject {
  Object ob;
  Object *it;
  int64_t index;      /* used while it fits; then bigindex */
  Object *bigindex;
} EnumObject;

static Object *enum_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                        Object *kwnames) {
  static const char *const names[] = {"iterable", "start", NULL};
  Object *a[2];
  if (arg_parse(vm, "enumerate", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
  if (a[1] && !INT_CHECK(vm, a[1]))
    return exc_set(vm, &vm->exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   type_name(obj_type(vm, a[1])));
  Object *it = obj_iter(vm, a[0]);
  if (!it) return NULL;
  EnumObject *e = (EnumObject *)obj_alloc(vm, type, 0);
  if (!e) {
    obj_decref(vm, it);
    return NULL;
  }
  e->it = it;
  if (a[1] && !obj_is_small(a[1])) e->bigindex = int_exact(vm, a[1]);
  else e->index = a[1] ? small_value(a[1]) : 0;
  gc_track(vm, &e->ob);
  return &e->ob;
}

static Object *enum_next(VM *vm, Object *self) {
  EnumObject *e = (EnumObject *)self;
  Object *x = obj_type(vm, e->it)->tp_iternext(vm, e->it);
  if (!x) return NULL;
  Object *idx;
  if (e->bigindex) {
    idx = obj_newref(e->bigindex);
    Object *n = obj_binop(vm, e->bigindex, small_new(1), BINOP_ADD);
    if (!n) {
      obj_decref(vm, x);
      obj_decref(vm, idx);
      return NULL;
    }
    OBJ_SETREF(vm, e->bigindex, n);
  } else {
    idx = int_from_i64(vm, e->index);
    if (++e->index > SMALL_MAX) e->bigindex = int_from_i64(vm, e->index);
  }
  Object *t = tuple_alloc(vm, 2);
  if (!t) {
    obj_decref(vm, x);
    obj_decref(vm, idx);
    return NULL;
  }
  TUPLE_ITEMS(t)[0] = idx;
  TUPLE_ITEMS(t)[1] = x;
  tuple_track(vm, t);
  return t;
}

typedef struct ZipObject {
  Object ob;
  Object *its;        /* tuple of iterators */
  bool strict;
} ZipObject;

static Object *zip_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                       Object *kwnames) {
  bool strict = false;
  ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  for (ssize_t i = 0; i < nkw; i++) {
    if (!str_eq_cstr(TUPLE_ITEMS(kwnames)[i], "strict"))
      return exc_set(vm, &vm->exc_TypeError, "zip() got an unexpected keyword argument '%U'",
                     TUPLE_ITEMS(kwnames)[i]);
    int s = obj_is_true(vm, args[nargs + (size_t)i]);
    if (s < 0) return NULL;
    strict = s;
  }
  Object *its = tuple_alloc(vm, (ssize_t)nargs);
  if (!its) return NULL;
  for (size_t i = 0; i < nargs; i++) {
    Object *it = obj_iter(vm, args[i]);
    if (!it) {
      for (size_t j = i; j < nargs; j++) TUPLE_ITEMS(its)[j] = vm_none(vm);
      obj_decref(vm, its);
      return NULL;
    }
    TUPLE_ITEMS(its)[i] = it;
  }
  tuple_track(vm, its);
  ZipObject *z = (ZipObject *)obj_alloc(vm, type, 0);
  if (!z) {
    obj_decref(vm, its);
    return NULL;
  }
  z->its = its;
  z->strict = strict;
  gc_track(vm, &z->ob);
  return &z->ob;
}

static Object *zip_next(VM *vm, Object *self) {
  ZipObject *z = (ZipObject *)self;
  ssize_t n = TUPLE_SIZE(z->its);
  if (n == 0) return NULL;
  Object *t = tuple_alloc(vm, n);
  if (!t) return NULL;
  for (ssize_t i = 0; i < n; i++) {
    Object *it = TUPLE_ITEMS(z->its)[i];
    Object *x = obj_type(vm, it)->tp_iternext(vm, it);
    if (!x) {
      for (ssize_t j = i; j < n; j++) TUPLE_ITEMS(t)[j] = vm_none(vm);
      obj_decref(vm, t);
      if (exc_occurred(vm)) {
        if (!exc_matches(vm, &vm->exc_StopIteration)) return NULL;
        exc_clear(vm);
      }
      if (z->strict) {
        if (i > 0)
          return exc_set(vm, &vm->exc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                         i + 1, i == 1 ? " " : "s 1-", i);
        for (ssize_t j = 1; j < n; j++) {
          Object *it2 = TUPLE_ITEMS(z->its)[j];
          Object *y = obj_type(vm, it2)->tp_iternext(vm, it2);
          if (y) {
            obj_decref(vm, y);
            return exc_set(vm, &vm->exc_ValueError, "zip() argument %zd is longer than argument%s%zd",
                           j + 1, j == 1 ? " " : "s 1-", j);
          }
          if (exc_occurred(vm)) return NULL;
        }
      }
      return NULL;
    }
    TUPLE_ITEMS(t)[i] = x;
  }
  tuple_track(vm, t);
  return t;
}

typedef struct MapObject {   /* also filter: func + one iterator */
  Object ob;
  Object *func;
  Object *its;        /* tuple of iterators */
} MapObject;

static Object *map_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                       Object *kwnames) {
  bool is_filter = type == &vm->filter_type || type_is_subtype(type, &vm->filter_type);
  const char *fname = is_filter ? "filter" : "map";
  if (arg_no_kw(vm, fname, kwnames) < 0) return NULL;
  if (is_filter && nargs != 2)
    return exc_set(vm, &vm->exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
  if (!is_filter && nargs < 2)
    return exc_set(vm, &vm->exc_TypeError, "map() must have at least two arguments.");
  Object *its = tuple_alloc(vm, (ssize_t)nargs - 1);
  if (!its) return NULL;
  for (size_t i = 1; i < nargs; i++) {
    Object *it = obj_iter(vm, args[i]);
    if (!it) {
      for (size_t j = i; j < nargs; j++) TUPLE_ITEMS(its)[j - 1] = vm_none(vm);
      obj_decref(vm, its);
      return NULL;
    }
    TUPLE_ITEMS(its)[i - 1] = it;
  }
  tuple_track(vm, its);
  MapObject *m = (MapObject *)obj_alloc(vm, type, 0);
  if (!m) {
    obj_decref(vm, its);
    return NULL;
  }
  m->func = obj_newref(args[0]);
  m->its = its;
  gc_track(vm, &m->ob);
  return &m->ob;
}

static Object *map_next(VM *vm, Object *self) {
  MapObject *m = (MapObject *)self;
  ssize_t n = TUPLE_SIZE(m->its);
  Object *small[8];
  Object **argv = n <= 8 ? small : heap_alloc(vm, sizeof(Object *) * (size_t)n);
  if (!argv) return NULL;
  ssize_t got = 0;
  Object *r = NULL;
  for (; got < n; got++) {
    Object *it = TUPLE_ITEMS(m->its)[got];
    argv[got] = obj_type(vm, it)->tp_iternext(vm, it);
    if (!argv[got]) break;
  }
  if (got == n) r = obj_call(vm, m->func, argv, (size_t)n, NULL);
  for (ssize_t i = 0; i < got; i++) obj_decref(vm, argv[i]);
  if (argv != small) heap_free(vm, argv, sizeof(Object *) * (size_t)n);
  return r;
}

static Object *filter_next(VM *vm, Object *self) {
  MapObject *m = (MapObject *)self;
  Object *it = TUPLE_ITEMS(m->its)[0];
  Object *(*next)(VM *, Object *) = obj_type(vm, it)->tp_iternext;
  for (;;) {
    Object *x = next(vm, it);
    if (!x) return NULL;
    int ok;
    if (m->func == VM_NONE(vm) || m->func == (Object *)&vm->bool_type) {
      ok = obj_is_true(vm, x);
    } else {
      Object *r = obj_call1(vm, m->func, x);
      ok = r ? obj_is_true(vm, r) : -1;
      obj_xdecref(vm, r);
    }
    if (ok > 0) return x;
    obj_decref(vm, x);
    if (ok < 0) return NULL;
  }
}

typedef struct ReversedObject {
  Object ob;
  Object *seq;        /* NULL once exhausted */
  ssize_t index;
} ReversedObject;

static Object *reversed_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                            Object *kwnames) {
  if (arg_no_kw(vm, "reversed", kwnames) < 0 || arg_count(vm, "reversed", nargs, 1, 1) < 0)
    return NULL;
  Object *seq = args[0];
  Object *f = type_lookup(vm, obj_type(vm, seq), vm->id.__reversed__);
  if (f == VM_NONE(vm))
    return exc_set(vm, &vm->exc_TypeError, "'%s' object is not reversible",
                   type_name(obj_type(vm, seq)));
  if (f) {
    obj_incref(f);
    Object *r = obj_call1(vm, f, seq);
    obj_decref(vm, f);
    return r;
  }
  TypeObject *t = obj_type(vm, seq);
  if (!t->tp_getitem || !t->tp_len || DICT_CHECK(vm, seq))
    return exc_set(vm, &vm->exc_TypeError, "'%s' object is not reversible", type_name(t));
  ssize_t n = obj_len(vm, seq);
  if (n < 0) return NULL;
  ReversedObject *r = (ReversedObject *)obj_alloc(vm, type, 0);
  if (!r) return NULL;
  r->seq = obj_newref(seq);
  r->index = n - 1;
  gc_track(vm, &r->ob);
  return &r->ob;
}

static Object *reversed_next(VM *vm, Object *self) {
  ReversedObject *r = (ReversedObject *)self;
  if (!r->seq) return NULL;
  if (r->index >= 0) {
    Object *i = int_from_i64(vm, r->index--);
    Object *x = obj_getitem(vm, r->seq, i);
    obj_decref(vm, i);
    if (x) return x;
    if (!exc_matches(vm, &vm->exc_IndexError) && !exc_matches(vm, &vm->exc_StopIteration))
      return NULL;
    exc_clear(vm);
  }
  OBJ_CLEAR(vm, r->seq);
  return NULL;
}

/* The iterator types above share traverse/clear/dealloc through a table of their
   owned fields: every one is a struct of Object * after the header (plus scalars that
   are never visited). */
typedef struct FieldsLayout {
  size_t size;
  size_t offsets[3];
  int n;
} FieldsLayout;

static const FieldsLayout *layout_of(VM *vm, TypeObject *t) {
  static const FieldsLayout enum_l = {sizeof(EnumObject), {offsetof(EnumObject, it), offsetof(EnumObject, bigindex)}, 2};
  static const FieldsLayout zip_l = {sizeof(ZipObject), {offsetof(ZipObject, its)}, 1};
  static const FieldsLayout map_l = {sizeof(MapObject), {offsetof(MapObject, func), offsetof(MapObject, its)}, 2};
  static const FieldsLayout rev_l = {sizeof(ReversedObject), {offsetof(ReversedObject, seq)}, 1};
  static const FieldsLayout call_l = {sizeof(CallIterObject), {offsetof(CallIterObject, callable), offsetof(CallIterObject, sentinel)}, 2};
  while (t->tp_flags & TYPE_FLAG_HEAPTYPE) t = t->tp_base;
  if (t == &vm->enumerate_type) return &enum_l;
  if (t == &vm->zip_type) return &zip_l;
  if (t == &vm->map_type || t == &vm->filter_type) return &map_l;
  if (t == &vm->reversed_type) return &rev_l;
  return &call_l;
}

static int iters_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  const FieldsLayout *l = layout_of(vm, obj_type(vm, self));
  for (int i = 0; i < l->n; i++) {
    Object *v = *(Object **)((char *)self + l->offsets[i]);
    int r = v ? visit(vm, v, arg) : 0;
    if (r) return r;
  }
  return 0;
}

static int iters_clear(VM *vm, Object *self) {
  const FieldsLayout *l = layout_of(vm, obj_type(vm, self));
  for (int i = 0; i < l->n; i++) OBJ_CLEAR(vm, *(Object **)((char *)self + l->offsets[i]));
  return 0;
}

static void iters_dealloc(VM *vm, Object *self) {
  const FieldsLayout *l = layout_of(vm, obj_type(vm, self));
  gc_untrack(vm, self);
  iters_clear(vm, self);
  obj_free(vm, self, l->size);
}

static Object *self_iter(VM *vm, Object *self) { return obj_newref(self); }

static void iter_type(VM *vm, TypeObject *t, const char *name, size_t size,
                      Object *(*next)(VM *, Object *), bool base) {
  type_init_builtin(vm, t, name, NULL, size, 0, TYPE_FLAG_GC | (base ? TYPE_FLAG_BASETYPE : 0));
  t->tp_iter = self_iter;
  t->tp_iternext = next;
  t->tp_traverse = iters_traverse;
  t->tp_clear = iters_clear;
  t->tp_dealloc = iters_dealloc;
}

void builtins_iter_types_init(VM *vm) {
  iter_type(vm, &vm->enumerate_type, "enumerate", sizeof(EnumObject), enum_next, true);
  vm->enumerate_type.tp_new = enum_new;
  iter_type(vm, &vm->zip_type, "zip", sizeof(ZipObject), zip_next, true);
  vm->zip_type.tp_new = zip_new;
  iter_type(vm, &vm->map_type, "map", sizeof(MapObject), map_next, true);
  vm->map_type.tp_new = map_new;
  iter_type(vm, &vm->filter_type, "filter", sizeof(MapObject), filter_next, true);
  vm->filter_type.tp_new = map_new;
  iter_type(vm, &vm->reversed_type, "reversed", sizeof(ReversedObject), reversed_next, true);
  vm->reversed_type.tp_new = reversed_new;
  iter_type(vm, &vm->callable_iter_type, "callable_iterator", sizeof(CallIterObject),
            calliter_next, false);
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0) */
static Object *builtin_import(VM *vm, Object *self, Object *const *args, size_t nargs,
                              Object *kwnames) {
  static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
  Object *a[5];
  if (arg_parse(vm, "__import__", args, nargs, kwnames, names, 5, 1, a) < 0) return NULL;
  if (!STR_CHECK(vm, a[0]))
    return exc_set(vm, &vm->exc_TypeError, "__import__() argument 1 must be str, not %s",
                   type_name(obj_type(vm, a[0])));
  int64_t level = 0;
  if (a[4] && (!INT_CHECK(vm, a[4]) || int_as_i64(vm, a[4], &level) < 0)) {
    if (!exc_occurred(vm))
      exc_set(vm, &vm->exc_TypeError, "'%s' object cannot be interpreted as an integer",
              type_name(obj_type(vm, a[4])));
    return NULL;
  }
  if (level < 0) return exc_set(vm, &vm->exc_ValueError, "level must be >= 0");
  Object *globals = a[1] && a[1] != VM_NONE(vm) ? a[1] : NULL;
  Object *fromlist = a[3] && a[3] != VM_NONE(vm) ? a[3] : NULL;
  return module_import(vm, a[0], globals, fromlist, (int)level);
}

/* eval(source, globals=None, locals=None) / exec(...): source must be a str (Kite has
   no compile() or bytes). Without globals they run in the caller's namespaces. */
static Object *eval_exec(VM *vm, Object *const *args, size_t nargs, Object *kwnames,
                         bool is_exec) {
  const char *fname = is_exec ? "exec" : "eval";
  static const char *const names[] = {"source", "globals", "locals", NULL};
  Object *a[3];
  if (arg_parse(vm, fname, args, nargs, kwnames, names, 3, 1, a) < 0) return NULL;
  Object *globals = a[1] && a[1] != VM_NONE(vm) ? a[1] : NULL;
  Object *locals = a[2] && a[2] != VM_NONE(vm) ? a[2] : NULL;
  if (globals && !DICT_CHECK(vm, globals))
    return exc_set(vm, &vm->exc_TypeError, "%s() globals must be a dict, not %s", fname,
                   type_name(obj_type(vm, globals)));
  if (!globals) {
    globals = exec_frame_globals(vm);
    if (!globals) globals = vm->main_dict;
    if (!locals) {
      locals = exec_frame_locals(vm);
      if (!locals && exc_occurred(vm)) return NULL;
    }
  }
  if (!locals) locals = globals;
  if (!STR_CHECK(vm, a[0]))
    return exc_set(vm, &vm->exc_TypeError,
                   "%s() arg 1 must be a string, bytes or code object", fname);
  if (!dict_getitem_str(vm, globals, vm->id.__builtins__) &&
      dict_setitem(vm, globals, vm->id.__builtins__, vm->builtins_module) < 0)
    return NULL;
  if (is_exec)
    return run_exec_n(vm, str_utf8(a[0]), (size_t)str_nbytes(a[0]), "<string>", globals, locals);
  /* eval ignores leading spaces and tabs, as CPython's */
  const char *src = str_utf8(a[0]);
  while (*src == ' ' || *src == '\t') src++;
  return run_eval(vm, src, "<string>", globals, locals);
}

static Object *builtin_eval(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return eval_exec(vm, args, nargs, kw, false);
}

static Object *builtin_exec(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return eval_exec(vm, args, nargs, kw, true);
}

/* ---- exit/quit ------------------------------------------------------------------------ */

static Object *builtin_exit(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (arg_count(vm, "exit", nargs, 0, 1) < 0) return NULL;
  return exc_set_obj(vm, &vm->exc_SystemExit, nargs ? args[0] : NULL);
}

/* ---- the module table -------------------------------------------------------------------- */

static const MethodDef builtin_functions[] = {
  {"__build_class__", type_build_class, METH_VARARGS,
   "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
  {"__import__", builtin_import, METH_VARARGS,
   "__import__(name, globals=None, locals=None, fromlist=(), level=0) -> module"},
  {"abs", builtin_abs, METH_O, "Return the absolute value of the argument."},
  {"all", builtin_all, METH_O, "Return True if bool(x) is True for all values x in the iterable."},
  {"any", builtin_any, METH_O, "Return True if bool(x) is True for any x in the iterable."},
  {"ascii", builtin_ascii, METH_O, "Return an ASCII-only representation of an object."},
  {"bin", builtin_bin, METH_O, "Return the binary representation of an integer."},
  {"callable", builtin_callable, METH_O, "Return whether the object is callable."},
  {"chr", builtin_chr, METH_O, "Return a Unicode string of one character with ordinal i."},
  {"delattr", builtin_delattr, METH_VARARGS, "Deletes the named attribute from the given object."},
  {"dir", builtin_dir, METH_VARARGS, "Show attributes of an object."},
  {"divmod", builtin_divmod, METH_VARARGS, "Return the tuple (x//y, x%y)."},
  {"eval", builtin_eval, METH_VARARGS, "Evaluate the given source in the context of globals and locals."},
  {"exec", builtin_exec, METH_VARARGS, "Execute the given source in the context of globals and locals."},
  {"exit", builtin_exit, METH_VARARGS, "Exit the interpreter."},
  {"format", builtin_format, METH_VARARGS, "Return value.__format__(format_spec)"},
  {"getattr", builtin_getattr, METH_VARARGS, "Get a named attribute from an object."},
  {"globals", builtin_globals, METH_NOARGS, "Return the dictionary containing the current scope's global variables."},
  {"hasattr", builtin_hasattr, METH_VARARGS, "Return whether the object has an attribute with the given name."},
  {"hash", builtin_hash, METH_O, "Return the hash value for the given object."},
  {"hex", builtin_hex, METH_O, "Return the hexadecimal representation of an integer."},
  {"id", builtin_id, METH_O, "Return the identity of an object."},
  {"input", builtin_input, METH_VARARGS, "Read a string from standard input."},
  {"isinstance", builtin_isinstance, METH_VARARGS, "Return whether an object is an instance of a class or of a subclass thereof."},
  {"issubclass", builtin_issubclass, METH_VARARGS, "Return whether 'cls' is derived from another class or is the same class."},
  {"iter", builtin_iter, METH_VARARGS, "Get an iterator from an object."},
  {"len", builtin_len, METH_O, "Return the number of items in a container."},
  {"locals", builtin_locals, METH_NOARGS, "Return a dictionary containing the current scope's local variables."},
  {"max", builtin_max, METH_VARARGS, "With a single iterable argument, return its biggest item."},
  {"min", builtin_min, METH_VARARGS, "With a single iterable argument, return its smallest item."},
  {"next", builtin_next, METH_VARARGS, "Return the next item from the iterator."},
  {"oct", builtin_oct, METH_O, "Return the octal representation of an integer."},
  {"ord", builtin_ord, METH_O, "Return the Unicode code point for a one-character string."},
  {"pow", builtin_pow, METH_VARARGS, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
  {"print", builtin_print, METH_VARARGS, "Prints the values to a stream, or to sys.stdout by default."},
  {"quit", builtin_exit, METH_VARARGS, "Exit the interpreter."},
  {"repr", builtin_repr, METH_O, "Return the canonical string representation of the object."},
  {"round", builtin_round, METH_VARARGS, "Round a number to a given precision in decimal digits."},
  {"setattr", builtin_setattr, METH_VARARGS, "Sets the named attribute on the given object to the specified value."},
  {"sorted", builtin_sorted, METH_VARARGS, "Return a new list containing all items from the iterable in ascending order."},
  {"sum", builtin_sum, METH_VARARGS, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
  {"vars", builtin_vars, METH_VARARGS, "Show vars."},
  {NULL, NULL, 0, NULL},
};

bool builtins_owns_def(const void *def) {
  const MethodDef *d = def;
  size_t n = sizeof builtin_functions / sizeof builtin_functions[0];
  return d >= builtin_functions && d < builtin_functions + n;
}

static int add(VM *vm, Object *d, const char *name, Object *v) {
  return dict_setitem_cstr(vm, d, name, v);
}

int builtins_fill(VM *vm, Object *d) {
  for (const MethodDef *m = builtin_functions; m->name; m++) {
    Object *f = builtin_new(vm, m, NULL);
    if (!f || add(vm, d, m->name, f) < 0) {
      obj_xdecref(vm, f);
      return -1;
    }
    obj_decref(vm, f);
  }
  static const struct { const char *name; size_t off; } types[] = {
#define T(n, f) {n, offsetof(VM, f##_type)}
    T("object", object), T("type", type), T("int", int), T("bool", bool), T("float", float),
    T("str", str), T("list", list), T("tuple", tuple), T("dict", dict), T("set", set),
    T("frozenset", frozenset), T("range", range), T("slice", slice), T("property", property),
    T("staticmethod", staticmethod), T("classmethod", classmethod), T("super", super),
    T("enumerate", enumerate), T("zip", zip), T("map", map), T("filter", filter),
    T("reversed", reversed),
#undef T
  };
  for (size_t i = 0; i < sizeof types / sizeof *types; i++)
    if (add(vm, d, types[i].name, (Object *)((char *)vm + types[i].off)) < 0) return -1;
#define KITE_EXC_ADD(n, b) if (add(vm, d, #n, (Object *)&vm->exc_##n) < 0) return -1;
  KITE_BUILTIN_EXCEPTIONS(KITE_EXC_ADD)
#undef KITE_EXC_ADD
  if (add(vm, d, "None", VM_NONE(vm)) < 0 || add(vm, d, "Ellipsis", &vm->ellipsis_obj) < 0 ||
      add(vm, d, "NotImplemented", VM_NOTIMPL(vm)) < 0 || add(vm, d, "True", vm->true_obj) < 0 ||
      add(vm, d, "False", vm->false_obj) < 0 || add(vm, d, "__debug__", vm->true_obj) < 0)
    return -1;
  /* EnvironmentError and IOError are aliases of OSError. */
  if (add(vm, d, "EnvironmentError", (Object *)&vm->exc_OSError) < 0 ||
      add(vm, d, "IOError", (Object *)&vm->exc_OSError) < 0)
    return -1;
  return 0;
}
