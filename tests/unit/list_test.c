/* list: storage growth, sorting, slicing, errors and reference balance. */
#include "containers_helpers.h"

/* key=lambda t: t[0] */
static Object *key_first(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return obj_newref(TUPLE_ITEMS(args[0])[0]);
}
static const MethodDef key_first_def = {"key_first", key_first, METH_O, NULL};

/* A key function that appends to the list being sorted (vm->user_data). */
static Object *key_mutate(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  list_append(vm, vm->user_data, small_new(0));
  return obj_newref(args[0]);
}
static const MethodDef key_mutate_def = {"key_mutate", key_mutate, METH_O, NULL};

Test(list, growth_matches_cpython) {
  VM *vm = th_vm();
  /* sys.getsizeof pattern of CPython 3.11 for 40 appends, as allocated slots. */
  static const ssize_t exp[40] = {4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16,
                                  24, 24, 24, 24, 24, 24, 24, 24, 32, 32, 32, 32, 32, 32,
                                  32, 32, 40, 40, 40, 40, 40, 40, 40, 40};
  Object *l = list_new(vm, 0);
  for (int i = 0; i < 40; i++) {
    cr_assert_eq(list_append(vm, l, small_new(i)), 0);
    cr_assert_eq(((ListObject *)l)->allocated, exp[i], "after %d appends", i + 1);
  }
  obj_decref(vm, l);
  vm_free(vm);
}

Test(list, repr_and_recursion) {
  VM *vm = th_vm();
  Object *l = th_ints(vm, 3, 1, 2, 3);
  th_expect_repr(vm, l, "[1, 2, 3]");
  list_append(vm, l, l);
  th_expect_repr(vm, l, "[1, 2, 3, [...]]");
  cr_assert_eq(vm->repr_depth, 0);
  cr_assert_null(vm->repr_stack);
  Object *e = list_new(vm, 0);
  th_expect_repr(vm, e, "[]");
  obj_decref(vm, e);
  /* Break the cycle by hand so the list is freed. */
  obj_decref(vm, th_call(vm, l, "clear", 0));
  obj_decref(vm, l);
  vm_free(vm);
}

Test(list, sort_ints_and_reverse_stability) {
  VM *vm = th_vm();
  Object *l = th_ints(vm, 8, 5, -3, 9, 0, 5, 2, -3, 1);
  cr_assert_eq(list_sort(vm, l, NULL, false), 0);
  static const int64_t up[8] = {-3, -3, 0, 1, 2, 5, 5, 9};
  th_expect_ints(vm, l, up, 8);
  cr_assert_eq(list_sort(vm, l, NULL, true), 0);
  static const int64_t down[8] = {9, 5, 5, 2, 1, 0, -3, -3};
  th_expect_ints(vm, l, down, 8);
  obj_decref(vm, l);
  vm_free(vm);
}

Test(list, sort_large_random_and_presorted) {
  VM *vm = th_vm();
  Object *l = list_new(vm, 0);
  uint64_t x = 12345;
  for (int i = 0; i < 5000; i++) {
    x = x * 6364136223846793005u + 1442695040888963407u;
    list_append(vm, l, small_new((int64_t)(x >> 40) - (1 << 23)));
  }
  cr_assert_eq(list_sort(vm, l, NULL, false), 0);
  for (ssize_t i = 1; i < LIST_SIZE(l); i++)
    cr_assert_leq(small_value(LIST_ITEMS(l)[i - 1]), small_value(LIST_ITEMS(l)[i]));
  cr_assert_eq(list_sort(vm, l, NULL, false), 0);   /* sorted input */
  cr_assert_eq(list_sort(vm, l, NULL, true), 0);    /* reversed */
  for (ssize_t i = 1; i < LIST_SIZE(l); i++)
    cr_assert_geq(small_value(LIST_ITEMS(l)[i - 1]), small_value(LIST_ITEMS(l)[i]));
  obj_decref(vm, l);
  vm_free(vm);
}

