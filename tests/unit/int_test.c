/* int and bool: immediates and their boundaries, big arithmetic, floor division,
   shifts, bit operations, conversions, hashing and parsing, against CPython 3.11. */
#include "num_helpers.h"

#define SMALL_MAX_S "2305843009213693951"    /* 2**61 - 1 */
#define SMALL_MIN_S "-2305843009213693952"   /* -2**61 */

Test(int, immediate_boundaries) {
  VM *vm = nh_vm();
  Object *max = int_from_i64(vm, SMALL_MAX), *min = int_from_i64(vm, SMALL_MIN);
  cr_assert(obj_is_small(max) && obj_is_small(min));
  Object *above = int_from_i64(vm, SMALL_MAX + 1), *below = int_from_i64(vm, SMALL_MIN - 1);
  cr_assert(!obj_is_small(above) && !obj_is_small(below));
  nh_expect(vm, obj_newref(above), "2305843009213693952");
  nh_expect(vm, obj_newref(below), "-2305843009213693953");
  /* results that fit are immediates again */
  Object *back = obj_binop(vm, above, small_new(1), BINOP_SUB);
  cr_assert(obj_is_small(back) && small_value(back) == SMALL_MAX);
  nh_binop(vm, SMALL_MAX_S, BINOP_ADD, "1", "2305843009213693952");
  nh_binop(vm, SMALL_MIN_S, BINOP_SUB, "1", "-2305843009213693953");
  nh_binop(vm, SMALL_MIN_S, BINOP_FLOORDIV, "-1", "2305843009213693952");
  nh_binop(vm, SMALL_MIN_S, BINOP_MUL, "-1", "2305843009213693952");
  nh_binop(vm, SMALL_MAX_S, BINOP_MUL, SMALL_MAX_S, "5316911983139663487003542222693990401");
  nh_binop(vm, "1099511627776", BINOP_MUL, "1099511627776", "1208925819614629174706176");
  Object *neg = obj_unaryop(vm, min, UNARY_NEG);
  nh_expect(vm, neg, "2305843009213693952");
  Object *absmin = obj_unaryop(vm, min, UNARY_ABS);
  nh_expect(vm, absmin, "2305843009213693952");
  cr_expect_eq(int_compare(vm, above, max), 1);
  cr_expect_eq(int_compare(vm, below, min), -1);
  int64_t v;
  cr_expect_eq(int_as_i64(vm, below, &v), 0);
  cr_expect_eq(v, SMALL_MIN - 1);
  Object *huge = int_from_u64(vm, UINT64_MAX);
  cr_expect_eq(int_as_i64(vm, huge, &v), -1);
  nh_expect(vm, NULL, "OverflowError: Python int too large to convert to C long");
  obj_decref(vm, huge);
  obj_decref(vm, back);
  obj_decref(vm, above);
  obj_decref(vm, below);
  vm_free(vm);
}

Test(int, big_arithmetic) {
  VM *vm = nh_vm();
  nh_binop(vm, "2", BINOP_POW, "100", "1267650600228229401496703205376");
  nh_binop(vm, "100000000000000000000000000000000000000000000000000", BINOP_FLOORDIV, "7",
           "14285714285714285714285714285714285714285714285714");
  nh_binop(vm, "1000000000000000000000000000007", BINOP_MUL, "10000000000000000000000003",
           "10000000000000000000000003000070000000000000000000000021");
  nh_binop(vm, "1267650600228229401496703205376", BINOP_SUB, "1267650600228229401496703205376", "0");
  nh_binop(vm, "-1267650600228229401496703205376", BINOP_ADD, "1267650600228229401496703205377", "1");
  nh_binop(vm, "18446744073709551615", BINOP_ADD, "1", "18446744073709551616");
  nh_binop(vm, "18446744073709551616", BINOP_SUB, "1", "18446744073709551615");
  nh_binop(vm, "-3", BINOP_POW, "41", "-36472996377170786403");
  nh_binop(vm, "2", BINOP_POW, "-2", "0.25");
  nh_binop(vm, "0", BINOP_POW, "-1", "ZeroDivisionError: 0.0 cannot be raised to a negative power");
  nh_binop(vm, "10", BINOP_POW, "0", "1");
  vm_free(vm);
}

