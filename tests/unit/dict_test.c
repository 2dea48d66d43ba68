/* dict: resizing, deletion, order, views, iteration checks, tracking, references. */
#include "containers_helpers.h"

static void expect_keys(VM *vm, Object *d, const int64_t *exp, ssize_t n) {
  Object *keys = dict_keys_list(vm, d);
  th_expect_ints(vm, keys, exp, n);
  obj_decref(vm, keys);
}

Test(dict, thousands_of_keys_with_deletions) {
  VM *vm = th_vm();
  Object *d = dict_new(vm);
  for (int i = 0; i < 5000; i++)
    cr_assert_eq(dict_setitem(vm, d, small_new(i * 3), small_new(i)), 0);
  cr_assert_eq(dict_size(d), 5000);
  for (int i = 0; i < 5000; i += 2) cr_assert_eq(dict_delitem(vm, d, small_new(i * 3)), 0);
  cr_assert_eq(dict_size(d), 2500);
  for (int i = 0; i < 5000; i++) {
    Object *v = dict_getitem(vm, d, small_new(i * 3));
    if (i % 2) {
      cr_assert_not_null(v);
      cr_assert_eq(small_value(v), i);
    } else {
      cr_assert_null(v);
    }
  }
  /* Reinsertion goes to the end; the table is rebuilt as it fills up. */
  for (int i = 0; i < 5000; i += 2) dict_setitem(vm, d, small_new(i * 3), small_new(-i));
  ssize_t pos = 0, n = 0;
  Object *k, *v;
  while (dict_next(d, &pos, &k, &v)) {
    int64_t expect = n < 2500 ? (2 * n + 1) * 3 : (2 * (n - 2500)) * 3;
    cr_assert_eq(small_value(k), expect, "entry %zd", n);
    n++;
  }
  cr_assert_eq(n, 5000);
  cr_assert_eq(dict_delitem(vm, d, small_new(1)), -1);
  th_expect_exc(vm, &vm->exc_KeyError, "1");
  obj_decref(vm, d);
  vm_free(vm);
}

Test(dict, order_after_delete_and_reinsert) {
  VM *vm = th_vm();
  Object *d = dict_new(vm);
  for (int i = 1; i <= 5; i++) dict_setitem(vm, d, small_new(i), small_new(i));
  dict_delitem(vm, d, small_new(2));
  dict_setitem(vm, d, small_new(2), small_new(0));
  dict_setitem(vm, d, small_new(4), small_new(0));   /* existing: keeps its place */
  static const int64_t exp[5] = {1, 3, 4, 5, 2};
  expect_keys(vm, d, exp, 5);
  th_expect_repr(vm, d, "{1: 1, 3: 3, 4: 0, 5: 5, 2: 0}");
  Object *r = th_call(vm, d, "popitem", 0);
  th_expect_repr(vm, r, "(2, 0)");
  obj_decref(vm, r);
  Object *rev = th_call(vm, d, "__reversed__", 0);
  static const int64_t back[4] = {5, 4, 3, 1};
  th_expect_ints(vm, rev, back, 4);
  obj_decref(vm, rev);
  obj_decref(vm, d);
  vm_free(vm);
}

Test(dict, str_keys_and_fast_lookup) {
  VM *vm = th_vm();
  Object *d = dict_new(vm);
  char buf[32];
  for (int i = 0; i < 200; i++) {
    snprintf(buf, sizeof buf, "name%d", i);
    cr_assert_eq(dict_setitem_cstr(vm, d, buf, small_new(i)), 0);
  }
  for (int i = 0; i < 200; i++) {
    snprintf(buf, sizeof buf, "name%d", i);
    Object *k = str_intern_cstr(vm, buf);
    Object *v = dict_getitem_str(vm, d, k);
    cr_assert_not_null(v);
    cr_assert_eq(small_value(v), i);
    ssize_t ix = dict_lookup_index(vm, d, k);
    cr_assert_eq(((DictObject *)d)->entries[ix].value, v);
    obj_decref(vm, k);
    Object *plain = str_from_cstr(vm, buf);   /* not interned: equality path */
    cr_assert_eq(dict_getitem(vm, d, plain), v);
    obj_decref(vm, plain);
    cr_assert_eq(dict_getitem_cstr(vm, d, buf), v);
  }
  Object *missing = str_intern_cstr(vm, "nope");
  cr_assert_null(dict_getitem_str(vm, d, missing));
  cr_assert_eq(dict_lookup_index(vm, d, missing), -1);
  obj_decref(vm, missing);
  obj_decref(vm, d);
  vm_free(vm);
}