Test(list, sort_with_key_is_stable) {
  VM *vm = th_vm();
  /* (key, original position) pairs; equal keys must keep their order. */
  static const int keys[12] = {3, 1, 2, 3, 1, 2, 3, 1, 2, 0, 0, 3};
  Object *l = list_new(vm, 0);
  for (int i = 0; i < 12; i++) {
    Object *t = tuple_pack(vm, 2, small_new(keys[i]), small_new(i));
    list_append(vm, l, t);
    obj_decref(vm, t);
  }
  Object *key = builtin_new(vm, &key_first_def, NULL);
  cr_assert_eq(list_sort(vm, l, key, false), 0);
  th_expect_repr(vm, l,
                 "[(0, 9), (0, 10), (1, 1), (1, 4), (1, 7), (2, 2), (2, 5), (2, 8), (3, 0), "
                 "(3, 3), (3, 6), (3, 11)]");
  cr_assert_eq(list_sort(vm, l, key, true), 0);
  th_expect_repr(vm, l,
                 "[(3, 0), (3, 3), (3, 6), (3, 11), (2, 2), (2, 5), (2, 8), (1, 1), (1, 4), "
                 "(1, 7), (0, 9), (0, 10)]");
  obj_decref(vm, key);
  obj_decref(vm, l);
  vm_free(vm);
}

Test(list, sort_strings_bytewise) {
  VM *vm = th_vm();
  const char *words[] = {"pear", "apple", "\xc3\xa9t\xc3\xa9", "app", "zebra", "Apple", ""};
  Object *l = list_new(vm, 0);
  for (int i = 0; i < 7; i++) {
    Object *s = str_from_cstr(vm, words[i]);
    list_append(vm, l, s);
    obj_decref(vm, s);
  }
  cr_assert_eq(list_sort(vm, l, NULL, false), 0);
  th_expect_repr(vm, l, "['', 'Apple', 'app', 'apple', 'pear', 'zebra', '\xc3\xa9t\xc3\xa9']");
  obj_decref(vm, l);
  vm_free(vm);
}

Test(list, sort_detects_mutation) {
  VM *vm = th_vm();
  Object *l = th_ints(vm, 3, 3, 2, 1);
  vm->user_data = l;
  Object *key = builtin_new(vm, &key_mutate_def, NULL);
  cr_assert_eq(list_sort(vm, l, key, false), -1);
  th_expect_exc(vm, &vm->exc_ValueError, "list modified during sort");
  static const int64_t sorted[3] = {1, 2, 3};   /* CPython keeps the sorted items */
  th_expect_ints(vm, l, sorted, 3);
  obj_decref(vm, key);
  obj_decref(vm, l);
  vm_free(vm);
}

Test(list, sort_type_error_keeps_items) {
  VM *vm = th_vm();
  Object *l = th_ints(vm, 2, 2, 1);
  Object *s = str_from_cstr(vm, "x");
  list_append(vm, l, s);
  obj_decref(vm, s);
  cr_assert_eq(list_sort(vm, l, NULL, false), -1);
  th_expect_exc(vm, &vm->exc_TypeError, "'<' not supported between instances of 'str' and 'int'");
  cr_assert_eq(LIST_SIZE(l), 3);
  obj_decref(vm, l);
  vm_free(vm);
}

static void set_slice(VM *vm, Object *l, Object *start, Object *stop, Object *step, Object *v) {
  Object *sl = slice_new(vm, start, stop, step);
  th_ok(vm, obj_setitem(vm, l, sl, v));
  obj_decref(vm, sl);
}

