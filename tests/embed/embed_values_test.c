/* Embedding API without running scripts: values, containers, attributes, calls of
   built-in methods, C functions, errors, memory statistics. */
#include "embed_helpers.h"

#include <stdint.h>

TestSuite(values, .init = vm_setup, .fini = vm_teardown);
TestSuite(containers, .init = vm_setup, .fini = vm_teardown);
TestSuite(cfuncs, .init = vm_setup, .fini = vm_teardown);
TestSuite(errors, .init = vm_setup, .fini = vm_teardown);

/* ---- values ---- */

Test(values, ints_round_trip) {
  const int64_t cases[] = {0, 1, -1, 255, 256, -257, INT64_C(1) << 40, INT64_MAX, INT64_MIN};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    KiteValue *v = kite_int(vm, cases[i]);
    cr_assert_not_null(v);
    cr_assert(kite_is_int(vm, v));
    cr_assert(!kite_is_float(vm, v) && !kite_is_str(vm, v) && !kite_is_bool(vm, v));
    cr_assert_str_eq(kite_type_name(vm, v), "int");
    int64_t back = 42;
    cr_assert_eq(kite_to_int(vm, v, &back), 0);
    cr_assert_eq(back, cases[i]);
    kite_decref(vm, v);
  }
}

Test(values, int_repr_and_str) {
  KiteValue *v = kite_int(vm, INT64_MIN);
  KiteValue *r = kite_repr(vm, v);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "-9223372036854775808");
  KiteValue *s = kite_str_of(vm, v);
  cr_assert_str_eq(kite_to_str(vm, s, NULL), "-9223372036854775808");
  kite_decref(vm, s);
  kite_decref(vm, r);
  kite_decref(vm, v);
}

Test(values, floats) {
  KiteValue *v = kite_float(vm, 2.5);
  cr_assert(kite_is_float(vm, v) && !kite_is_int(vm, v));
  double d = 0;
  cr_assert_eq(kite_to_float(vm, v, &d), 0);
  cr_assert_float_eq(d, 2.5, 0);
  KiteValue *r = kite_repr(vm, v);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "2.5");
  kite_decref(vm, r);
  kite_decref(vm, v);
  KiteValue *i = kite_int(vm, 7);   /* ints convert to float */
  cr_assert_eq(kite_to_float(vm, i, &d), 0);
  cr_assert_float_eq(d, 7.0, 0);
  kite_decref(vm, i);
}

Test(values, none_and_bools) {
  KiteValue *n = kite_none(vm), *t = kite_bool(vm, 5), *f = kite_bool(vm, 0);
  cr_assert(kite_is_none(vm, n) && !kite_is_none(vm, t));
  cr_assert(kite_is_bool(vm, t) && kite_is_bool(vm, f));
  cr_assert(kite_is_int(vm, t), "bool is a subclass of int, as in Python");
  cr_assert_str_eq(kite_type_name(vm, n), "NoneType");
  cr_assert_str_eq(kite_type_name(vm, t), "bool");
  int b = -1;
  cr_assert_eq(kite_to_bool(vm, t, &b), 0);
  cr_assert_eq(b, 1);
  cr_assert_eq(kite_to_bool(vm, n, &b), 0);
  cr_assert_eq(b, 0);
  int64_t i;
  cr_assert_eq(kite_to_int(vm, t, &i), 0);
  cr_assert_eq(i, 1);
  kite_decref(vm, n);
  kite_decref(vm, t);
  kite_decref(vm, f);
}

Test(values, strings_utf8) {
  KiteValue *s = kite_str(vm, "h\xc3\xa9llo \xe2\x82\xac");   /* "héllo €" */
  cr_assert(kite_is_str(vm, s));
  size_t len = 0;
  cr_assert_str_eq(kite_to_str(vm, s, &len), "h\xc3\xa9llo \xe2\x82\xac");
  cr_assert_eq(len, 10);
  cr_assert_eq(kite_len(vm, s), 7, "len() counts code points");
  KiteValue *r = kite_repr(vm, s);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "'h\xc3\xa9llo \xe2\x82\xac'");
  kite_decref(vm, r);
  kite_decref(vm, s);
}

Test(values, strings_with_nul) {
  KiteValue *s = kite_str_n(vm, "a\0b", 3);
  size_t len = 0;
  const char *p = kite_to_str(vm, s, &len);
  cr_assert_eq(len, 3);
  cr_assert(memcmp(p, "a\0b", 3) == 0);
  cr_assert_eq(kite_len(vm, s), 3);
  kite_decref(vm, s);
}

