/*
 * func: function, cell and bound-method objects. Calls go to vm/exec.c.
 */
#include "runtime/func.h"

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/exec.h"

/* ---- function ---------------------------------------------------------------- */

Object *func_new(VM *vm, Object *code, Object *globals) {
  CodeObject *co = (CodeObject *)code;
  FunctionObject *f = (FunctionObject *)obj_alloc(vm, &vm->function_type, 0);
  if (!f) return NULL;
  f->code = obj_newref(code);
  f->globals = obj_newref(globals);
  f->builtins = obj_newref(vm->builtins);
  f->name = obj_newref(co->name);
  f->qualname = obj_newref(co->qualname);
  Object *doc = NULL;
  if ((co->flags & CO_OPTIMIZED) && TUPLE_SIZE(co->consts) > 0) {
    Object *c0 = TUPLE_ITEMS(co->consts)[0];
    if (STR_CHECK_EXACT(vm, c0) && !str_eq_cstr(co->name, "<lambda>")) doc = c0;
  }
  f->doc = obj_newref(doc ? doc : VM_NONE(vm));
  Object *mod = dict_getitem_str(vm, globals, vm->id.__name__);
  f->module = obj_xnewref(mod);
  gc_track(vm, (Object *)f);
  return (Object *)f;
}

const char *func_display_name(Object *func) { return str_utf8(((FunctionObject *)func)->qualname); }

Object *func_vectorcall(VM *vm, Object *func, Object *const *args, size_t nargs, Object *kwnames) {
  return exec_call_function(vm, func, args, nargs, kwnames);
}

static int func_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  FunctionObject *f = (FunctionObject *)self;
  Object *fields[] = {f->code, f->globals, f->builtins, f->name, f->qualname, f->defaults,
                      f->kwdefaults, f->closure, f->doc, f->dict, f->module, f->annotations};
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
    if (fields[i] && !obj_is_small(fields[i])) {
      int r = visit(vm, fields[i], arg);
      if (r) return r;
    }
  return 0;
}

static int func_clear(VM *vm, Object *self) {
  FunctionObject *f = (FunctionObject *)self;
  OBJ_CLEAR(vm, f->defaults);
  OBJ_CLEAR(vm, f->kwdefaults);
  OBJ_CLEAR(vm, f->closure);
  OBJ_CLEAR(vm, f->doc);
  OBJ_CLEAR(vm, f->dict);
  OBJ_CLEAR(vm, f->module);
  OBJ_CLEAR(vm, f->annotations);
  OBJ_CLEAR(vm, f->globals);
  OBJ_CLEAR(vm, f->builtins);
  return 0;
}

static void func_dealloc(VM *vm, Object *self) {
  FunctionObject *f = (FunctionObject *)self;
  gc_untrack(vm, self);
  func_clear(vm, self);
  OBJ_CLEAR(vm, f->code);
  OBJ_CLEAR(vm, f->name);
  OBJ_CLEAR(vm, f->qualname);
  obj_free(vm, self, sizeof(FunctionObject));
}

static Object *func_repr(VM *vm, Object *self) {
  return str_from_format(vm, "<function %U at %p>", ((FunctionObject *)self)->qualname, (void *)self);
}

static Object *func_descr_get(VM *vm, Object *self, Object *obj, Object *type) {
  if (!obj || obj == VM_NONE(vm)) return obj_newref(self);
  return method_new(vm, self, obj);
}

/* getsets: fields that may be replaced or read as None when unset */
static Object *get_field(VM *vm, Object *self, void *c) {
  Object *v = *(Object **)((char *)self + (size_t)c);
  return obj_newref(v ? v : VM_NONE(vm));
}

