/* Helpers shared by the number unit tests (int, float). Expected values were computed
   with CPython 3.11 and hard-coded. Every test creates its own VM and frees it, so
   vm_free's leak check also checks the reference counts of what the test did. */
#ifndef KITE_TESTS_NUM_HELPERS_H
#define KITE_TESTS_NUM_HELPERS_H

#include <criterion/criterion.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/vm.h"

static inline VM *nh_vm(void) {
  VM *vm = vm_new(NULL);
  cr_assert_not_null(vm, "vm_new failed");
  return vm;
}

/* New reference: the number written in text: a float if it has '.', 'e', "inf" or
   "nan", else an int (decimal, or with a 0x/0o/0b prefix). */
static inline Object *nh_num(VM *vm, const char *text) {
  const char *digits = text + (text[0] == '-');
  bool prefixed = digits[0] == '0' && digits[1] && strchr("xXoObB", digits[1]);
  if (!prefixed && strpbrk(text, ".eni")) {
    Object *s = str_from_cstr(vm, text);
    double d = 0;
    cr_assert_eq(float_from_string(vm, s, &d), 0, "bad float text %s", text);
    obj_decref(vm, s);
    return float_new(vm, d);
  }
  Object *r = int_from_string(vm, text, strlen(text), 0);
  cr_assert_not_null(r, "bad int text %s", text);
  return r;
}

/* What a result looks like: its repr, or "Type: message" for a pending exception.
   Steals r. The text lives in buf. */
static inline const char *nh_show(VM *vm, Object *r, char *buf, size_t cap) {
  if (r) {
    Object *s = obj_repr(vm, r);
    obj_decref(vm, r);
    cr_assert_not_null(s);
    snprintf(buf, cap, "%s", str_utf8(s));
    obj_decref(vm, s);
    return buf;
  }
  Object *e = exc_fetch(vm);
  cr_assert_not_null(e, "NULL result without an exception");
  Object *m = obj_str(vm, e);
  snprintf(buf, cap, "%s: %s", type_name(obj_type(vm, e)), m ? str_utf8(m) : "?");
  obj_xdecref(vm, m);
  obj_decref(vm, e);
  return buf;
}

static inline void nh_expect(VM *vm, Object *r, const char *expected) {
  char buf[4096];
  const char *got = nh_show(vm, r, buf, sizeof buf);
  cr_expect_str_eq(got, expected, "got %s, expected %s", got, expected);
}

/* a op b through the generic dispatcher (obj_binop). */
static inline void nh_binop(VM *vm, const char *a, int op, const char *b, const char *expected) {
  Object *x = nh_num(vm, a), *y = nh_num(vm, b);
  Object *r = obj_binop(vm, x, y, op);
  char buf[4096];
  const char *got = nh_show(vm, r, buf, sizeof buf);
  cr_expect_str_eq(got, expected, "%s op%d %s: got %s, expected %s", a, op, b, got, expected);
  obj_decref(vm, x);
  obj_decref(vm, y);
}

static inline void nh_compare(VM *vm, const char *a, int op, const char *b, bool expected) {
  Object *x = nh_num(vm, a), *y = nh_num(vm, b);
  int r = obj_richcompare_bool(vm, x, y, op);
  cr_expect_eq(r, expected, "%s cmp%d %s: got %d", a, op, b, r);
  obj_decref(vm, x);
  obj_decref(vm, y);
}

static inline void nh_hash(VM *vm, const char *a, int64_t expected) {
  Object *x = nh_num(vm, a);
  int64_t h = obj_hash(vm, x);
  cr_expect_eq(h, expected, "hash(%s) = %lld, expected %lld", a, (long long)h,
               (long long)expected);
  obj_decref(vm, x);
}

#endif