Test(values, invalid_utf8_raises) {
  cr_assert_null(kite_str(vm, "\xff\xfe"));
  cr_assert_str_eq(kite_error_type(vm), "UnicodeDecodeError");
  kite_error_clear(vm);
  cr_assert_null(kite_str(vm, NULL));
  expect_error("TypeError", NULL);
}

Test(values, wrong_type_conversions) {
  KiteValue *s = kite_str(vm, "12");
  int64_t i;
  double d;
  cr_assert_eq(kite_to_int(vm, s, &i), -1);
  expect_error("TypeError", "'str' object cannot be interpreted as an integer");
  cr_assert_eq(kite_to_float(vm, s, &d), -1);
  expect_error("TypeError", "must be real number, not str");
  KiteValue *n = kite_int(vm, 3);
  cr_assert_null(kite_to_str(vm, n, NULL));
  expect_error("TypeError", "expected str, got int");
  kite_decref(vm, n);
  kite_decref(vm, s);
}

Test(values, int_overflow) {
  KiteValue *big = kite_int(vm, INT64_MAX);
  KiteValue *one = kite_int(vm, 1);
  KiteValue *sum = kite_call_method(vm, big, "__add__", 1, &one);
  cr_assert_not_null(sum);
  KiteValue *r = kite_repr(vm, sum);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "9223372036854775808");
  int64_t i;
  cr_assert_eq(kite_to_int(vm, sum, &i), -1);
  expect_error("OverflowError", NULL);
  double d;
  cr_assert_eq(kite_to_float(vm, sum, &d), 0);
  cr_assert_float_eq(d, 9223372036854775808.0, 0);
  kite_decref(vm, r);
  kite_decref(vm, sum);
  kite_decref(vm, one);
  kite_decref(vm, big);
}

Test(values, incref_keeps_alive) {
  KiteValue *s = kite_str(vm, "kept");
  kite_incref(s);
  kite_decref(vm, s);
  cr_assert_str_eq(kite_to_str(vm, s, NULL), "kept");
  kite_decref(vm, s);
  kite_decref(vm, NULL);   /* allowed */
}

Test(values, version_and_user_data) {
  cr_assert_str_eq(kite_version(), "0.1.0");
  cr_assert_null(kite_user_data(vm));
  int token;
  KiteConfig cfg;
  kite_config_init(&cfg);
  cfg.user_data = &token;
  KiteVM *other = kite_new(&cfg);
  cr_assert_eq(kite_user_data(other), &token);
  kite_free(other);
}

/* ---- containers ---- */

Test(containers, list_build_and_index) {
  KiteValue *items[3] = {kite_int(vm, 1), kite_str(vm, "two"), kite_float(vm, 3.0)};
  KiteValue *l = kite_list(vm, 3, items);
  for (int i = 0; i < 3; i++) kite_decref(vm, items[i]);   /* the list holds its own */
  cr_assert(kite_is_list(vm, l));
  cr_assert_eq(kite_len(vm, l), 3);
  KiteValue *four = kite_int(vm, 4);
  cr_assert_eq(kite_append(vm, l, four), 0);
  kite_decref(vm, four);
  KiteValue *last = kite_index(vm, l, -1);
  int64_t v;
  cr_assert_eq(kite_to_int(vm, last, &v), 0);
  cr_assert_eq(v, 4);
  kite_decref(vm, last);
  KiteValue *r = kite_repr(vm, l);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "[1, 'two', 3.0, 4]");
  kite_decref(vm, r);
  cr_assert_null(kite_index(vm, l, 10));
  expect_error("IndexError", "list index out of range");
  kite_decref(vm, l);
}

Test(containers, empty_list_and_tuple) {
  KiteValue *l = kite_list(vm, 0, NULL), *t = kite_tuple(vm, 0, NULL);
  cr_assert_eq(kite_len(vm, l), 0);
  cr_assert_eq(kite_len(vm, t), 0);
  cr_assert(kite_is_tuple(vm, t) && !kite_is_list(vm, t));
  kite_decref(vm, l);
  kite_decref(vm, t);
}

Test(containers, tuple_is_immutable) {
  KiteValue *one = kite_int(vm, 1);
  KiteValue *t = kite_tuple(vm, 1, &one);
  KiteValue *r = kite_repr(vm, t);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "(1,)");
  cr_assert_eq(kite_setitem(vm, t, one, one), -1);
  expect_error("TypeError", "'tuple' object does not support item assignment");
  cr_assert_eq(kite_append(vm, t, one), -1);
  expect_error("TypeError", "kite_append() expects a list, not tuple");
  kite_decref(vm, r);
  kite_decref(vm, t);
  kite_decref(vm, one);
}