Test(dict, methods_and_errors) {
  VM *vm = th_vm();
  Object *d = dict_new(vm);
  Object *r = th_call(vm, d, "setdefault", 2, small_new(1), small_new(10));
  cr_assert_eq(th_int(vm, r), 10);
  obj_decref(vm, r);
  r = th_call(vm, d, "get", 1, small_new(2));
  cr_assert_eq(r, VM_NONE(vm));
  obj_decref(vm, r);
  cr_assert_null(th_call(vm, d, "pop", 1, small_new(2)));
  th_expect_exc(vm, &vm->exc_KeyError, "2");
  r = th_call(vm, d, "pop", 2, small_new(2), small_new(5));
  cr_assert_eq(th_int(vm, r), 5);
  obj_decref(vm, r);
  Object *bad = tuple_pack(vm, 1, tuple_pack(vm, 3, small_new(1), small_new(2), small_new(3)));
  Object *badl = list_from_iterable(vm, bad);
  cr_assert_eq(dict_update(vm, d, badl), -1);
  th_expect_exc(vm, &vm->exc_ValueError,
                "dictionary update sequence element #0 has length 3; 2 is required");
  Object *ints = th_ints(vm, 1, 5);
  cr_assert_eq(dict_update(vm, d, ints), -1);
  th_expect_exc(vm, &vm->exc_TypeError,
                "cannot convert dictionary update sequence element #0 to a sequence");
  Object *e = dict_new(vm);
  cr_assert_null(th_call(vm, e, "popitem", 0));
  th_expect_exc(vm, &vm->exc_KeyError, "'popitem(): dictionary is empty'");
  Object *l = list_new(vm, 0);
  cr_assert_eq(dict_setitem(vm, d, l, small_new(1)), -1);
  th_expect_exc(vm, &vm->exc_TypeError, "unhashable type: 'list'");
  Object *u = obj_binop(vm, d, e, BINOP_OR);
  cr_assert_eq(obj_richcompare_bool(vm, u, d, CMP_EQ), 1);
  obj_decref(vm, u);
  obj_decref(vm, l);
  obj_decref(vm, e);
  obj_decref(vm, ints);
  obj_decref(vm, badl);
  obj_decref(vm, TUPLE_ITEMS(bad)[0]);
  obj_decref(vm, bad);
  obj_decref(vm, d);
  vm_free(vm);
}

Test(dict, views_and_set_operations) {
  VM *vm = th_vm();
  Object *d = dict_new(vm);
  static const int ks[6] = {9, 8, 1, 2, 30, 40};
  for (int i = 0; i < 6; i++) dict_setitem(vm, d, small_new(ks[i]), small_new(i));
  Object *keys = th_call(vm, d, "keys", 0);
  th_expect_repr(vm, keys, "dict_keys([9, 8, 1, 2, 30, 40])");
  Object *other = set_new(vm, NULL);
  set_add(vm, other, small_new(1));
  set_add(vm, other, small_new(30));
  set_add(vm, other, small_new(9));
  Object *inter = obj_binop(vm, keys, other, BINOP_AND);
  static const int64_t exp[3] = {1, 30, 9};   /* CPython's order */
  th_expect_ints(vm, inter, exp, 3);
  Object *items = th_call(vm, d, "items", 0);
  Object *pair = tuple_pack(vm, 2, small_new(8), small_new(1));
  cr_assert_eq(obj_contains(vm, items, pair), 1);
  Object *values = th_call(vm, d, "values", 0);
  th_expect_repr(vm, values, "dict_values([0, 1, 2, 3, 4, 5])");
  cr_assert_eq(obj_richcompare_bool(vm, keys, keys, CMP_EQ), 1);
  cr_assert_eq(obj_richcompare_bool(vm, inter, keys, CMP_LT), 1);
  Object *objs[] = {keys, other, inter, items, pair, values, d};
  for (size_t i = 0; i < sizeof objs / sizeof *objs; i++) obj_decref(vm, objs[i]);
  vm_free(vm);
}