static int set_field(VM *vm, Object *self, Object *value, void *c) {
  Object **slot = (Object **)((char *)self + (size_t)c);
  size_t off = (size_t)c;
  if (off == offsetof(FunctionObject, name) || off == offsetof(FunctionObject, qualname)) {
    if (!value || !STR_CHECK(vm, value)) {
      exc_set(vm, &vm->exc_TypeError, "__%s__ must be set to a string object",
              off == offsetof(FunctionObject, name) ? "name" : "qualname");
      return -1;
    }
  } else if (off == offsetof(FunctionObject, defaults) && value && value != VM_NONE(vm) && !TUPLE_CHECK(vm, value)) {
    exc_set(vm, &vm->exc_TypeError, "__defaults__ must be set to a tuple object");
    return -1;
  } else if (off == offsetof(FunctionObject, kwdefaults) && value && value != VM_NONE(vm) && !DICT_CHECK(vm, value)) {
    exc_set(vm, &vm->exc_TypeError, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  if (value == VM_NONE(vm) && (off == offsetof(FunctionObject, defaults) || off == offsetof(FunctionObject, kwdefaults)))
    value = NULL;
  OBJ_SETREF(vm, *slot, obj_xnewref(value));
  return 0;
}

static Object *get_annotations(VM *vm, Object *self, void *c) {
  FunctionObject *f = (FunctionObject *)self;
  if (!f->annotations) {
    f->annotations = dict_new(vm);
    if (!f->annotations) return NULL;
  }
  return obj_newref(f->annotations);
}

static Object *get_dict(VM *vm, Object *self, void *c) {
  FunctionObject *f = (FunctionObject *)self;
  if (!f->dict) {
    f->dict = dict_new(vm);
    if (!f->dict) return NULL;
  }
  return obj_newref(f->dict);
}

#define FIELD(name, field, settable) \
  {name, get_field, settable ? set_field : NULL, NULL, (void *)offsetof(FunctionObject, field)}

static const GetSetDef func_getset[] = {
    FIELD("__code__", code, 0),
    FIELD("__globals__", globals, 0),
    FIELD("__builtins__", builtins, 0),
    FIELD("__name__", name, 1),
    FIELD("__qualname__", qualname, 1),
    FIELD("__defaults__", defaults, 1),
    FIELD("__kwdefaults__", kwdefaults, 1),
    FIELD("__closure__", closure, 0),
    FIELD("__doc__", doc, 1),
    FIELD("__module__", module, 1),
    {"__annotations__", get_annotations, set_field, NULL, (void *)offsetof(FunctionObject, annotations)},
    {"__dict__", get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- cell ---------------------------------------------------------------------- */

Object *cell_new(VM *vm, Object *value) {
  CellObject *c = (CellObject *)obj_alloc(vm, &vm->cell_type, 0);
  if (!c) return NULL;
  c->ref = obj_xnewref(value);
  gc_track(vm, (Object *)c);
  return (Object *)c;
}

void cell_set(VM *vm, Object *cell, Object *value) {
  OBJ_SETREF(vm, ((CellObject *)cell)->ref, obj_xnewref(value));
}

static int cell_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  Object *r = ((CellObject *)self)->ref;
  return r && !obj_is_small(r) ? visit(vm, r, arg) : 0;
}

static int cell_clear(VM *vm, Object *self) {
  OBJ_CLEAR(vm, ((CellObject *)self)->ref);
  return 0;
}

static void cell_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  cell_clear(vm, self);
  obj_free(vm, self, sizeof(CellObject));
}

static Object *cell_repr(VM *vm, Object *self) {
  Object *r = ((CellObject *)self)->ref;
  if (!r) return str_from_format(vm, "<cell at %p: empty>", (void *)self);
  return str_from_format(vm, "<cell at %p: %s object at %p>", (void *)self, type_name(obj_type(vm, r)), (void *)r);
}

static Object *cell_get_contents(VM *vm, Object *self, void *c) {
  Object *r = ((CellObject *)self)->ref;
  if (!r) return exc_set(vm, &vm->exc_ValueError, "Cell is empty");
  return obj_newref(r);
}

static int cell_set_contents(VM *vm, Object *self, Object *value, void *c) {
  cell_set(vm, self, value);
  return 0;
}

static const GetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- bound method ----------------------------------------------------------------- */

Object *method_new(VM *vm, Object *func, Object *self) {
  MethodObject *m = (MethodObject *)obj_alloc(vm, &vm->method_type, 0);
  if (!m) return NULL;
  m->func = obj_newref(func);
  m->self = obj_newref(self);
  gc_track(vm, (Object *)m);
  return (Object *)m;
}

static Object *method_call(VM *vm, Object *callable, Object *const *args, size_t nargs, Object *kwnames) {
  MethodObject *m = (MethodObject *)callable;
  size_t total = nargs + (kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0);
  Object *small[8];
  Object **buf = total + 1 <= 8 ? small : heap_alloc(vm, sizeof(Object *) * (total + 1));
  if (!buf) return NULL;
  buf[0] = m->self;
  for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
  Object *r = obj_call(vm, m->func, buf, nargs + 1, kwnames);
  if (buf != small) heap_free(vm, buf, sizeof(Object *) * (total + 1));
  return r;
}

static int method_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  MethodObject *m = (MethodObject *)self;
  int r = visit(vm, m->func, arg);
  if (r || obj_is_small(m->self)) return r;
  return visit(vm, m->self, arg);
}

static int method_clear(VM *vm, Object *self) {
  MethodObject *m = (MethodObject *)self;
  OBJ_CLEAR(vm, m->func);
  OBJ_CLEAR(vm, m->self);
  return 0;
}

static void method_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  method_clear(vm, self);
  obj_free(vm, self, sizeof(MethodObject));
}

