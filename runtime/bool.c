/*
 * bool: the int subclass with exactly two instances, True and False.
 *
 * Both are immortal boxed IntObjects (True: one digit 1; False: no digits) created once
 * per VM by bool_create_singletons, so every int routine accepts them through its View.
 * bool overrides only repr, construction and the bitwise operators (True & True is a
 * bool); everything else is int's, and returns plain ints. bool cannot be subclassed
 * (no TYPE_FLAG_BASETYPE).
 */
#include "runtime/int.h"

#include "runtime/exc.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static Object *bool_repr(VM *vm, Object *self) {
  return str_from_cstr(vm, self == vm->true_obj ? "True" : "False");
}

static Object *bool_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                        Object *kwnames) {
  if (arg_no_kw(vm, "bool", kwnames) < 0 || arg_count(vm, "bool", nargs, 0, 1) < 0)
    return NULL;
  if (nargs == 0) return vm_bool(vm, false);
  int t = obj_is_true(vm, args[0]);
  return t < 0 ? NULL : vm_bool(vm, t);
}

/* & | ^ of two bools stay bools; every other case is int's arithmetic. */
static Object *bool_binop(VM *vm, Object *a, Object *b, int op) {
  int base = op & ~BINOP_INPLACE;
  if (BOOL_CHECK(vm, a) && BOOL_CHECK(vm, b) &&
      (base == BINOP_AND || base == BINOP_OR || base == BINOP_XOR)) {
    bool x = a == vm->true_obj, y = b == vm->true_obj;
    return vm_bool(vm, base == BINOP_AND ? x & y : base == BINOP_OR ? x | y : x ^ y);
  }
  return vm->int_type.tp_binop(vm, a, b, op);
}

void bool_type_init(VM *vm) {
  TypeObject *t = &vm->bool_type;
  type_init_builtin(vm, t, "bool", &vm->int_type, offsetof(IntObject, digits),
                    sizeof(uint32_t), TYPE_FLAG_INT_SUBCLASS);
  t->tp_new = bool_new;
  t->tp_repr = bool_repr;
  t->tp_binop = bool_binop;
  t->tp_binop_mask = vm->int_type.tp_binop_mask;
  t->tp_doc = "bool(x) -> bool";
}

static Object *make_immortal(VM *vm, int digits) {
  IntObject *o = (IntObject *)obj_alloc(vm, &vm->bool_type, digits);
  if (!o) return NULL;
  if (digits) o->digits[0] = 1;
  o->ob.ob_base.ob_refcnt = OBJ_IMMORTAL_INIT;
  o->ob.ob_base.ob_gc |= OBJ_GC_IMMORTAL;
  return (Object *)o;
}

int bool_create_singletons(VM *vm) {
  if (!(vm->true_obj = make_immortal(vm, 1))) return -1;
  if (!(vm->false_obj = make_immortal(vm, 0))) return -1;
  return 0;
}