Test(dict, mutation_during_iteration) {
  VM *vm = th_vm();
  Object *d = dict_new(vm);
  for (int i = 0; i < 4; i++) dict_setitem(vm, d, small_new(i), small_new(i));
  Object *it = obj_iter(vm, d);
  Object *x = obj_next(vm, it);
  obj_decref(vm, x);
  dict_setitem(vm, d, small_new(99), small_new(0));
  cr_assert_null(obj_next(vm, it));
  th_expect_exc(vm, &vm->exc_RuntimeError, "dictionary changed size during iteration");
  obj_decref(vm, it);
  /* Same size, different keys (no resize in between, as in CPython's own test). */
  obj_decref(vm, d);
  d = dict_new(vm);
  for (int i = 0; i < 4; i++) dict_setitem(vm, d, small_new(i), small_new(i));
  it = obj_iter(vm, d);
  x = obj_next(vm, it);
  obj_decref(vm, x);
  dict_delitem(vm, d, small_new(0));
  dict_setitem(vm, d, small_new(100), small_new(0));
  for (int i = 0; i < 3; i++) {   /* 1, 2, 3 */
    x = obj_next(vm, it);
    cr_assert_not_null(x);
    obj_decref(vm, x);
  }
  cr_assert_null(obj_next(vm, it));
  th_expect_exc(vm, &vm->exc_RuntimeError, "dictionary keys changed during iteration");
  obj_decref(vm, it);
  obj_decref(vm, d);
  vm_free(vm);
}

Test(dict, tracking_follows_cpython) {
  VM *vm = th_vm();
  Object *d = dict_new(vm);
  dict_setitem(vm, d, small_new(1), small_new(2));
  Object *s = str_from_cstr(vm, "x");
  dict_setitem(vm, d, s, s);
  Object *t = tuple_pack(vm, 1, small_new(1));
  gc_untrack(vm, t);
  dict_setitem(vm, d, small_new(3), t);
  cr_assert(!gc_is_tracked(d), "atomic contents keep a dict untracked");
  Object *l = list_new(vm, 0);
  dict_setitem(vm, d, small_new(4), l);
  cr_assert(gc_is_tracked(d), "a container value tracks the dict");
  Object *c = dict_copy(vm, d);
  cr_assert(gc_is_tracked(c));
  obj_decref(vm, c);
  obj_decref(vm, l);
  obj_decref(vm, t);
  obj_decref(vm, s);
  obj_decref(vm, d);
  vm_free(vm);
}

static void dict_round(VM *vm) {
  for (int k = 0; k < 20; k++) {
    Object *d = dict_new(vm);
    for (int i = 0; i < 500; i++) {
      Object *key = int_from_i64(vm, (INT64_C(1) << 62) + i);   /* boxed ints */
      Object *v = tuple_pack(vm, 1, small_new(i));
      dict_setitem(vm, d, key, v);
      obj_decref(vm, v);
      obj_decref(vm, key);
      dict_setitem(vm, d, small_new(i), small_new(i));
    }
    for (int i = 0; i < 500; i += 3) dict_delitem(vm, d, small_new(i));
    Object *c = dict_copy(vm, d);
    Object *items = dict_items_list(vm, c);
    Object *r = obj_repr(vm, items);
    Object *keys = th_call(vm, d, "keys", 0);
    Object *s = obj_binop(vm, keys, keys, BINOP_XOR);
    obj_decref(vm, s);
    obj_decref(vm, keys);
    obj_decref(vm, r);
    obj_decref(vm, items);
    obj_decref(vm, c);
    obj_decref(vm, d);
  }
}

Test(dict, heap_returns_to_baseline) {
  VM *vm = th_vm();
  dict_round(vm);
  tuple_clear_freelists(vm);
  size_t base = vm->heap.stats.bytes_in_use;
  dict_round(vm);
  tuple_clear_freelists(vm);
  cr_assert_eq(vm->heap.stats.bytes_in_use, base, "leaked %zd bytes",
               (ssize_t)(vm->heap.stats.bytes_in_use - base));
  vm_free(vm);
}
