/* type: class creation through type(name, bases, dict), C3 MRO, inline attribute
   values and their materialization into a dict, __slots__ layout sizes. */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/vm.h"

/* New reference: type(name, bases, ns). */
static Object *make_class(VM *vm, const char *name, Object *bases, Object *ns) {
  Object *n = str_from_cstr(vm, name);
  Object *args[3] = {n, bases, ns};
  Object *c = obj_call(vm, (Object *)&vm->type_type, args, 3, NULL);
  obj_decref(vm, n);
  return c;
}

Test(type, c3_mro_diamond) {
  VM *vm = vm_new(NULL);
  Object *ns = dict_new(vm);
  Object *a = make_class(vm, "A", vm->empty_tuple, ns);
  Object *ba = tuple_pack(vm, 1, a);
  Object *b = make_class(vm, "B", ba, ns), *c = make_class(vm, "C", ba, ns);
  Object *bc = tuple_pack(vm, 2, b, c);
  Object *d = make_class(vm, "D", bc, ns);
  cr_assert(d);
  Object *mro = ((TypeObject *)d)->tp_mro;
  cr_assert_eq(TUPLE_SIZE(mro), 5);
  Object *want[] = {d, b, c, a, (Object *)&vm->object_type};
  for (int i = 0; i < 5; i++) cr_assert_eq(TUPLE_ITEMS(mro)[i], want[i]);
  cr_assert(type_is_subtype((TypeObject *)d, (TypeObject *)a));
  cr_assert(!type_is_subtype((TypeObject *)a, (TypeObject *)d));
  /* (A, B) with B a subclass of A cannot be linearised */
  Object *ab = tuple_pack(vm, 2, a, b);
  cr_assert_null(make_class(vm, "E", ab, ns));
  cr_assert(exc_matches(vm, &vm->exc_TypeError));
  exc_clear(vm);
  Object *objs[] = {ab, d, bc, c, b, ba, a, ns};
  for (size_t i = 0; i < sizeof objs / sizeof *objs; i++) obj_decref(vm, objs[i]);
  vm_free(vm);
}

Test(type, inline_values_then_dict) {
  VM *vm = vm_new(NULL);
  Object *ns = dict_new(vm);
  Object *cls = make_class(vm, "P", vm->empty_tuple, ns);
  Object *o = obj_call(vm, cls, NULL, 0, NULL);
  Object *x = str_intern_cstr(vm, "x"), *y = str_intern_cstr(vm, "y");
  cr_assert_eq(obj_setattr(vm, o, y, small_new(2)), 0);
  cr_assert_eq(obj_setattr(vm, o, x, small_new(1)), 0);
  cr_assert_eq(type_inline_get(vm, o, x), small_new(1));
  /* the dict pointer stays empty until asked for */
  cr_assert_null(*(Object **)((char *)o + ((TypeObject *)cls)->tp_dictoffset));
  Object *d = type_instance_dict(vm, o);
  cr_assert(d);
  cr_assert_eq(dict_size(d), 2);
  Object *keys = dict_keys_list(vm, d);   /* insertion order kept: y, x */
  Object *r = obj_repr(vm, keys);
  cr_assert_str_eq(str_utf8(r), "['y', 'x']");
  cr_assert_null(type_inline_get(vm, o, x));   /* values moved out */
  cr_assert_eq(obj_setattr(vm, o, x, NULL), 0);
  cr_assert_eq(dict_size(d), 1);
  Object *objs[] = {r, keys, x, y, o, cls, ns};
  for (size_t i = 0; i < sizeof objs / sizeof *objs; i++) obj_decref(vm, objs[i]);
  vm_free(vm);
}

Test(type, slots_layout) {
  VM *vm = vm_new(NULL);
  Object *ns = dict_new(vm);
  Object *slots = tuple_pack(vm, 2, str_intern_cstr(vm, "a"), str_intern_cstr(vm, "b"));
  obj_decref(vm, TUPLE_ITEMS(slots)[0]);   /* tuple_pack took its own references */
  obj_decref(vm, TUPLE_ITEMS(slots)[1]);
  dict_setitem_cstr(vm, ns, "__slots__", slots);
  Object *cls = make_class(vm, "S", vm->empty_tuple, ns);
  cr_assert(cls);
  cr_assert_eq(((TypeObject *)cls)->tp_basicsize, sizeof(Object) + 2 * sizeof(Object *));
  cr_assert_eq(((TypeObject *)cls)->tp_dictoffset, 0);
  Object *objs[] = {cls, slots, ns};
  for (size_t i = 0; i < sizeof objs / sizeof *objs; i++) obj_decref(vm, objs[i]);
  vm_free(vm);
}