Test(containers, dicts) {
  KiteValue *d = kite_dict(vm);
  cr_assert(kite_is_dict(vm, d));
  KiteValue *v = kite_int(vm, 10);
  cr_assert_eq(kite_dict_set(vm, d, "ten", v), 0);
  kite_decref(vm, v);
  KiteValue *got = kite_dict_get(vm, d, "ten");
  int64_t i;
  cr_assert_eq(kite_to_int(vm, got, &i), 0);
  cr_assert_eq(i, 10);
  kite_decref(vm, got);
  cr_assert_null(kite_dict_get(vm, d, "missing"));
  cr_assert(!kite_error_pending(vm), "a missing key is not an error");
  KiteValue *k = kite_str(vm, "missing");
  cr_assert_null(kite_getitem(vm, d, k));
  expect_error("KeyError", "'missing'");
  KiteValue *one = kite_int(vm, 1);
  cr_assert_eq(kite_setitem(vm, d, one, k), 0);   /* any hashable key */
  cr_assert_eq(kite_len(vm, d), 2);
  KiteValue *r = kite_repr(vm, d);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "{'ten': 10, 1: 'missing'}");
  KiteValue *l = kite_list(vm, 0, NULL);
  cr_assert_eq(kite_setitem(vm, d, l, one), -1);
  expect_error("TypeError", "unhashable type: 'list'");
  kite_decref(vm, l);
  kite_decref(vm, r);
  kite_decref(vm, one);
  kite_decref(vm, k);
  kite_decref(vm, d);
}

Test(containers, dict_api_rejects_non_dicts) {
  KiteValue *l = kite_list(vm, 0, NULL);
  cr_assert_null(kite_dict_get(vm, l, "x"));
  expect_error("TypeError", "kite_dict_get() expects a dict, not list");
  cr_assert_eq(kite_dict_set(vm, l, "x", l), -1);
  expect_error("TypeError", NULL);
  kite_decref(vm, l);
}

Test(containers, len_of_unsized) {
  KiteValue *i = kite_int(vm, 3);
  cr_assert_eq(kite_len(vm, i), -1);
  expect_error("TypeError", "object of type 'int' has no len()");
  kite_decref(vm, i);
}

Test(containers, attributes_and_methods) {
  KiteValue *s = kite_str(vm, "a,b,c");
  KiteValue *sep = kite_str(vm, ",");
  KiteValue *parts = kite_call_method(vm, s, "split", 1, &sep);
  cr_assert_not_null(parts);
  cr_assert_eq(kite_len(vm, parts), 3);
  KiteValue *join = kite_getattr(vm, sep, "join");
  cr_assert(kite_is_callable(vm, join));
  KiteValue *again = kite_call(vm, join, 1, &parts, NULL);
  cr_assert_str_eq(kite_to_str(vm, again, NULL), "a,b,c");
  cr_assert_null(kite_getattr(vm, s, "nope"));
  expect_error("AttributeError", "'str' object has no attribute 'nope'");
  cr_assert_eq(kite_setattr(vm, s, "x", s), -1);
  expect_error("AttributeError", NULL);
  kite_decref(vm, again);
  kite_decref(vm, join);
  kite_decref(vm, parts);
  kite_decref(vm, sep);
  kite_decref(vm, s);
}

Test(containers, call_with_keywords) {
  KiteValue *s = kite_str(vm, "a b c");
  KiteValue *split = kite_getattr(vm, s, "split");
  KiteValue *args[1] = {kite_int(vm, 1)};
  const char *kw[] = {"maxsplit", NULL};
  KiteValue *parts = kite_call(vm, split, 0, args, kw);
  cr_assert_not_null(parts);
  KiteValue *r = kite_repr(vm, parts);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "['a', 'b c']");
  kite_decref(vm, r);
  kite_decref(vm, parts);
  kite_decref(vm, args[0]);
  kite_decref(vm, split);
  kite_decref(vm, s);
}

Test(containers, globals) {
  KiteValue *v = kite_int(vm, 99);
  cr_assert_eq(kite_set_global(vm, "answer", v), 0);
  kite_decref(vm, v);
  KiteValue *g = kite_get_global(vm, "answer");
  int64_t i;
  cr_assert_eq(kite_to_int(vm, g, &i), 0);
  cr_assert_eq(i, 99);
  kite_decref(vm, g);
  cr_assert_null(kite_get_global(vm, "unbound"));
  expect_error("NameError", "name 'unbound' is not defined");
}