static Object *method_repr(VM *vm, Object *self) {
  MethodObject *m = (MethodObject *)self;
  Object *qn = obj_lookup_attr(vm, m->func, vm->id.__qualname__);
  if (!qn) {
    if (exc_occurred(vm)) return NULL;
    qn = str_from_cstr(vm, "?");
    if (!qn) return NULL;
  }
  Object *sr = obj_repr(vm, m->self);
  Object *r = sr ? str_from_format(vm, "<bound method %S of %U>", qn, sr) : NULL;
  obj_decref(vm, qn);
  obj_xdecref(vm, sr);
  return r;
}

static Object *method_richcompare(VM *vm, Object *a, Object *b, int op) {
  if ((op != CMP_EQ && op != CMP_NE) || obj_type(vm, b) != &vm->method_type) return obj_newref(VM_NOTIMPL(vm));
  MethodObject *x = (MethodObject *)a, *y = (MethodObject *)b;
  bool eq = x->func == y->func && x->self == y->self;
  return vm_bool(vm, op == CMP_EQ ? eq : !eq);
}

static int64_t method_hash(VM *vm, Object *self) {
  MethodObject *m = (MethodObject *)self;
  int64_t h = obj_hash(vm, m->func);
  if (h == -1) return -1;
  int64_t r = h ^ (int64_t)((uintptr_t)m->self >> 4);
  return r == -1 ? -2 : r;
}

static Object *method_getattro(VM *vm, Object *self, Object *name) {
  Object *r = obj_generic_getattr(vm, self, name);
  if (r || !exc_matches(vm, &vm->exc_AttributeError)) return r;
  exc_clear(vm);
  return obj_getattr(vm, ((MethodObject *)self)->func, name);
}

static const MemberDef method_members[] = {
    {"__func__", MEMBER_OBJECT_RO, offsetof(MethodObject, func), NULL},
    {"__self__", MEMBER_OBJECT_RO, offsetof(MethodObject, self), NULL},
    {NULL, 0, 0, NULL},
};

void func_type_init(VM *vm) {
  TypeObject *t = &vm->function_type;
  type_init_builtin(vm, t, "function", NULL, sizeof(FunctionObject), 0, TYPE_FLAG_GC);
  t->tp_dealloc = func_dealloc;
  t->tp_traverse = func_traverse;
  t->tp_clear = func_clear;
  t->tp_repr = func_repr;
  t->tp_call = func_vectorcall;
  t->tp_descr_get = func_descr_get;
  t->tp_getset = func_getset;
  t->tp_dictoffset = offsetof(FunctionObject, dict);

  t = &vm->cell_type;
  type_init_builtin(vm, t, "cell", NULL, sizeof(CellObject), 0, TYPE_FLAG_GC);
  t->tp_dealloc = cell_dealloc;
  t->tp_traverse = cell_traverse;
  t->tp_clear = cell_clear;
  t->tp_repr = cell_repr;
  t->tp_getset = cell_getset;

  t = &vm->method_type;
  type_init_builtin(vm, t, "method", NULL, sizeof(MethodObject), 0, TYPE_FLAG_GC);
  t->tp_dealloc = method_dealloc;
  t->tp_traverse = method_traverse;
  t->tp_clear = method_clear;
  t->tp_repr = method_repr;
  t->tp_call = method_call;
  t->tp_richcompare = method_richcompare;
  t->tp_hash = method_hash;
  t->tp_getattro = method_getattro;
  t->tp_members = method_members;
}
