/* Helpers shared by the container unit tests (list, tuple, dict, set). */
#ifndef KITE_TESTS_CONTAINERS_HELPERS_H
#define KITE_TESTS_CONTAINERS_HELPERS_H

#include <criterion/criterion.h>
#include <stdarg.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/vm.h"

static inline VM *th_vm(void) {
  VM *vm = vm_new(NULL);
  cr_assert_not_null(vm, "vm_new failed");
  return vm;
}

/* New reference: [v0, v1, ...] of n immediates. */
static inline Object *th_ints(VM *vm, int n, ...) {
  Object *l = list_new(vm, 0);
  va_list ap;
  va_start(ap, n);
  for (int i = 0; i < n; i++) list_append(vm, l, small_new(va_arg(ap, int)));
  va_end(ap);
  return l;
}

/* Assert that iterating o yields exactly the ints exp[0..n). */
static inline void th_expect_ints(VM *vm, Object *o, const int64_t *exp, ssize_t n) {
  Object *l = list_from_iterable(vm, o);
  cr_assert_not_null(l);
  cr_assert_eq(LIST_SIZE(l), n, "length %zd, expected %zd", LIST_SIZE(l), n);
  for (ssize_t i = 0; i < n; i++) {
    int64_t v;
    cr_assert_eq(int_as_i64(vm, LIST_ITEMS(l)[i], &v), 0);
    cr_assert_eq(v, exp[i], "item %zd is %lld, expected %lld", i, (long long)v,
                 (long long)exp[i]);
  }
  obj_decref(vm, l);
}

/* Assert repr(o) == exp. */
static inline void th_expect_repr(VM *vm, Object *o, const char *exp) {
  Object *r = obj_repr(vm, o);
  cr_assert_not_null(r, "repr raised");
  cr_assert_str_eq(str_utf8(r), exp);
  obj_decref(vm, r);
}

/* Assert an exception of type t with message msg is pending, and clear it. */
static inline void th_expect_exc(VM *vm, TypeObject *t, const char *msg) {
  cr_assert(exc_occurred(vm), "no exception raised");
  cr_assert(exc_matches(vm, t), "wrong exception type");
  Object *e = exc_fetch(vm);
  Object *s = obj_str(vm, e);
  cr_assert_not_null(s);
  cr_assert_str_eq(str_utf8(s), msg);
  obj_decref(vm, s);
  obj_decref(vm, e);
}

/* New reference: the result of calling method name on o. */
static inline Object *th_call(VM *vm, Object *o, const char *name, int nargs, ...) {
  Object *args[4];
  va_list ap;
  va_start(ap, nargs);
  for (int i = 0; i < nargs; i++) args[i] = va_arg(ap, Object *);
  va_end(ap);
  return obj_call_method(vm, o, name, args, (size_t)nargs);
}

/* Assert rc == 0, reporting the pending exception otherwise. */
static inline void th_ok(VM *vm, int rc) {
  if (rc == 0) return;
  Object *e = exc_fetch(vm);
  Object *r = e ? obj_repr(vm, e) : NULL;
  cr_assert_fail("failed with %s", r ? str_utf8(r) : "no exception");
}

static inline int64_t th_int(VM *vm, Object *o) {
  int64_t v = 0;
  cr_assert_eq(int_as_i64(vm, o, &v), 0);
  return v;
}

#endif
