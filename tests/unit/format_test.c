/* format: format() specs, printf-style % and str.format against CPython 3.11
   (generated tables), plus the operator paths (str % x, str * x, str + x). */
#include "str_helpers.h"
#include "runtime/dict.h"

#include "format_cases.inc"

typedef struct FormatCase {
  Val value, spec;
  const char *want;
} FormatCase;
typedef struct PercentCase {
  Val fmt, args;   /* args kind 'D': the dict {'x': 1, 'y': 'b', 'z': 2.5} */
  const char *want;
} PercentCase;
typedef struct StrFormatCase {
  Val fmt;
  size_t nargs;
  Val args[4];
  bool kw;         /* call with x=1, y='b', z=2.5 instead */
  const char *want;
} StrFormatCase;

static const FormatCase format_cases[] = {FORMAT_CASES};
static const PercentCase percent_cases[] = {PERCENT_CASES};
static const StrFormatCase strformat_cases[] = {STRFORMAT_CASES};

/* The kwargs used by the 'D' and kw cases. */
static const char *const kw_names[3] = {"x", "y", "z"};
static Object *kw_value(VM *vm, int i) {
  return i == 0 ? small_new(1) : i == 1 ? str_from_cstr(vm, "b") : float_new(vm, 2.5);
}

static Object *make_dict(VM *vm) {
  Object *d = dict_new(vm);
  for (int i = 0; i < 3; i++) {
    Object *v = kw_value(vm, i);
    dict_setitem_cstr(vm, d, kw_names[i], v);
    obj_decref(vm, v);
  }
  return d;
}

Test(format, format_builtin_matches_cpython) {
  VM *vm = sh_vm();
  int fails = 0;
  size_t n = sizeof format_cases / sizeof format_cases[0];
  for (size_t i = 0; i < n; i++) {
    const FormatCase *c = &format_cases[i];
    Object *v = sh_make(vm, &c->value), *spec = sh_make(vm, &c->spec);
    char buf[4096], what[200];
    const char *got = sh_outcome(vm, obj_format(vm, v, spec), buf, sizeof buf);
    snprintf(what, sizeof what, "case %zu: format(%c, '%s')", i, c->value.kind, c->spec.s);
    fails += sh_check(what, got, c->want);
    obj_decref(vm, v), obj_decref(vm, spec);
  }
  fprintf(stderr, "format(): %zu cases, %d mismatches\n", n, fails);
  cr_expect_eq(fails, 0, "%d of %zu format() cases differ from CPython", fails, n);
  vm_free(vm);
}

Test(format, percent_matches_cpython) {
  VM *vm = sh_vm();
  int fails = 0;
  size_t n = sizeof percent_cases / sizeof percent_cases[0];
  for (size_t i = 0; i < n; i++) {
    const PercentCase *c = &percent_cases[i];
    Object *f = sh_make(vm, &c->fmt);
    Object *a = c->args.kind == 'D' ? make_dict(vm) : sh_make(vm, &c->args);
    char buf[4096], what[200];
    const char *got = sh_outcome(vm, obj_binop(vm, f, a, BINOP_MOD), buf, sizeof buf);
    snprintf(what, sizeof what, "case %zu: '%s' %% ...", i, c->fmt.s);
    fails += sh_check(what, got, c->want);
    obj_decref(vm, f), obj_decref(vm, a);
  }
  fprintf(stderr, "%%-format: %zu cases, %d mismatches\n", n, fails);
  cr_expect_eq(fails, 0, "%d of %zu %% cases differ from CPython", fails, n);
  vm_free(vm);
}

Test(format, str_format_matches_cpython) {
  VM *vm = sh_vm();
  int fails = 0;
  size_t n = sizeof strformat_cases / sizeof strformat_cases[0];
  for (size_t i = 0; i < n; i++) {
    const StrFormatCase *c = &strformat_cases[i];
    Object *f = sh_make(vm, &c->fmt);
    Object *args[4], *kwnames = NULL;
    size_t nargs = c->nargs;
    if (c->kw) {
      Object *names[3];
      for (int k = 0; k < 3; k++) names[k] = str_from_cstr(vm, kw_names[k]), args[k] = kw_value(vm, k);
      kwnames = tuple_from_array(vm, names, 3);
      for (int k = 0; k < 3; k++) obj_decref(vm, names[k]);
    } else {
      for (size_t k = 0; k < nargs; k++) args[k] = sh_make(vm, &c->args[k]);
    }
    char buf[4096], what[200];
    const char *got = sh_outcome(vm, format_str_format(vm, f, args, nargs, kwnames), buf, sizeof buf);
    snprintf(what, sizeof what, "case %zu: '%s'.format(...)", i, c->fmt.s);
    fails += sh_check(what, got, c->want);
    for (size_t k = 0; k < (c->kw ? 3 : nargs); k++) obj_decref(vm, args[k]);
    obj_xdecref(vm, kwnames);
    obj_decref(vm, f);
  }
  fprintf(stderr, "str.format: %zu cases, %d mismatches\n", n, fails);
  cr_expect_eq(fails, 0, "%d of %zu str.format cases differ from CPython", fails, n);
  vm_free(vm);
}

Test(format, format_map_and_positional) {
  VM *vm = sh_vm();
  Object *d = make_dict(vm);
  Object *f = str_from_cstr(vm, "{x}/{y!r}/{z:>5}"), *g = str_from_cstr(vm, "{0}"), *h = str_from_cstr(vm, "{nope}");
  char buf[256];
  cr_expect_str_eq(sh_outcome(vm, format_str_format_map(vm, f, d), buf, sizeof buf), "\"1/'b'/  2.5\"");
  cr_expect_str_eq(sh_outcome(vm, format_str_format_map(vm, g, d), buf, sizeof buf),
                   "!ValueError: Format string contains positional fields");
  cr_expect_str_eq(sh_outcome(vm, format_str_format_map(vm, h, d), buf, sizeof buf), "!KeyError: 'nope'");
  obj_decref(vm, f), obj_decref(vm, g), obj_decref(vm, h), obj_decref(vm, d);
  vm_free(vm);
}

Test(format, operator_messages) {
  VM *vm = sh_vm();
  Object *s = str_from_cstr(vm, "ab"), *fl = float_new(vm, 2.0), *one = small_new(1);
  char buf[256];
  cr_expect_str_eq(sh_outcome(vm, obj_binop(vm, s, fl, BINOP_MUL), buf, sizeof buf),
                   "!TypeError: can't multiply sequence by non-int of type 'float'");
  cr_expect_str_eq(sh_outcome(vm, obj_binop(vm, s, s, BINOP_MUL), buf, sizeof buf),
                   "!TypeError: can't multiply sequence by non-int of type 'str'");
  cr_expect_str_eq(sh_outcome(vm, obj_binop(vm, s, one, BINOP_ADD), buf, sizeof buf),
                   "!TypeError: can only concatenate str (not \"int\") to str");
  cr_expect_str_eq(sh_outcome(vm, obj_binop(vm, one, s, BINOP_ADD), buf, sizeof buf),
                   "!TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  cr_expect_str_eq(sh_outcome(vm, obj_binop(vm, small_new(3), s, BINOP_MUL), buf, sizeof buf), "'ababab'");
  cr_expect_str_eq(sh_outcome(vm, obj_binop(vm, s, s, BINOP_ADD | BINOP_INPLACE), buf, sizeof buf), "'abab'");
  obj_decref(vm, s), obj_decref(vm, fl);
  vm_free(vm);
}