Test(list, slice_assignment) {
  VM *vm = th_vm();
  Object *l = th_ints(vm, 5, 0, 1, 2, 3, 4);
  Object *v = th_ints(vm, 3, 7, 8, 9);
  set_slice(vm, l, small_new(1), small_new(2), NULL, v);   /* grow */
  th_expect_repr(vm, l, "[0, 7, 8, 9, 2, 3, 4]");
  Object *e = list_new(vm, 0);
  set_slice(vm, l, small_new(1), small_new(4), NULL, e);   /* shrink */
  th_expect_repr(vm, l, "[0, 2, 3, 4]");
  set_slice(vm, l, NULL, NULL, NULL, l);                   /* a[:] = a */
  th_expect_repr(vm, l, "[0, 2, 3, 4]");
  set_slice(vm, l, small_new(100), NULL, NULL, v);         /* past the end appends */
  th_expect_repr(vm, l, "[0, 2, 3, 4, 7, 8, 9]");
  set_slice(vm, l, NULL, NULL, small_new(-3), v);          /* extended, reversed */
  th_expect_repr(vm, l, "[9, 2, 3, 8, 7, 8, 7]");
  Object *sl = slice_new(vm, NULL, NULL, small_new(2));
  cr_assert_eq(obj_setitem(vm, l, sl, e), -1);
  th_expect_exc(vm, &vm->exc_ValueError,
                "attempt to assign sequence of size 0 to extended slice of size 4");
  cr_assert_eq(obj_delitem(vm, l, sl), 0);                 /* del a[::2] */
  th_expect_repr(vm, l, "[2, 8, 8]");
  cr_assert_eq(obj_setitem(vm, l, sl, small_new(5)), -1);
  th_expect_exc(vm, &vm->exc_TypeError, "must assign iterable to extended slice");
  obj_decref(vm, sl);
  sl = slice_new(vm, small_new(0), small_new(1), NULL);
  cr_assert_eq(obj_setitem(vm, l, sl, small_new(5)), -1);
  th_expect_exc(vm, &vm->exc_TypeError, "can only assign an iterable");
  obj_decref(vm, sl);
  sl = slice_new(vm, small_new(-1), NULL, small_new(-1));
  Object *r = obj_getitem(vm, l, sl);
  th_expect_repr(vm, r, "[8, 8, 2]");
  obj_decref(vm, r);
  obj_decref(vm, sl);
  obj_decref(vm, e);
  obj_decref(vm, v);
  obj_decref(vm, l);
  vm_free(vm);
}

Test(list, index_errors_and_methods) {
  VM *vm = th_vm();
  Object *l = th_ints(vm, 4, 1, 2, 3, 2);
  cr_assert_null(obj_getitem(vm, l, small_new(4)));
  th_expect_exc(vm, &vm->exc_IndexError, "list index out of range");
  cr_assert_eq(obj_setitem(vm, l, small_new(-5), small_new(0)), -1);
  th_expect_exc(vm, &vm->exc_IndexError, "list assignment index out of range");
  Object *r = th_call(vm, l, "index", 2, small_new(2), small_new(2));
  cr_assert_eq(th_int(vm, r), 3);
  obj_decref(vm, r);
  cr_assert_null(th_call(vm, l, "index", 1, small_new(7)));
  th_expect_exc(vm, &vm->exc_ValueError, "7 is not in list");
  r = th_call(vm, l, "count", 1, small_new(2));
  cr_assert_eq(th_int(vm, r), 2);
  obj_decref(vm, r);
  cr_assert_null(th_call(vm, l, "remove", 1, small_new(9)));
  th_expect_exc(vm, &vm->exc_ValueError, "list.remove(x): x not in list");
  r = th_call(vm, l, "pop", 1, small_new(0));
  cr_assert_eq(th_int(vm, r), 1);
  obj_decref(vm, r);
  cr_assert_null(th_call(vm, l, "pop", 1, small_new(9)));
  th_expect_exc(vm, &vm->exc_IndexError, "pop index out of range");
  r = th_call(vm, l, "insert", 2, small_new(-100), small_new(0));
  obj_decref(vm, r);
  th_expect_repr(vm, l, "[0, 2, 3, 2]");
  r = th_call(vm, l, "reverse", 0);
  obj_decref(vm, r);
  th_expect_repr(vm, l, "[2, 3, 2, 0]");
  Object *e = list_new(vm, 0);
  cr_assert_null(th_call(vm, e, "pop", 0));
  th_expect_exc(vm, &vm->exc_IndexError, "pop from empty list");
  cr_assert_null(th_call(vm, e, "sort", 1, small_new(1)));
  th_expect_exc(vm, &vm->exc_TypeError, "sort() takes no positional arguments");
  obj_decref(vm, e);
  obj_decref(vm, l);
  vm_free(vm);
}

