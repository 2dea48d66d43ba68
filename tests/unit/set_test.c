/* set: iteration order identical to CPython's, operations, hash, errors, references.
   Expected orders were recorded with CPython 3.11 from the same sequence of s.add()
   calls (a set display of constants would be built differently: via a frozenset). */
#include "containers_helpers.h"

static Object *set_of(VM *vm, int n, const int64_t *v) {
  Object *s = set_new(vm, NULL);
  for (int i = 0; i < n; i++) {
    Object *o = int_from_i64(vm, v[i]);
    cr_assert_eq(set_add(vm, s, o), 0);
    obj_decref(vm, o);
  }
  return s;
}

#define SET_OF(vm, ...) \
  set_of(vm, sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t), (int64_t[]){__VA_ARGS__})
#define EXPECT(vm, o, ...)                                                        \
  th_expect_ints(vm, o, (int64_t[]){__VA_ARGS__},                                 \
                 sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t))

Test(set, literal_orders) {
  VM *vm = th_vm();
  Object *a = SET_OF(vm, 3, 1, 2);
  EXPECT(vm, a, 1, 2, 3);
  th_expect_repr(vm, a, "{1, 2, 3}");
  Object *b = SET_OF(vm, 10, 100, 1000);
  EXPECT(vm, b, 1000, 10, 100);
  Object *c = SET_OF(vm, -1, -2, -3, 7, 8);
  EXPECT(vm, c, 7, 8, -2, -3, -1);
  Object *d = SET_OF(vm, INT64_C(1) << 40, INT64_C(1) << 50, 3, (INT64_C(1) << 33) + 1);
  EXPECT(vm, d, INT64_C(1099511627776), INT64_C(1125899906842624), 3, INT64_C(8589934593));
  Object *objs[] = {a, b, c, d};
  for (size_t i = 0; i < 4; i++) obj_decref(vm, objs[i]);
  vm_free(vm);
}

Test(set, growth_and_deletion_order) {
  VM *vm = th_vm();
  Object *s = set_new(vm, NULL);
  for (int i = 0; i < 20; i++) set_add(vm, s, small_new(i));
  for (int i = 0; i < 20; i += 3) set_discard(vm, s, small_new(i));
  for (int i = 100; i < 110; i++) set_add(vm, s, small_new(i));
  EXPECT(vm, s, 1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 100, 101, 102, 103, 104, 105,
         106, 107, 108, 109);
  obj_decref(vm, s);
  s = set_new(vm, NULL);
  for (int i = 0; i < 50; i++) set_add(vm, s, small_new(i * 7919 % 1000));
  EXPECT(vm, s, 0, 514, 3, 517, 137, 651, 271, 785, 274, 919, 408, 922, 28, 542, 31, 676,
         165, 679, 299, 813, 433, 947, 436, 56, 570, 190, 704, 193, 838, 327, 841, 461, 975,
         595, 84, 598, 218, 732, 352, 866, 355, 489, 109, 623, 112, 757, 246, 760, 380, 894);
  obj_decref(vm, s);
  vm_free(vm);
}

Test(set, operator_orders) {
  VM *vm = th_vm();
  Object *a = SET_OF(vm, 1, 2, 3, 4, 5), *b = SET_OF(vm, 5, 3, 1);
  Object *r = obj_binop(vm, a, b, BINOP_AND);
  EXPECT(vm, r, 1, 3, 5);
  obj_decref(vm, r);
  Object *c = SET_OF(vm, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), *d = SET_OF(vm, 2, 4);
  r = obj_binop(vm, c, d, BINOP_SUB);
  EXPECT(vm, r, 1, 3, 5, 6, 7, 8, 9, 10);
  obj_decref(vm, r);
  Object *e = SET_OF(vm, 1, 2, 3), *f = SET_OF(vm, 3, 4, 5, 100);
  r = obj_binop(vm, e, f, BINOP_XOR);
  EXPECT(vm, r, 1, 2, 100, 4, 5);
  obj_decref(vm, r);
  Object *g = SET_OF(vm, 1000, 2000), *h = SET_OF(vm, 3000, 1, 33);
  r = obj_binop(vm, g, h, BINOP_OR);
  EXPECT(vm, r, 2000, 1, 33, 3000, 1000);
  obj_decref(vm, r);
  cr_assert_eq(obj_richcompare_bool(vm, b, a, CMP_LT), 1);
  cr_assert_eq(obj_richcompare_bool(vm, a, b, CMP_LE), 0);
  cr_assert_eq(obj_richcompare_bool(vm, a, a, CMP_GE), 1);
  Object *objs[] = {a, b, c, d, e, f, g, h};
  for (size_t i = 0; i < 8; i++) obj_decref(vm, objs[i]);
  vm_free(vm);
}

