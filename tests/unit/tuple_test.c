/* tuple: hash compatibility, repr, slicing, free lists and untracking. */
#include "containers_helpers.h"

#include "runtime/float.h"

Test(tuple, hash_matches_cpython) {
  VM *vm = th_vm();
  Object *t12 = tuple_pack(vm, 2, small_new(1), small_new(2));
  cr_assert_eq(obj_hash(vm, t12), INT64_C(-3550055125485641917));
  cr_assert_eq(obj_hash(vm, vm->empty_tuple), INT64_C(5740354900026072187));
  Object *t1 = tuple_pack(vm, 1, small_new(1));
  cr_assert_eq(obj_hash(vm, t1), INT64_C(-6644214454873602895));
  Object *t34 = tuple_pack(vm, 2, small_new(3), small_new(4));
  Object *nested = tuple_pack(vm, 2, t12, t34);
  cr_assert_eq(obj_hash(vm, nested), INT64_C(-1467267874458550984));
  Object *big = int_from_i64(vm, INT64_C(1) << 61);
  Object *neg = tuple_pack(vm, 3, small_new(-1), small_new(-2), big);
  cr_assert_eq(obj_hash(vm, neg), INT64_C(-2409534002284234451));
  Object *f = float_new(vm, 1.5);
  Object *tf = tuple_pack(vm, 2, f, small_new(2));
  cr_assert_eq(obj_hash(vm, tf), INT64_C(8274728468405361693));
  Object *l = list_new(vm, 0);
  Object *tl = tuple_pack(vm, 1, l);
  cr_assert_eq(obj_hash(vm, tl), -1);
  th_expect_exc(vm, &vm->exc_TypeError, "unhashable type: 'list'");
  Object *objs[] = {t12, t1, t34, nested, big, neg, f, tf, l, tl};
  for (size_t i = 0; i < sizeof objs / sizeof *objs; i++) obj_decref(vm, objs[i]);
  vm_free(vm);
}

Test(tuple, repr) {
  VM *vm = th_vm();
  th_expect_repr(vm, vm->empty_tuple, "()");
  Object *t1 = tuple_pack(vm, 1, small_new(1));
  th_expect_repr(vm, t1, "(1,)");
  Object *t = tuple_pack(vm, 3, small_new(1), t1, vm->empty_tuple);
  th_expect_repr(vm, t, "(1, (1,), ())");
  obj_decref(vm, t);
  obj_decref(vm, t1);
  vm_free(vm);
}

Test(tuple, slicing_and_index) {
  VM *vm = th_vm();
  Object *l = th_ints(vm, 5, 0, 1, 2, 3, 4);
  Object *t = list_as_tuple(vm, l);
  Object *sl = slice_new(vm, NULL, NULL, small_new(-2));
  Object *r = obj_getitem(vm, t, sl);
  th_expect_repr(vm, r, "(4, 2, 0)");
  obj_decref(vm, r);
  obj_decref(vm, sl);
  sl = slice_new(vm, NULL, NULL, NULL);
  r = obj_getitem(vm, t, sl);
  cr_assert_eq(r, t, "t[:] is t");
  obj_decref(vm, r);
  obj_decref(vm, sl);
  r = obj_getitem(vm, t, small_new(-1));
  cr_assert_eq(th_int(vm, r), 4);
  cr_assert_null(obj_getitem(vm, t, small_new(5)));
  th_expect_exc(vm, &vm->exc_IndexError, "tuple index out of range");
  cr_assert_null(th_call(vm, t, "index", 1, small_new(9)));
  th_expect_exc(vm, &vm->exc_ValueError, "tuple.index(x): x not in tuple");
  Object *c = th_call(vm, t, "count", 1, small_new(3));
  cr_assert_eq(th_int(vm, c), 1);
  Object *sum = obj_binop(vm, t, t, BINOP_ADD);
  cr_assert_eq(TUPLE_SIZE(sum), 10);
  Object *rep = obj_binop(vm, t, small_new(0), BINOP_MUL);
  cr_assert_eq(rep, vm->empty_tuple);
  cr_assert_eq(obj_richcompare_bool(vm, t, sum, CMP_LT), 1);
  obj_decref(vm, rep);
  obj_decref(vm, sum);
  obj_decref(vm, c);
  obj_decref(vm, t);
  obj_decref(vm, l);
  vm_free(vm);
}

Test(tuple, freelist_reuse_and_finish) {
  VM *vm = th_vm();
  tuple_clear_freelists(vm);
  size_t base = vm->heap.stats.bytes_in_use;
  Object *a = tuple_pack(vm, 3, small_new(1), small_new(2), small_new(3));
  obj_decref(vm, a);
  cr_assert_eq(vm->tuple_freelist_len[3], 1);
  Object *b = tuple_pack(vm, 3, small_new(4), small_new(5), small_new(6));
  cr_assert_eq(b, a, "a freed 3-tuple is reused");
  cr_assert_eq(vm->tuple_freelist_len[3], 0);
  th_expect_repr(vm, b, "(4, 5, 6)");
  obj_decref(vm, b);
  tuple_clear_freelists(vm);
  cr_assert_eq(vm->heap.stats.bytes_in_use, base);
  vm_free(vm);
}

Test(tuple, untrack_test) {
  VM *vm = th_vm();
  Object *atomic = tuple_pack(vm, 2, small_new(1), vm->empty_tuple);
  cr_assert(gc_is_tracked(atomic), "tuples are tracked when created");
  cr_assert(tuple_maybe_untrack_ok(vm, atomic));
  Object *l = list_new(vm, 0);
  Object *holder = tuple_pack(vm, 1, l);
  cr_assert(!tuple_maybe_untrack_ok(vm, holder));
  Object *nested = tuple_pack(vm, 1, atomic);   /* atomic is still tracked */
  cr_assert(!tuple_maybe_untrack_ok(vm, nested));
  gc_untrack(vm, atomic);
  cr_assert(tuple_maybe_untrack_ok(vm, nested));
  obj_decref(vm, nested);
  obj_decref(vm, holder);
  obj_decref(vm, l);
  obj_decref(vm, atomic);
  vm_free(vm);
}