/* ---- C functions ---- */

/* add(a, b, *, scale=1): (a + b) * scale; counts its calls in *ud. */
static KiteValue *c_add(KiteVM *v, void *ud, size_t nargs, KiteValue *const *args,
                        const char *const *kwnames) {
  ++*(int *)ud;
  if (nargs != 2) return kite_raise(v, "TypeError", "add() takes 2 arguments (%zu given)", nargs);
  int64_t a, b, scale = 1;
  if (kite_to_int(v, args[0], &a) < 0 || kite_to_int(v, args[1], &b) < 0) return NULL;
  for (size_t k = 0; kwnames && kwnames[k]; k++) {
    if (strcmp(kwnames[k], "scale") != 0)
      return kite_raise(v, "TypeError", "add() got an unexpected keyword argument '%s'", kwnames[k]);
    if (kite_to_int(v, args[nargs + k], &scale) < 0) return NULL;
  }
  return kite_int(v, (a + b) * scale);
}

static KiteValue *c_forgets_error(KiteVM *v, void *ud, size_t n, KiteValue *const *a,
                                  const char *const *kw) {
  return NULL;
}

static KiteValue *c_result_and_error(KiteVM *v, void *ud, size_t n, KiteValue *const *a,
                                     const char *const *kw) {
  kite_raise(v, "ValueError", "oops");
  return kite_none(v);
}

Test(cfuncs, call_from_c) {
  int calls = 0;
  KiteValue *f = kite_function_new(vm, "add", c_add, &calls);
  cr_assert(kite_is_callable(vm, f));
  cr_assert_str_eq(kite_type_name(vm, f), "builtin_function_or_method");
  KiteValue *r = kite_repr(vm, f);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "<built-in function add>");
  kite_decref(vm, r);
  KiteValue *args[3] = {kite_int(vm, 2), kite_int(vm, 3), kite_int(vm, 10)};
  KiteValue *sum = kite_call(vm, f, 2, args, NULL);
  int64_t i;
  cr_assert_eq(kite_to_int(vm, sum, &i), 0);
  cr_assert_eq(i, 5);
  kite_decref(vm, sum);
  const char *kw[] = {"scale", NULL};
  sum = kite_call(vm, f, 2, args, kw);
  cr_assert_eq(kite_to_int(vm, sum, &i), 0);
  cr_assert_eq(i, 50);
  kite_decref(vm, sum);
  cr_assert_null(kite_call(vm, f, 1, args, NULL));
  expect_error("TypeError", "add() takes 2 arguments (1 given)");
  const char *bad[] = {"scal", NULL};
  cr_assert_null(kite_call(vm, f, 2, args, bad));
  expect_error("TypeError", "add() got an unexpected keyword argument 'scal'");
  cr_assert_eq(calls, 4);
  KiteValue *name = kite_getattr(vm, f, "__name__");
  cr_assert_str_eq(kite_to_str(vm, name, NULL), "add");
  kite_decref(vm, name);
  for (int k = 0; k < 3; k++) kite_decref(vm, args[k]);
  kite_decref(vm, f);
}

Test(cfuncs, many_keywords) {
  int calls = 0;
  KiteValue *f = kite_function_new(vm, "add", c_add, &calls);
  KiteValue *args[12];
  const char *kw[11];
  for (int k = 0; k < 12; k++) args[k] = kite_int(vm, 1);
  for (int k = 0; k < 10; k++) kw[k] = "scale";
  kw[10] = NULL;
  KiteValue *r = kite_call(vm, f, 2, args, kw);   /* duplicate keywords reach the function */
  int64_t i;
  cr_assert_eq(kite_to_int(vm, r, &i), 0);
  cr_assert_eq(i, 2);
  kite_decref(vm, r);
  for (int k = 0; k < 12; k++) kite_decref(vm, args[k]);
  kite_decref(vm, f);
}

Test(cfuncs, broken_functions_raise_system_error) {
  KiteValue *f = kite_function_new(vm, "forgetful", c_forgets_error, NULL);
  cr_assert_null(kite_call(vm, f, 0, NULL, NULL));
  expect_error("SystemError", "<built-in function forgetful> returned NULL without setting an exception");
  kite_decref(vm, f);
  f = kite_function_new(vm, "both", c_result_and_error, NULL);
  cr_assert_null(kite_call(vm, f, 0, NULL, NULL));
  expect_error("SystemError", "<built-in function both> returned a result with an exception set");
  kite_decref(vm, f);
}