Test(list, operators_and_compare) {
  VM *vm = th_vm();
  Object *a = th_ints(vm, 2, 1, 2), *b = th_ints(vm, 2, 1, 3);
  Object *c = obj_binop(vm, a, b, BINOP_ADD);
  th_expect_repr(vm, c, "[1, 2, 1, 3]");
  Object *d = obj_binop(vm, small_new(2), a, BINOP_MUL);
  th_expect_repr(vm, d, "[1, 2, 1, 2]");
  cr_assert_eq(obj_richcompare_bool(vm, a, b, CMP_LT), 1);
  cr_assert_eq(obj_richcompare_bool(vm, d, a, CMP_GT), 1);
  cr_assert_eq(obj_richcompare_bool(vm, d, c, CMP_EQ), 0);
  Object *r = obj_binop(vm, a, b, BINOP_ADD | BINOP_INPLACE);
  cr_assert_eq(r, a);
  obj_decref(vm, r);
  r = obj_binop(vm, a, small_new(2), BINOP_MUL | BINOP_INPLACE);
  th_expect_repr(vm, a, "[1, 2, 1, 3, 1, 2, 1, 3]");
  obj_decref(vm, r);
  cr_assert_eq(obj_contains(vm, a, small_new(3)), 1);
  cr_assert_eq(obj_contains(vm, a, small_new(4)), 0);
  Object *t = tuple_pack(vm, 1, small_new(1));
  cr_assert_null(obj_binop(vm, b, t, BINOP_ADD));
  th_expect_exc(vm, &vm->exc_TypeError, "can only concatenate list (not \"tuple\") to list");
  obj_decref(vm, t);
  cr_assert_eq(obj_hash(vm, a), -1);
  th_expect_exc(vm, &vm->exc_TypeError, "unhashable type: 'list'");
  obj_decref(vm, a);
  obj_decref(vm, b);
  obj_decref(vm, c);
  obj_decref(vm, d);
  vm_free(vm);
}

Test(list, iterators) {
  VM *vm = th_vm();
  Object *l = th_ints(vm, 3, 1, 2, 3);
  Object *rev = th_call(vm, l, "__reversed__", 0);
  static const int64_t back[3] = {3, 2, 1};
  th_expect_ints(vm, rev, back, 3);
  obj_decref(vm, rev);
  Object *it = obj_iter(vm, l);
  Object *x = obj_next(vm, it);
  obj_decref(vm, x);
  list_append(vm, l, small_new(4));   /* iterators see appends */
  static const int64_t rest[3] = {2, 3, 4};
  th_expect_ints(vm, it, rest, 3);
  obj_decref(vm, it);
  obj_decref(vm, l);
  vm_free(vm);
}

static void list_round(VM *vm) {
  for (int k = 0; k < 50; k++) {
    Object *l = list_new(vm, 0);
    for (int i = 0; i < 300; i++) list_append(vm, l, small_new(i * 7 % 13));
    Object *t = list_as_tuple(vm, l);
    Object *l2 = list_from_iterable(vm, t);
    list_sort(vm, l2, NULL, true);
    Object *sl = slice_new(vm, small_new(5), small_new(200), small_new(3));
    Object *part = obj_getitem(vm, l2, sl);
    obj_delitem(vm, l, sl);
    Object *r = obj_repr(vm, part);
    list_append(vm, l, l2);
    obj_decref(vm, r);
    obj_decref(vm, part);
    obj_decref(vm, sl);
    obj_decref(vm, l2);
    obj_decref(vm, t);
    obj_decref(vm, l);
  }
}

Test(list, heap_returns_to_baseline) {
  VM *vm = th_vm();
  list_round(vm);   /* warm up caches and the collector's table */
  tuple_clear_freelists(vm);
  size_t base = vm->heap.stats.bytes_in_use;
  list_round(vm);
  tuple_clear_freelists(vm);
  cr_assert_eq(vm->heap.stats.bytes_in_use, base, "leaked %zd bytes",
               (ssize_t)(vm->heap.stats.bytes_in_use - base));
  vm_free(vm);
}
