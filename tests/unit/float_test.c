/* float: shortest round-trip repr, parsing, arithmetic with Python's % and // rules,
   rounding, hashing, conversions and the format hook, against CPython 3.11. */
#include <math.h>

#include "num_helpers.h"

static void expect_repr(VM *vm, double v, const char *want) {
  char buf[40];
  int n = float_repr_buf(v, buf);
  cr_expect_str_eq(buf, want, "repr(%.17g) = %s, expected %s", v, buf, want);
  cr_expect_eq(n, (int)strlen(want));
  nh_expect(vm, float_new(vm, v), want);
}

Test(float, repr_table) {
  VM *vm = nh_vm();
  static const struct { double v; const char *want; } cases[] = {
    {0.1, "0.1"}, {1e16, "1e+16"}, {1e-05, "1e-05"}, {123456789012345678.0, "1.2345678901234568e+17"},
    {-0.0, "-0.0"}, {0.0, "0.0"}, {1e22, "1e+22"}, {5e-324, "5e-324"},
    {1.7976931348623157e308, "1.7976931348623157e+308"}, {0.1 + 0.2, "0.30000000000000004"},
    {1e15, "1000000000000000.0"}, {9999999999999998.0, "9999999999999998.0"},
    {2.5e-05, "2.5e-05"}, {0.0001, "0.0001"}, {1.0 / 3, "0.3333333333333333"}, {100.0, "100.0"},
    {1.5e300, "1.5e+300"}, {1.5e-323, "1.5e-323"}, {12345678901234567.0, "1.2345678901234568e+16"},
    {0.00001234, "1.234e-05"}, {123456.789, "123456.789"}, {-2.5, "-2.5"},
    {0x1p-140, "7.174648137343064e-43"}, {0x1p-1074, "5e-324"}, {0x1p1023, "8.98846567431158e+307"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) expect_repr(vm, cases[i].v, cases[i].want);
  expect_repr(vm, INFINITY, "inf");
  expect_repr(vm, -INFINITY, "-inf");
  expect_repr(vm, NAN, "nan");
  vm_free(vm);
}

Test(float, parsing) {
  VM *vm = nh_vm();
  static const struct { const char *text; double want; } ok[] = {
    {"  3.5  ", 3.5}, {"-2", -2.0}, {"1e3", 1000.0}, {".5", 0.5}, {"5.", 5.0}, {"1_000.5", 1000.5},
    {"1E-2", 0.01}, {"-iNfInItY", -INFINITY}, {"+inf", INFINITY}, {"1e500", INFINITY}, {"1e-400", 0.0},
  };
  for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
    Object *s = str_from_cstr(vm, ok[i].text);
    double d;
    cr_expect_eq(float_from_string(vm, s, &d), 0, "%s", ok[i].text);
    cr_expect_eq(d, ok[i].want, "%s -> %g", ok[i].text, d);
    obj_decref(vm, s);
  }
  static const char *const bad[] = {"x", "in", "1__0", "", "  ", "1_", "_1", "1._5", "0x10", "1e", "--1", "nan1"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    Object *s = str_from_cstr(vm, bad[i]);
    double d;
    cr_expect_eq(float_from_string(vm, s, &d), -1, "%s parsed", bad[i]);
    char want[80];
    snprintf(want, sizeof want, "ValueError: could not convert string to float: '%s'", bad[i]);
    nh_expect(vm, NULL, want);
    obj_decref(vm, s);
  }
  vm_free(vm);
}