Test(cfuncs, register_binds_a_global) {
  int calls = 0;
  cr_assert_eq(kite_register(vm, "add", c_add, &calls), 0);
  KiteValue *f = kite_get_global(vm, "add");
  cr_assert(kite_is_callable(vm, f));
  kite_decref(vm, f);
}

Test(cfuncs, module_objects) {
  KiteValue *m = kite_module_new(vm, "tools");
  KiteValue *v = kite_int(vm, 1);
  cr_assert_eq(kite_module_add(vm, m, "one", v), 0);
  KiteValue *got = kite_getattr(vm, m, "one");
  cr_assert_eq(got, v);
  KiteValue *r = kite_repr(vm, m);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "<module 'tools' (built-in)>");
  cr_assert_eq(kite_module_add(vm, v, "x", v), -1);
  expect_error("TypeError", "kite_module_add() expects a module, not int");
  cr_assert_eq(kite_add_module(vm, "tools", m), 0);
  kite_decref(vm, r);
  kite_decref(vm, got);
  kite_decref(vm, v);
  kite_decref(vm, m);
}

/* ---- errors ---- */

Test(errors, raise_formats_like_printf) {
  cr_assert(!kite_error_pending(vm));
  cr_assert_null(kite_error_type(vm));
  cr_assert_null(kite_error_message(vm));
  cr_assert_null(kite_raise(vm, "ValueError", "bad value %d (%s)", 42, "x"));
  cr_assert(kite_error_pending(vm));
  cr_assert_str_eq(kite_error_type(vm), "ValueError");
  KiteValue *m = kite_error_message(vm);
  cr_assert_str_eq(kite_to_str(vm, m, NULL), "bad value 42 (x)");
  kite_decref(vm, m);
  cr_assert(kite_error_pending(vm), "reading the message keeps the error");
  kite_error_clear(vm);
  cr_assert(!kite_error_pending(vm));
}

Test(errors, long_messages) {
  char big[2000];
  memset(big, 'x', sizeof big - 1);
  big[sizeof big - 1] = 0;
  kite_raise(vm, "RuntimeError", "%s!", big);
  KiteValue *m = kite_error_message(vm);
  size_t len;
  kite_to_str(vm, m, &len);
  cr_assert_eq(len, 2000);
  kite_decref(vm, m);
  kite_error_clear(vm);
}

Test(errors, unknown_exception_names) {
  kite_raise(vm, "NoSuchError", "x");
  expect_error("SystemError", "kite_raise: 'NoSuchError' is not an exception class");
  kite_raise(vm, "len", "x");   /* a builtin, but not an exception class */
  expect_error("SystemError", NULL);
}

Test(errors, traceback_of_a_c_error) {
  kite_raise(vm, "KeyError", "k");
  KiteValue *tb = kite_error_traceback(vm);
  cr_assert_not_null(tb);
  cr_assert_str_eq(kite_to_str(vm, tb, NULL), "KeyError: 'k'\n");
  kite_decref(vm, tb);
  cr_assert(kite_error_pending(vm));
  kite_error_print(vm);
  cr_assert(!kite_error_pending(vm));
  char buf[256];
  cr_assert_str_eq(captured(err_file, buf, sizeof buf), "KeyError: 'k'\n");
}

Test(errors, exit_status_only_for_system_exit) {
  int status = -1;
  cr_assert_eq(kite_error_exit_status(vm, &status), 0);
  kite_raise(vm, "ValueError", "v");
  cr_assert_eq(kite_error_exit_status(vm, &status), 0);
  cr_assert(kite_error_pending(vm));
  kite_error_clear(vm);
}

/* ---- memory ---- */

Test(values, memory_stats) {
  KiteMemoryStats st;
  kite_memory_stats(vm, &st);
  cr_assert_gt(st.bytes_in_use, 0);
  cr_assert_geq(st.bytes_reserved, st.bytes_in_use);
  cr_assert_geq(st.peak_in_use, st.bytes_in_use);
  KiteValue *l = kite_list(vm, 0, NULL);
  for (int i = 0; i < 1000; i++) {
    KiteValue *v = kite_float(vm, i);
    kite_append(vm, l, v);
    kite_decref(vm, v);
  }
  KiteMemoryStats after;
  kite_memory_stats(vm, &after);
  cr_assert_gt(after.bytes_in_use, st.bytes_in_use + 1000 * 16);
  kite_decref(vm, l);
  cr_assert_geq(kite_collect(vm), 0);
  kite_memory_stats(vm, &after);
  cr_assert_geq(after.collections[2], 1);
}
