/* Helpers shared by the str and format unit tests: build objects from the Val
   initializers the case generators write (tests/unit/str_cases_gen.py, format_cases_gen.py), and describe an
   outcome as CPython's repr of the result or "!Type: message". */
#ifndef KITE_TESTS_STR_HELPERS_H
#define KITE_TESTS_STR_HELPERS_H

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/vm.h"

typedef struct Val {
  char kind;   /* n None, b bool, i int, I big int (decimal in s), f float, s str, t tuple, l list */
  const char *s;
  size_t n;    /* bytes of s, or items of a sequence */
  int64_t i;
  double f;
  const struct Val *items;
} Val;

static inline VM *sh_vm(void) {
  VM *vm = vm_new(NULL);
  cr_assert_not_null(vm, "vm_new failed");
  return vm;
}

/* New reference: the object a Val describes. */
static inline Object *sh_make(VM *vm, const Val *v) {
  switch (v->kind) {
  case 'n': return vm_none(vm);
  case 'b': return vm_bool(vm, v->i != 0);
  case 'i': return int_from_i64(vm, v->i);
  case 'I': return int_from_string(vm, v->s, strlen(v->s), 10);
  case 'f': return float_new(vm, v->f);
  case 's': return str_new(vm, v->s, v->n);
  default: {
    Object *l = list_new(vm, 0);
    for (size_t k = 0; k < v->n; k++) {
      Object *x = sh_make(vm, &v->items[k]);
      list_append(vm, l, x);
      obj_decref(vm, x);
    }
    if (v->kind == 'l') return l;
    Object *t = list_as_tuple(vm, l);
    obj_decref(vm, l);
    return t;
  }
  }
}

/* Write the outcome of a call (res, stolen; NULL = the pending exception) into buf. */
static inline const char *sh_outcome(VM *vm, Object *res, char *buf, size_t cap) {
  if (res) {
    Object *r = obj_repr(vm, res);
    obj_decref(vm, res);
    if (!r) return sh_outcome(vm, NULL, buf, cap);
    snprintf(buf, cap, "%s", str_utf8(r));
    obj_decref(vm, r);
    return buf;
  }
  Object *exc = exc_fetch(vm);
  if (!exc) {
    snprintf(buf, cap, "!NULL without exception");
    return buf;
  }
  Object *msg = obj_str(vm, exc);
  snprintf(buf, cap, "!%s: %s", type_name(obj_type(vm, exc)), msg ? str_utf8(msg) : "?");
  obj_xdecref(vm, msg);
  obj_decref(vm, exc);
  return buf;
}

/* Compare and report; returns 1 on mismatch. */
static inline int sh_check(const char *what, const char *got, const char *want) {
  if (strcmp(got, want) == 0) return 0;
  fprintf(stderr, "MISMATCH %s\n   got: %s\n  want: %s\n", what, got, want);
  return 1;
}

#endif