Test(float, modulo_and_floor_division) {
  VM *vm = nh_vm();
  Object *a = nh_num(vm, "7.5"), *b = nh_num(vm, "-7.5"), *z = nh_num(vm, "0.0");
  nh_expect(vm, float_divmod(vm, a, small_new(-2)), "(-4.0, -0.5)");
  nh_expect(vm, float_divmod(vm, b, small_new(2)), "(-4.0, 0.5)");
  nh_expect(vm, float_divmod(vm, z, small_new(-3)), "(-0.0, -0.0)");
  nh_expect(vm, float_divmod(vm, a, z), "ZeroDivisionError: float divmod()");
  obj_decref(vm, a);
  obj_decref(vm, b);
  obj_decref(vm, z);
  nh_binop(vm, "-7.5", BINOP_FLOORDIV, "2", "-4.0");
  nh_binop(vm, "-7.5", BINOP_MOD, "2", "0.5");
  nh_binop(vm, "7.5", BINOP_MOD, "-2", "-0.5");
  nh_binop(vm, "0.0", BINOP_MOD, "-3", "-0.0");
  nh_binop(vm, "-0.0", BINOP_MOD, "3", "0.0");
  nh_binop(vm, "5", BINOP_MOD, "0.5", "0.0");
  nh_binop(vm, "1.0", BINOP_TRUEDIV, "0", "ZeroDivisionError: float division by zero");
  nh_binop(vm, "1.0", BINOP_FLOORDIV, "0", "ZeroDivisionError: float floor division by zero");
  nh_binop(vm, "1.0", BINOP_MOD, "0", "ZeroDivisionError: float modulo");
  nh_binop(vm, "1", BINOP_TRUEDIV, "0.0", "ZeroDivisionError: float division by zero");
  vm_free(vm);
}

Test(float, power) {
  VM *vm = nh_vm();
  nh_binop(vm, "2", BINOP_POW, "0.5", "1.4142135623730951");
  nh_binop(vm, "10.0", BINOP_POW, "-2", "0.01");
  nh_binop(vm, "-8.0", BINOP_POW, "3", "-512.0");
  nh_binop(vm, "0.0", BINOP_POW, "-1", "ZeroDivisionError: 0.0 cannot be raised to a negative power");
  nh_binop(vm, "10.0", BINOP_POW, "400", "OverflowError: (34, 'Numerical result out of range')");
  nh_binop(vm, "1e-300", BINOP_POW, "2", "0.0");
  nh_binop(vm, "inf", BINOP_POW, "0", "1.0");
  nh_binop(vm, "nan", BINOP_POW, "0", "1.0");
  nh_binop(vm, "1.0", BINOP_POW, "nan", "1.0");
  nh_binop(vm, "-inf", BINOP_POW, "3", "-inf");
  vm_free(vm);
}