Test(set, pop_order_and_errors) {
  VM *vm = th_vm();
  Object *s = SET_OF(vm, 5, 6, 7, 100, 1000);
  static const int64_t exp[5] = {100, 5, 6, 7, 1000};
  for (int i = 0; i < 5; i++) {
    Object *x = th_call(vm, s, "pop", 0);
    cr_assert_eq(th_int(vm, x), exp[i]);
    obj_decref(vm, x);
  }
  cr_assert_null(th_call(vm, s, "pop", 0));
  th_expect_exc(vm, &vm->exc_KeyError, "'pop from an empty set'");
  cr_assert_null(th_call(vm, s, "remove", 1, small_new(2)));
  th_expect_exc(vm, &vm->exc_KeyError, "2");
  th_expect_repr(vm, s, "set()");
  Object *l = list_new(vm, 0);
  cr_assert_eq(set_add(vm, s, l), -1);
  th_expect_exc(vm, &vm->exc_TypeError, "unhashable type: 'list'");
  cr_assert_eq(obj_hash(vm, s), -1);
  th_expect_exc(vm, &vm->exc_TypeError, "unhashable type: 'set'");
  obj_decref(vm, l);
  obj_decref(vm, s);
  vm_free(vm);
}

Test(set, frozenset_hash_and_repr) {
  VM *vm = th_vm();
  Object *s = SET_OF(vm, 1, 2, 3);
  Object *f = frozenset_new(vm, s);
  cr_assert_eq(obj_hash(vm, f), INT64_C(-272375401224217160));
  th_expect_repr(vm, f, "frozenset({1, 2, 3})");
  Object *e = frozenset_new(vm, NULL);
  cr_assert_eq(obj_hash(vm, e), INT64_C(133146708735736));
  th_expect_repr(vm, e, "frozenset()");
  Object *big = int_from_i64(vm, INT64_C(100000000000000000));
  Object *src = SET_OF(vm, -5);
  set_add(vm, src, big);
  Object *g = frozenset_new(vm, src);
  cr_assert_eq(obj_hash(vm, g), INT64_C(2339400167681263187));   /* hash(frozenset({-5, 10**17})) */
  cr_assert_eq(obj_richcompare_bool(vm, f, s, CMP_EQ), 1);
  /* A set inside a set test is looked up as a frozenset. */
  Object *outer = set_new(vm, NULL);
  set_add(vm, outer, f);
  cr_assert_eq(obj_contains(vm, outer, s), 1);
  Object *objs[] = {s, f, e, big, src, g, outer};
  for (size_t i = 0; i < 7; i++) obj_decref(vm, objs[i]);
  vm_free(vm);
}

static void set_round(VM *vm) {
  for (int k = 0; k < 20; k++) {
    Object *s = set_new(vm, NULL);
    for (int i = 0; i < 400; i++) {
      Object *t = tuple_pack(vm, 2, small_new(i), small_new(k));
      set_add(vm, s, t);
      obj_decref(vm, t);
      set_add(vm, s, small_new(i * 31));
    }
    for (int i = 0; i < 400; i += 2) set_discard(vm, s, small_new(i * 31));
    Object *f = frozenset_new(vm, s);
    Object *u = obj_binop(vm, s, f, BINOP_XOR);
    Object *r = obj_repr(vm, u);
    obj_decref(vm, r);
    obj_decref(vm, u);
    obj_decref(vm, f);
    obj_decref(vm, s);
  }
}

Test(set, heap_returns_to_baseline) {
  VM *vm = th_vm();
  set_round(vm);
  tuple_clear_freelists(vm);
  size_t base = vm->heap.stats.bytes_in_use;
  set_round(vm);
  tuple_clear_freelists(vm);
  cr_assert_eq(vm->heap.stats.bytes_in_use, base, "leaked %zd bytes",
               (ssize_t)(vm->heap.stats.bytes_in_use - base));
  vm_free(vm);
}