/* Python's // and % take the divisor's sign for the remainder. */
Test(int, floor_division_signs) {
  VM *vm = nh_vm();
  static const struct { const char *a, *b, *q, *r; } cases[] = {
    {"7", "2", "3", "1"}, {"-7", "2", "-4", "1"}, {"7", "-2", "-4", "-1"}, {"-7", "-2", "3", "-1"},
    {"6", "-3", "-2", "0"}, {"-6", "3", "-2", "0"},
    {"100000000000000000000000", "-7", "-14285714285714285714286", "-2"},
    {"-100000000000000000000000", "7", "-14285714285714285714286", "2"},
    {"-100000000000000000000000", "-300000000000000000000001", "0", "-100000000000000000000000"},
    {"100000000000000000000000", "-300000000000000000000001", "-1", "-200000000000000000000001"},
    {"-5", "18446744073709551616", "-1", "18446744073709551611"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    Object *a = nh_num(vm, cases[i].a), *b = nh_num(vm, cases[i].b);
    char want[200];
    snprintf(want, sizeof want, "(%s, %s)", cases[i].q, cases[i].r);
    nh_expect(vm, int_divmod(vm, a, b), want);
    nh_expect(vm, obj_binop(vm, a, b, BINOP_FLOORDIV), cases[i].q);
    nh_expect(vm, obj_binop(vm, a, b, BINOP_MOD), cases[i].r);
    obj_decref(vm, a);
    obj_decref(vm, b);
  }
  vm_free(vm);
}

Test(int, division_errors) {
  VM *vm = nh_vm();
  nh_binop(vm, "1", BINOP_FLOORDIV, "0", "ZeroDivisionError: integer division or modulo by zero");
  nh_binop(vm, "1", BINOP_MOD, "0", "ZeroDivisionError: integer modulo by zero");
  nh_binop(vm, "1", BINOP_TRUEDIV, "0", "ZeroDivisionError: division by zero");
  nh_binop(vm, "18446744073709551616", BINOP_MOD, "0", "ZeroDivisionError: integer modulo by zero");
  nh_expect(vm, int_divmod(vm, small_new(1), small_new(0)),
            "ZeroDivisionError: integer division or modulo by zero");
  vm_free(vm);
}

Test(int, true_division_is_correctly_rounded) {
  VM *vm = nh_vm();
  Object *a = obj_binop(vm, small_new(2), small_new(2000), BINOP_POW);
  Object *b = obj_binop(vm, small_new(3), small_new(1000), BINOP_POW);
  nh_expect(vm, obj_binop(vm, a, b, BINOP_TRUEDIV), "8.68433580377441e+124");
  nh_expect(vm, obj_binop(vm, a, small_new(3), BINOP_TRUEDIV),
            "OverflowError: integer division result too large for a float");
  nh_expect(vm, obj_binop(vm, small_new(1), a, BINOP_TRUEDIV), "0.0");
  obj_decref(vm, a);
  obj_decref(vm, b);
  nh_binop(vm, "2305843009213693951", BINOP_TRUEDIV, "7", "3.294061441733848e+17");
  nh_binop(vm, "1", BINOP_TRUEDIV, "3", "0.3333333333333333");
  nh_binop(vm, "0", BINOP_TRUEDIV, "-5", "-0.0");
  vm_free(vm);
}

Test(int, shifts) {
  VM *vm = nh_vm();
  nh_binop(vm, "1", BINOP_LSHIFT, "61", "2305843009213693952");
  nh_binop(vm, "1", BINOP_LSHIFT, "60", "1152921504606846976");
  nh_binop(vm, "-1", BINOP_LSHIFT, "61", "-2305843009213693952");
  nh_binop(vm, "3", BINOP_LSHIFT, "100", "3802951800684688204490109616128");
  nh_binop(vm, "2305843009213693952", BINOP_RSHIFT, "1", "1152921504606846976");
  nh_binop(vm, "-1180591620717411303424", BINOP_RSHIFT, "3", "-147573952589676412928");
  nh_binop(vm, "-1180591620717411303425", BINOP_RSHIFT, "3", "-147573952589676412929");
  nh_binop(vm, "-1", BINOP_RSHIFT, "100", "-1");
  nh_binop(vm, "5", BINOP_RSHIFT, "18446744073709551616", "0");
  nh_binop(vm, "-5", BINOP_RSHIFT, "18446744073709551616", "-1");
  nh_binop(vm, "1", BINOP_LSHIFT, "-1", "ValueError: negative shift count");
  nh_binop(vm, "1", BINOP_RSHIFT, "-1", "ValueError: negative shift count");
  vm_free(vm);
}

Test(int, bitwise_twos_complement) {
  VM *vm = nh_vm();
  nh_binop(vm, "-5", BINOP_AND, "3", "3");
  nh_binop(vm, "-5", BINOP_OR, "3", "-5");
  nh_binop(vm, "-5", BINOP_XOR, "3", "-8");
  nh_binop(vm, "-1180591620717411303424", BINOP_AND, "1180591620717411303423", "0");
  nh_binop(vm, "-1180591620717411303424", BINOP_OR, "255", "-1180591620717411303169");
  nh_binop(vm, "-18446744073709551617", BINOP_XOR, "-1", "18446744073709551616");
  Object *big = nh_num(vm, "1180591620717411303424");
  nh_expect(vm, obj_unaryop(vm, big, UNARY_INVERT), "-1180591620717411303425");
  nh_expect(vm, obj_unaryop(vm, small_new(5), UNARY_INVERT), "-6");
  obj_decref(vm, big);
  vm_free(vm);
}

Test(int, pow_mod) {
  VM *vm = nh_vm();
  Object *m = nh_num(vm, "100000000000000000000000000000000000000000000000151");
  Object *e = nh_num(vm, "1000000000000000000000000000000000000000000000000000000000000");
  nh_expect(vm, obj_pow3(vm, small_new(7), e, m),
            "49752662118983621688223759813352149012804450702691");
  nh_expect(vm, obj_pow3(vm, small_new(3), small_new(-1), small_new(7)), "5");
  nh_expect(vm, obj_pow3(vm, small_new(-3), small_new(5), small_new(-7)), "-5");
  nh_expect(vm, obj_pow3(vm, small_new(5), small_new(0), small_new(-1)), "0");
  nh_expect(vm, obj_pow3(vm, small_new(2), small_new(-1), small_new(4)),
            "ValueError: base is not invertible for the given modulus");
  nh_expect(vm, obj_pow3(vm, small_new(2), small_new(3), small_new(0)),
            "ValueError: pow() 3rd argument cannot be 0");
  Object *f = float_new(vm, 2.0);
  nh_expect(vm, obj_pow3(vm, small_new(2), small_new(3), f),
            "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
  obj_decref(vm, f);
  obj_decref(vm, m);
  obj_decref(vm, e);
  vm_free(vm);
}

/* 1000-digit numbers survive str -> int -> str, and match CPython's digits. */
Test(int, decimal_round_trip) {
  VM *vm = nh_vm();
  Object *x = obj_binop(vm, small_new(7), small_new(1183), BINOP_POW);
  Object *y = obj_binop(vm, small_new(3), small_new(2100), BINOP_POW);
  Object *ny = obj_unaryop(vm, y, UNARY_NEG);
  Object *objs[] = {x, ny};
  static const struct { size_t len; const char *head, *tail; } want[] = {
    {1000, "56361343488921465014", "74753140505686044343"},
    {1003, "-9008135522715774758", "94840034485897962001"},
  };
  for (int i = 0; i < 2; i++) {
    Object *s = int_to_string(vm, objs[i], 10);
    const char *t = str_utf8(s);
    cr_expect_eq(strlen(t), want[i].len);
    cr_expect(strncmp(t, want[i].head, 20) == 0, "head %.20s", t);
    cr_expect_str_eq(t + strlen(t) - 20, want[i].tail);
    Object *back = int_from_string(vm, t, strlen(t), 10);
    cr_expect_eq(int_compare(vm, back, objs[i]), 0);
    obj_decref(vm, back);
    obj_decref(vm, s);
  }
  obj_decref(vm, x);
  obj_decref(vm, y);
  obj_decref(vm, ny);
  vm_free(vm);
}

Test(int, str_digits_limit) {
  VM *vm = nh_vm();
  Object *x = obj_binop(vm, small_new(10), small_new(5000), BINOP_POW);
  nh_expect(vm, int_to_string(vm, x, 10),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
            "use sys.set_int_max_str_digits() to increase the limit");
  Object *h = int_to_string(vm, x, 16);   /* power-of-two bases are not limited */
  cr_expect_eq(str_length(h), 4155);
  obj_decref(vm, h);
  char ones[5001];
  memset(ones, '1', 5000);
  ones[5000] = 0;
  nh_expect(vm, int_from_string(vm, ones, 5000, 10),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion: "
            "value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit");
  Object *arg = small_new(5);
  nh_expect(vm, int_sys_set_max_str_digits(vm, NULL, &arg, 1, NULL),
            "ValueError: maxdigits must be 0 or larger than 640");
  arg = small_new(0);
  nh_expect(vm, int_sys_set_max_str_digits(vm, NULL, &arg, 1, NULL), "None");
  nh_expect(vm, int_sys_get_max_str_digits(vm, NULL, NULL, 0, NULL), "0");
  Object *s = int_to_string(vm, x, 10);
  cr_expect_eq(str_length(s), 5001);
  obj_decref(vm, s);
  obj_decref(vm, x);
  vm_free(vm);
}

Test(int, parsing) {
  VM *vm = nh_vm();
  static const struct { const char *text; int base; const char *want; } cases[] = {
    {"  -42\n", 10, "-42"}, {"1_000_000", 10, "1000000"}, {"0x_1f", 16, "31"},
    {"0x1F", 0, "31"}, {"0o17", 0, "15"}, {"0b101", 0, "5"}, {"000", 0, "0"},
    {"ZZ", 36, "1295"}, {"12345678901234567890123", 10, "12345678901234567890123"},
    {"ffffffffffffffffffff", 16, "1208925819614629174706175"},
    {"-777777777777777777777777", 8, "-4722366482869645213695"},
    {"010", 0, "ValueError: invalid literal for int() with base 0: '010'"},
    {"1__0", 10, "ValueError: invalid literal for int() with base 10: '1__0'"},
    {"_1", 10, "ValueError: invalid literal for int() with base 10: '_1'"},
    {"1_", 10, "ValueError: invalid literal for int() with base 10: '1_'"},
    {"0x", 16, "ValueError: invalid literal for int() with base 16: '0x'"},
    {"", 10, "ValueError: invalid literal for int() with base 10: ''"},
    {"12", 2, "ValueError: invalid literal for int() with base 2: '12'"},
    {"+ 1", 10, "ValueError: invalid literal for int() with base 10: '+ 1'"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    nh_expect(vm, int_from_string(vm, cases[i].text, strlen(cases[i].text), cases[i].base),
              cases[i].want);
  vm_free(vm);
}

Test(int, radix_strings) {
  VM *vm = nh_vm();
  Object *big = nh_num(vm, "-1180591620717411303424");
  nh_expect(vm, int_to_string(vm, big, 16), "'-0x400000000000000000'");
  nh_expect(vm, int_to_string(vm, big, 8), "'-0o200000000000000000000000'");
  nh_expect(vm, int_to_string(vm, small_new(0), 2), "'0b0'");
  nh_expect(vm, int_to_string(vm, small_new(-255), 16), "'-0xff'");
  nh_expect(vm, int_to_string(vm, small_new(5), 2), "'0b101'");
  obj_decref(vm, big);
  vm_free(vm);
}

Test(int, hash_matches_cpython) {
  VM *vm = nh_vm();
  nh_hash(vm, "-1", -2);
  nh_hash(vm, "18446744073709551616", 8);
  nh_hash(vm, "-18446744073709551616", -8);
  nh_hash(vm, "2305843009213693951", 0);
  nh_hash(vm, "2305843009213693952", 1);
  nh_hash(vm, SMALL_MIN_S, -2);
  nh_hash(vm, "1267650600228229401496703205376", INT64_C(549755813888));
  Object *g = obj_binop(vm, small_new(10), small_new(100), BINOP_POW);
  cr_expect_eq(obj_hash(vm, g), INT64_C(910685213754167845));
  obj_decref(vm, g);
  vm_free(vm);
}

/* int vs float comparisons are exact in both directions. */
Test(int, compare_with_float) {
  VM *vm = nh_vm();
  nh_compare(vm, "9007199254740993", CMP_EQ, "9007199254740992.0", false);
  nh_compare(vm, "9007199254740992.0", CMP_LT, "9007199254740993", true);
  nh_compare(vm, "9007199254740993", CMP_GT, "9007199254740992.0", true);
  nh_compare(vm, "9007199254740992", CMP_EQ, "9007199254740992.0", true);
  nh_compare(vm, "2305843009213693953", CMP_GT, "2305843009213693952.0", true);
  nh_compare(vm, "-2305843009213693953", CMP_LT, "-2305843009213693952.0", true);
  nh_compare(vm, "5", CMP_LT, "5.5", true);
  nh_compare(vm, "-5", CMP_GT, "-5.5", true);
  nh_compare(vm, "1", CMP_NE, "nan", true);
  nh_compare(vm, "1", CMP_EQ, "nan", false);
  nh_compare(vm, "1267650600228229401496703205376", CMP_LT, "inf", true);
  nh_compare(vm, "1267650600228229401496703205376", CMP_GT, "-inf", true);
  vm_free(vm);
}

Test(int, to_float) {
  VM *vm = nh_vm();
  double d;
  Object *x = nh_num(vm, "9007199254740993");   /* 2**53 + 1: ties to even */
  cr_expect_eq(int_as_double(vm, x, &d), 0);
  cr_expect_eq(d, 9007199254740992.0);
  obj_decref(vm, x);
  x = nh_num(vm, "9223372036854775807");
  nh_expect(vm, obj_unaryop(vm, x, UNARY_FLOAT), "9.223372036854776e+18");
  obj_decref(vm, x);
  x = obj_binop(vm, small_new(2), small_new(1024), BINOP_POW);
  cr_expect_eq(int_as_double(vm, x, &d), -1);
  nh_expect(vm, NULL, "OverflowError: int too large to convert to float");
  obj_decref(vm, x);
  nh_expect(vm, int_from_double(vm, 1e20), "100000000000000000000");
  nh_expect(vm, int_from_double(vm, -3.9), "-3");
  nh_expect(vm, int_from_double(vm, 1.0 / 0.0), "OverflowError: cannot convert float infinity to integer");
  nh_expect(vm, int_from_double(vm, 0.0 / 0.0), "ValueError: cannot convert float NaN to integer");
  vm_free(vm);
}

Test(int, round_half_even) {
  VM *vm = nh_vm();
  static const struct { int64_t x, nd; const char *want; } cases[] = {
    {1250, -2, "1200"}, {1350, -2, "1400"}, {-1250, -2, "-1200"}, {12345, -3, "12000"},
    {5, 2, "5"}, {15, -1, "20"}, {25, -1, "20"}, {-25, -1, "-20"}, {499, -3, "0"}, {500, -3, "0"},
    {501, -3, "1000"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    nh_expect(vm, int_round(vm, small_new(cases[i].x), small_new(cases[i].nd)), cases[i].want);
  vm_free(vm);
}

Test(bool, singletons_and_arithmetic) {
  VM *vm = nh_vm();
  Object *t = vm->true_obj, *f = vm->false_obj;
  nh_expect(vm, obj_newref(t), "True");
  nh_expect(vm, obj_newref(f), "False");
  nh_expect(vm, obj_binop(vm, t, t, BINOP_ADD), "2");
  nh_expect(vm, obj_binop(vm, t, f, BINOP_AND), "False");
  nh_expect(vm, obj_binop(vm, t, f, BINOP_OR), "True");
  nh_expect(vm, obj_binop(vm, t, t, BINOP_XOR), "False");
  nh_expect(vm, obj_binop(vm, t, small_new(2), BINOP_OR), "3");
  nh_expect(vm, obj_unaryop(vm, t, UNARY_INVERT), "-2");
  nh_expect(vm, obj_unaryop(vm, t, UNARY_NEG), "-1");
  nh_expect(vm, obj_binop(vm, t, small_new(2), BINOP_TRUEDIV), "0.5");
  cr_expect_eq(obj_hash(vm, t), 1);
  cr_expect_eq(obj_richcompare_bool(vm, t, small_new(1), CMP_EQ), 1);
  Object *one = int_exact(vm, t);
  cr_expect(obj_is_small(one) && small_value(one) == 1);
  vm_free(vm);
}