Test(float, mixed_int_arithmetic) {
  VM *vm = nh_vm();
  nh_binop(vm, "1", BINOP_ADD, "2.5", "3.5");
  nh_binop(vm, "2.5", BINOP_MUL, "4", "10.0");
  Object *big = obj_binop(vm, small_new(10), small_new(400), BINOP_POW), *f = float_new(vm, 1.0);
  nh_expect(vm, obj_binop(vm, big, f, BINOP_MUL), "OverflowError: int too large to convert to float");
  obj_decref(vm, big);
  obj_decref(vm, f);
  nh_compare(vm, "1e300", CMP_LT, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540161", true);
  nh_compare(vm, "1e300", CMP_EQ, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160", true);
  nh_compare(vm, "nan", CMP_EQ, "nan", false);
  nh_compare(vm, "nan", CMP_NE, "1", true);
  vm_free(vm);
}

Test(float, round) {
  VM *vm = nh_vm();
  static const struct { double x; int nd; const char *want; } cases[] = {
    {2.675, 2, "2.67"}, {1.005, 2, "1.0"}, {-2.675, 2, "-2.67"}, {0.125, 2, "0.12"},
    {0.375, 2, "0.38"}, {1234.5678, -2, "1200.0"}, {1e20, 2, "1e+20"}, {123.456, 10, "123.456"},
    {5e-324, 323, "0.0"}, {5e-324, 324, "5e-324"}, {-4.0, -1, "-0.0"}, {500.0, -3, "0.0"},
    {600.0, -3, "1000.0"}, {1.7976931348623157e308, -308, "OverflowError: rounded value too large to represent"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    nh_expect(vm, float_round(vm, cases[i].x, small_new(cases[i].nd)), cases[i].want);
  static const struct { double x; const char *want; } ints[] = {
    {0.5, "0"}, {1.5, "2"}, {-0.5, "0"}, {2.5, "2"}, {-1.5, "-2"}, {7.49999, "7"},
    {INFINITY, "OverflowError: cannot convert float infinity to integer"},
    {NAN, "ValueError: cannot convert float NaN to integer"},
  };
  for (size_t i = 0; i < sizeof ints / sizeof *ints; i++)
    nh_expect(vm, float_round(vm, ints[i].x, NULL), ints[i].want);
  nh_expect(vm, float_round(vm, INFINITY, small_new(2)), "inf");
  vm_free(vm);
}

Test(float, hash_matches_cpython) {
  VM *vm = nh_vm();
  cr_expect_eq(float_hash_double(1.5), INT64_C(1152921504606846977));
  cr_expect_eq(float_hash_double(-1.5), INT64_C(-1152921504606846977));
  cr_expect_eq(float_hash_double(1e300), INT64_C(1224995262755759164));
  cr_expect_eq(float_hash_double(0.1), INT64_C(230584300921369408));
  cr_expect_eq(float_hash_double(1e-5), INT64_C(2170758078822671208));
  cr_expect_eq(float_hash_double(1.5e-323), INT64_C(50331648));
  cr_expect_eq(float_hash_double(INFINITY), 314159);
  cr_expect_eq(float_hash_double(-INFINITY), -314159);
  cr_expect_eq(float_hash_double(-1.0), -2);
  nh_hash(vm, "18446744073709551616.0", 8);   /* == hash(2**64) */
  nh_hash(vm, "1e100", INT64_C(1822893315824342674));
  Object *ten = obj_binop(vm, small_new(10), small_new(22), BINOP_POW);
  cr_expect_eq(obj_hash(vm, ten), float_hash_double(1e22));
  obj_decref(vm, ten);
  vm_free(vm);
}

Test(float, methods_and_hooks) {
  VM *vm = nh_vm();
  Object *x = float_new(vm, 0.1);
  nh_expect(vm, obj_call_method(vm, x, "as_integer_ratio", NULL, 0), "(3602879701896397, 36028797018963968)");
  nh_expect(vm, obj_call_method(vm, x, "hex", NULL, 0), "'0x1.999999999999ap-4'");
  nh_expect(vm, obj_call_method(vm, x, "is_integer", NULL, 0), "False");
  Object *spec = str_from_cstr(vm, ".20f");
  nh_expect(vm, obj_format(vm, x, spec), "'0.10000000000000000555'");
  obj_decref(vm, spec);
  obj_decref(vm, x);
  x = float_new(vm, 1234.5);
  spec = str_from_cstr(vm, ",.2f");
  nh_expect(vm, obj_format(vm, x, spec), "'1,234.50'");
  nh_expect(vm, obj_unaryop(vm, x, UNARY_INT), "1234");
  nh_expect(vm, obj_unaryop(vm, x, UNARY_INVERT), "TypeError: bad operand type for unary ~: 'float'");
  obj_decref(vm, spec);
  obj_decref(vm, x);
  double d;
  cr_expect_eq(float_as_double(vm, vm->true_obj, &d), 0);
  cr_expect_eq(d, 1.0);
  cr_expect_eq(float_as_double(vm, vm->empty_str, &d), -1);
  nh_expect(vm, NULL, "TypeError: must be real number, not str");
  vm_free(vm);
}

Test(float, freelist_reuse) {
  VM *vm = nh_vm();
  Object *a = float_new(vm, 1.0);
  obj_decref(vm, a);
  Object *b = float_new(vm, 2.0);
  cr_expect_eq(a, b, "a freed float is reused");
  cr_expect_eq(float_value(b), 2.0);
  obj_decref(vm, b);
  float_freelist_clear(vm);
  cr_expect_eq(vm->float_freelist_len, 0);
  vm_free(vm);
}
