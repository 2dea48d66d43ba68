/*
 * descr: the descriptor types Python code uses directly — property, staticmethod,
 * classmethod, super — plus mappingproxy (a read-only view of a class dict) and the
 * simple namespace used for sys.implementation.
 */
#include "runtime/descr.h"

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ---- property ------------------------------------------------------------------------ */

typedef struct PropertyObject {
  Object ob;
  Object *fget, *fset, *fdel, *doc, *name;
} PropertyObject;

static int property_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
  Object *a[4];
  if (arg_parse(vm, "property", args, nargs, kw, names, 4, 0, a) < 0) return -1;
  PropertyObject *p = (PropertyObject *)self;
  Object **fields[] = {&p->fget, &p->fset, &p->fdel, &p->doc};
  for (int i = 0; i < 4; i++)
    OBJ_SETREF(vm, *fields[i], a[i] && a[i] != VM_NONE(vm) ? obj_newref(a[i]) : NULL);
  if (!p->doc && p->fget) {
    Object *d = obj_lookup_attr(vm, p->fget, vm->id.__doc__);
    if (!d && exc_occurred(vm)) return -1;
    if (d && d == VM_NONE(vm)) OBJ_CLEAR(vm, d);
    p->doc = d;
  }
  return 0;
}

static Object *property_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                            Object *kw) {
  Object *o = obj_alloc(vm, type, 0);
  if (o) gc_track(vm, o);
  return o;
}

/* "property 'x' of 'C' object" or "property of 'C' object" */
static Object *property_err(VM *vm, PropertyObject *p, Object *obj, const char *what) {
  if (p->name)
    return exc_set(vm, &vm->exc_AttributeError, "property %R of '%s' object has no %s", p->name,
                   type_name(obj_type(vm, obj)), what);
  return exc_set(vm, &vm->exc_AttributeError, "property of '%s' object has no %s",
                 type_name(obj_type(vm, obj)), what);
}

static Object *property_get(VM *vm, Object *self, Object *obj, Object *type) {
  PropertyObject *p = (PropertyObject *)self;
  if (!obj) return obj_newref(self);
  if (!p->fget) return property_err(vm, p, obj, "getter");
  return obj_call1(vm, p->fget, obj);
}

static int property_set(VM *vm, Object *self, Object *obj, Object *value) {
  PropertyObject *p = (PropertyObject *)self;
  Object *f = value ? p->fset : p->fdel;
  if (!f) {
    property_err(vm, p, obj, value ? "setter" : "deleter");
    return -1;
  }
  Object *r = value ? obj_call2(vm, f, obj, value) : obj_call1(vm, f, obj);
  if (!r) return -1;
  obj_decref(vm, r);
  return 0;
}

/* property.getter/setter/deleter: a copy with one accessor replaced. */
static Object *property_copy(VM *vm, Object *self, int which, Object *f) {
  PropertyObject *p = (PropertyObject *)self;
  Object *a[4] = {p->fget, p->fset, p->fdel, p->doc};
  a[which] = f;
  for (int i = 0; i < 4; i++)
    if (!a[i]) a[i] = VM_NONE(vm);
  if (which == 0 && p->doc && p->fget) a[3] = VM_NONE(vm);   /* doc follows the new getter */
  Object *r = obj_call(vm, (Object *)obj_type(vm, self), a, 4, NULL);
  if (r && p->name && obj_type(vm, r) == obj_type(vm, self))
    ((PropertyObject *)r)->name = obj_newref(p->name);
  return r;
}

static Object *property_getter(VM *vm, Object *self, Object *const *args, size_t n, Object *k) {
  return property_copy(vm, self, 0, args[0]);
}
static Object *property_setter(VM *vm, Object *self, Object *const *args, size_t n, Object *k) {
  return property_copy(vm, self, 1, args[0]);
}
static Object *property_deleter(VM *vm, Object *self, Object *const *args, size_t n, Object *k) {
  return property_copy(vm, self, 2, args[0]);
}

static Object *property_set_name(VM *vm, Object *self, Object *const *args, size_t n, Object *k) {
  if (arg_count(vm, "__set_name__", n, 2, 2) < 0) return NULL;
  OBJ_SETREF(vm, ((PropertyObject *)self)->name, obj_newref(args[1]));
  return vm_none(vm);
}

static const MethodDef property_methods[] = {
  {"getter", property_getter, METH_O, "Descriptor to obtain a copy of the property with a different getter."},
  {"setter", property_setter, METH_O, "Descriptor to obtain a copy of the property with a different setter."},
  {"deleter", property_deleter, METH_O, "Descriptor to obtain a copy of the property with a different deleter."},
  {"__set_name__", property_set_name, METH_VARARGS, "Method to set name of a property."},
  {NULL, NULL, 0, NULL},
};

static Object *property_field(VM *vm, Object *self, void *c) {
  Object *v = *(Object **)((char *)self + (size_t)c);
  return obj_newref(v ? v : VM_NONE(vm));
}

static int property_set_doc(VM *vm, Object *self, Object *value, void *c) {
  OBJ_SETREF(vm, ((PropertyObject *)self)->doc, obj_xnewref(value));
  return 0;
}

static const GetSetDef property_getset[] = {
  {"fget", property_field, NULL, NULL, (void *)offsetof(PropertyObject, fget)},
  {"fset", property_field, NULL, NULL, (void *)offsetof(PropertyObject, fset)},
  {"fdel", property_field, NULL, NULL, (void *)offsetof(PropertyObject, fdel)},
  {"__doc__", property_field, property_set_doc, NULL, (void *)offsetof(PropertyObject, doc)},
  {NULL, NULL, NULL, NULL, NULL},
};

static int property_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  PropertyObject *p = (PropertyObject *)self;
  Object *f[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
  for (int i = 0; i < 5; i++) {
    int r = f[i] ? visit(vm, f[i], arg) : 0;
    if (r) return r;
  }
  return 0;
}

static int property_clear(VM *vm, Object *self) {
  PropertyObject *p = (PropertyObject *)self;
  OBJ_CLEAR(vm, p->fget);
  OBJ_CLEAR(vm, p->fset);
  OBJ_CLEAR(vm, p->fdel);
  OBJ_CLEAR(vm, p->doc);
  OBJ_CLEAR(vm, p->name);
  return 0;
}

static void property_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  property_clear(vm, self);
  obj_free(vm, self, sizeof(PropertyObject));
}

/* ---- staticmethod / classmethod ------------------------------------------------------ */

typedef struct WrapObject {
  Object ob;
  Object *callable;
  Object *dict;
} WrapObject;

static Object *wrap_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                        Object *kw) {
  if (arg_no_kw(vm, type_name(type), kw) < 0) return NULL;
  if (nargs != 1)
    return exc_set(vm, &vm->exc_TypeError, "%s expected 1 argument, got %zu", type_name(type), nargs);
  WrapObject *w = (WrapObject *)obj_alloc(vm, type, 0);
  if (!w) return NULL;
  w->callable = obj_newref(args[0]);
  gc_track(vm, &w->ob);
  return &w->ob;
}

static int wrap_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return 0;
}

static Object *staticmethod_get(VM *vm, Object *self, Object *obj, Object *type) {
  return obj_newref(((WrapObject *)self)->callable);
}

static Object *staticmethod_call(VM *vm, Object *self, Object *const *args, size_t nargs,
                                 Object *kw) {
  return obj_call(vm, ((WrapObject *)self)->callable, args, nargs, kw);
}

static Object *classmethod_get(VM *vm, Object *self, Object *obj, Object *type) {
  if (!type) type = (Object *)obj_type(vm, obj);
  Object *f = ((WrapObject *)self)->callable;
  /* classmethod chains to the callable's own __get__ (3.9-3.12 behaviour) */
  TypeObject *ft = obj_type(vm, f);
  if (ft->tp_descr_get && ft != &vm->function_type)
    return ft->tp_descr_get(vm, f, type, (Object *)obj_type(vm, type));
  return method_new(vm, f, type);
}

static Object *wrap_func(VM *vm, Object *self, void *c) {
  return obj_newref(((WrapObject *)self)->callable);
}

static Object *wrap_get_dict(VM *vm, Object *self, void *c) {
  WrapObject *w = (WrapObject *)self;
  if (!w->dict && !(w->dict = dict_new(vm))) return NULL;
  return obj_newref(w->dict);
}

static Object *wrap_isabstract(VM *vm, Object *self, void *c) { return vm_bool(vm, false); }

static const GetSetDef wrap_getset[] = {
  {"__func__", wrap_func, NULL, NULL, NULL},
  {"__wrapped__", wrap_func, NULL, NULL, NULL},
  {"__dict__", wrap_get_dict, NULL, NULL, NULL},
  {"__isabstractmethod__", wrap_isabstract, NULL, NULL, NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

static Object *wrap_repr(VM *vm, Object *self) {
  return str_from_format(vm, "<%s(%R)>", type_name(obj_type(vm, self)),
                         ((WrapObject *)self)->callable);
}

static int wrap_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  WrapObject *w = (WrapObject *)self;
  int r = w->callable ? visit(vm, w->callable, arg) : 0;
  return r ? r : w->dict ? visit(vm, w->dict, arg) : 0;
}

static int wrap_clear(VM *vm, Object *self) {
  OBJ_CLEAR(vm, ((WrapObject *)self)->callable);
  OBJ_CLEAR(vm, ((WrapObject *)self)->dict);
  return 0;
}

static void wrap_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  wrap_clear(vm, self);
  obj_free(vm, self, sizeof(WrapObject));
}

/* ---- super ---------------------------------------------------------------------------- */

typedef struct SuperObject {
  Object ob;
  TypeObject *type;      /* the class super() was called in */
  Object *obj;           /* the instance or class, or NULL (unbound) */
  TypeObject *obj_type;  /* type(obj), or obj when obj is a subclass of type */
} SuperObject;

static TypeObject *supercheck(VM *vm, TypeObject *type, Object *obj) {
  if (TYPE_CHECK(vm, obj) && type_is_subtype((TypeObject *)obj, type)) return (TypeObject *)obj;
  if (type_is_subtype(obj_type(vm, obj), type)) return obj_type(vm, obj);
  exc_set(vm, &vm->exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return NULL;
}

static Object *super_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs, Object *kw) {
  Object *o = obj_alloc(vm, type, 0);
  if (o) gc_track(vm, o);
  return o;
}

/* OBJ_SETREF for a TypeObject * field (steals v; no type-punned pointer). */
static void set_type(VM *vm, TypeObject **field, Object *v) {
  TypeObject *old = *field;
  *field = (TypeObject *)v;
  obj_xdecref(vm, (Object *)old);
}

static int super_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (arg_no_kw(vm, "super", kw) < 0 || arg_count(vm, "super", nargs, 0, 2) < 0) return -1;
  Object *type, *obj = NULL;
  if (nargs == 0) {
    if (exec_super_args(vm, &type, &obj) < 0) return -1;   /* borrowed */
  } else {
    type = args[0];
    obj = nargs > 1 && args[1] != VM_NONE(vm) ? args[1] : NULL;
  }
  if (!TYPE_CHECK(vm, type)) {
    exc_set(vm, &vm->exc_TypeError, "super() argument 1 must be a type, not %s",
            type_name(obj_type(vm, type)));
    return -1;
  }
  TypeObject *ot = NULL;
  if (obj && !(ot = supercheck(vm, (TypeObject *)type, obj))) return -1;
  SuperObject *s = (SuperObject *)self;
  set_type(vm, &s->type, obj_newref(type));
  OBJ_SETREF(vm, s->obj, obj_xnewref(obj));
  set_type(vm, &s->obj_type, obj_xnewref((Object *)ot));
  return 0;
}

static Object *super_getattro(VM *vm, Object *self, Object *name) {
  SuperObject *s = (SuperObject *)self;
  if (s->obj_type && !str_eq_cstr(name, "__class__")) {
    Object *mro = s->obj_type->tp_mro;
    ssize_t n = TUPLE_SIZE(mro), i = 0;
    while (i < n && TUPLE_ITEMS(mro)[i] != (Object *)s->type) i++;
    for (i++; i < n; i++) {
      TypeObject *t = (TypeObject *)TUPLE_ITEMS(mro)[i];
      Object *v = dict_getitem_str(vm, t->tp_dict, name);
      if (!v) continue;
      Object *(*get)(VM *, Object *, Object *, Object *) = obj_type(vm, v)->tp_descr_get;
      if (!get) return obj_newref(v);
      obj_incref(v);
      Object *r = get(vm, v, s->obj == (Object *)s->obj_type ? NULL : s->obj,
                      (Object *)s->obj_type);
      obj_decref(vm, v);
      return r;
    }
  }
  Object *r = obj_generic_getattr(vm, self, name);
  if (!r && exc_matches(vm, &vm->exc_AttributeError)) {
    exc_clear(vm);
    exc_set(vm, &vm->exc_AttributeError, "'super' object has no attribute '%U'", name);
  }
  return r;
}

static Object *super_repr(VM *vm, Object *self) {
  SuperObject *s = (SuperObject *)self;
  if (s->obj_type)
    return str_from_format(vm, "<super: <class '%s'>, <%s object>>",
                           s->type ? type_name(s->type) : "NULL", type_name(s->obj_type));
  return str_from_format(vm, "<super: <class '%s'>, NULL>", s->type ? type_name(s->type) : "NULL");
}

static Object *super_descr_get(VM *vm, Object *self, Object *obj, Object *type) {
  SuperObject *s = (SuperObject *)self;
  if (!obj || s->obj) return obj_newref(self);
  Object *args[2] = {(Object *)s->type, obj};
  return obj_call(vm, (Object *)obj_type(vm, self), args, 2, NULL);
}

static int super_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  SuperObject *s = (SuperObject *)self;
  Object *f[] = {(Object *)s->type, s->obj, (Object *)s->obj_type};
  for (int i = 0; i < 3; i++) {
    int r = f[i] ? visit(vm, f[i], arg) : 0;
    if (r) return r;
  }
  return 0;
}

static int super_clear(VM *vm, Object *self) {
  SuperObject *s = (SuperObject *)self;
  set_type(vm, &s->type, NULL);
  OBJ_CLEAR(vm, s->obj);
  set_type(vm, &s->obj_type, NULL);
  return 0;
}

static void super_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  super_clear(vm, self);
  obj_free(vm, self, sizeof(SuperObject));
}

static Object *super_field(VM *vm, Object *self, void *c) {
  Object *v = *(Object **)((char *)self + (size_t)c);
  return obj_newref(v ? v : VM_NONE(vm));
}

static const GetSetDef super_getset[] = {
  {"__thisclass__", super_field, NULL, NULL, (void *)offsetof(SuperObject, type)},
  {"__self__", super_field, NULL, NULL, (void *)offsetof(SuperObject, obj)},
  {"__self_class__", super_field, NULL, NULL, (void *)offsetof(SuperObject, obj_type)},
  {NULL, NULL, NULL, NULL, NULL},
};

/* ---- mappingproxy ---------------------------------------------------------------------- */

typedef struct ProxyObject {
  Object ob;
  Object *mapping;
} ProxyObject;

Object *mappingproxy_new(VM *vm, Object *mapping) {
  ProxyObject *p = (ProxyObject *)obj_alloc(vm, &vm->mappingproxy_type, 0);
  if (!p) return NULL;
  p->mapping = obj_newref(mapping);
  gc_track(vm, &p->ob);
  return &p->ob;
}

static Object *proxy_getitem(VM *vm, Object *self, Object *key) {
  return obj_getitem(vm, ((ProxyObject *)self)->mapping, key);
}
static ssize_t proxy_len(VM *vm, Object *self) { return obj_len(vm, ((ProxyObject *)self)->mapping); }
static int proxy_contains(VM *vm, Object *self, Object *key) {
  return obj_contains(vm, ((ProxyObject *)self)->mapping, key);
}
static Object *proxy_iter(VM *vm, Object *self) { return obj_iter(vm, ((ProxyObject *)self)->mapping); }
static Object *proxy_repr(VM *vm, Object *self) {
  return str_from_format(vm, "mappingproxy(%R)", ((ProxyObject *)self)->mapping);
}
static Object *proxy_str(VM *vm, Object *self) { return obj_str(vm, ((ProxyObject *)self)->mapping); }

static Object *proxy_forward(VM *vm, Object *self, const char *name, Object *const *args,
                             size_t nargs) {
  return obj_call_method(vm, ((ProxyObject *)self)->mapping, name, args, nargs);
}
static Object *proxy_keys(VM *vm, Object *self, Object *const *a, size_t n, Object *k) {
  return proxy_forward(vm, self, "keys", a, n);
}
static Object *proxy_values(VM *vm, Object *self, Object *const *a, size_t n, Object *k) {
  return proxy_forward(vm, self, "values", a, n);
}
static Object *proxy_items(VM *vm, Object *self, Object *const *a, size_t n, Object *k) {
  return proxy_forward(vm, self, "items", a, n);
}
static Object *proxy_get(VM *vm, Object *self, Object *const *a, size_t n, Object *k) {
  if (arg_count(vm, "get", n, 1, 2) < 0) return NULL;
  return proxy_forward(vm, self, "get", a, n);
}
static Object *proxy_copy(VM *vm, Object *self, Object *const *a, size_t n, Object *k) {
  return proxy_forward(vm, self, "copy", a, n);
}

static const MethodDef proxy_methods[] = {
  {"keys", proxy_keys, METH_NOARGS, NULL}, {"values", proxy_values, METH_NOARGS, NULL},
  {"items", proxy_items, METH_NOARGS, NULL}, {"get", proxy_get, METH_VARARGS, NULL},
  {"copy", proxy_copy, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL},
};

static int proxy_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  return visit(vm, ((ProxyObject *)self)->mapping, arg);
}

static void proxy_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  OBJ_CLEAR(vm, ((ProxyObject *)self)->mapping);
  obj_free(vm, self, sizeof(ProxyObject));
}

static Object *proxy_richcompare(VM *vm, Object *a, Object *b, int op) {
  return obj_richcompare(vm, ((ProxyObject *)a)->mapping, b, op);
}

/* ---- namespace (types.SimpleNamespace) ----------------------------------------------- */

typedef struct NamespaceObject {
  Object ob;
  Object *dict;
} NamespaceObject;

Object *namespace_new(VM *vm, Object *dict) {
  NamespaceObject *n = (NamespaceObject *)obj_alloc(vm, &vm->namespace_type, 0);
  if (!n) return NULL;
  n->dict = dict ? obj_newref(dict) : dict_new(vm);
  if (!n->dict) {
    obj_decref(vm, &n->ob);
    return NULL;
  }
  gc_track(vm, &n->ob);
  return &n->ob;
}

static Object *ns_tp_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs, Object *kw) {
  NamespaceObject *n = (NamespaceObject *)obj_alloc(vm, type, 0);
  if (!n) return NULL;
  if (!(n->dict = dict_new(vm))) {
    obj_decref(vm, &n->ob);
    return NULL;
  }
  gc_track(vm, &n->ob);
  return &n->ob;
}

static int ns_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (nargs) {
    exc_set(vm, &vm->exc_TypeError, "no positional arguments expected");
    return -1;
  }
  ssize_t nk = kw ? TUPLE_SIZE(kw) : 0;
  for (ssize_t i = 0; i < nk; i++)
    if (dict_setitem(vm, ((NamespaceObject *)self)->dict, TUPLE_ITEMS(kw)[i], args[i]) < 0)
      return -1;
  return 0;
}

static Object *ns_repr(VM *vm, Object *self) {
  NamespaceObject *n = (NamespaceObject *)self;
  StrBuf b;
  strbuf_init(&b);
  strbuf_append_cstr(vm, &b, obj_type(vm, self) == &vm->namespace_type ? "namespace("
                                                                         : type_name(obj_type(vm, self)));
  if (obj_type(vm, self) != &vm->namespace_type) strbuf_append_char(vm, &b, '(');
  ssize_t pos = 0;
  Object *k, *v;
  bool first = true;
  while (dict_next(n->dict, &pos, &k, &v)) {
    Object *r = obj_repr(vm, v);
    if (!r) {
      strbuf_discard(vm, &b);
      return NULL;
    }
    if (!first) strbuf_append_cstr(vm, &b, ", ");
    strbuf_append_str(vm, &b, k);
    strbuf_append_char(vm, &b, '=');
    strbuf_append_str(vm, &b, r);
    obj_decref(vm, r);
    first = false;
  }
  strbuf_append_char(vm, &b, ')');
  return strbuf_finish(vm, &b);
}

static Object *ns_richcompare(VM *vm, Object *a, Object *b, int op) {
  if ((op != CMP_EQ && op != CMP_NE) || !type_is_subtype(obj_type(vm, b), &vm->namespace_type))
    return obj_newref(VM_NOTIMPL(vm));
  return obj_richcompare(vm, ((NamespaceObject *)a)->dict, ((NamespaceObject *)b)->dict, op);
}

static int ns_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  Object *d = ((NamespaceObject *)self)->dict;
  return d ? visit(vm, d, arg) : 0;
}

static int ns_clear(VM *vm, Object *self) {
  OBJ_CLEAR(vm, ((NamespaceObject *)self)->dict);
  return 0;
}

static void ns_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  ns_clear(vm, self);
  obj_free(vm, self, obj_type(vm, self)->tp_basicsize);
}

/* ---- type set-up ------------------------------------------------------------------------- */

/* staticmethod and classmethod share everything but how they bind. */
static void wrap_type_init(VM *vm, TypeObject *t, const char *name,
                           Object *(*get)(VM *, Object *, Object *, Object *)) {
  type_init_builtin(vm, t, name, NULL, sizeof(WrapObject), 0, TYPE_FLAG_GC | TYPE_FLAG_BASETYPE);
  t->tp_new = wrap_new;
  t->tp_init = wrap_init;
  t->tp_descr_get = get;
  t->tp_getset = wrap_getset;
  t->tp_repr = wrap_repr;
  t->tp_traverse = wrap_traverse;
  t->tp_clear = wrap_clear;
  t->tp_dealloc = wrap_dealloc;
  t->tp_dictoffset = offsetof(WrapObject, dict);
}

void descr_types_init_py(VM *vm) {
  TypeObject *t = &vm->property_type;
  type_init_builtin(vm, t, "property", NULL, sizeof(PropertyObject), 0,
                    TYPE_FLAG_GC | TYPE_FLAG_BASETYPE);
  t->tp_new = property_new;
  t->tp_init = property_init;
  t->tp_descr_get = property_get;
  t->tp_descr_set = property_set;
  t->tp_methods = property_methods;
  t->tp_getset = property_getset;
  t->tp_traverse = property_traverse;
  t->tp_clear = property_clear;
  t->tp_dealloc = property_dealloc;

  wrap_type_init(vm, &vm->staticmethod_type, "staticmethod", staticmethod_get);
  vm->staticmethod_type.tp_call = staticmethod_call;
  wrap_type_init(vm, &vm->classmethod_type, "classmethod", classmethod_get);

  t = &vm->super_type;
  type_init_builtin(vm, t, "super", NULL, sizeof(SuperObject), 0,
                    TYPE_FLAG_GC | TYPE_FLAG_BASETYPE);
  t->tp_new = super_new;
  t->tp_init = super_init;
  t->tp_getattro = super_getattro;
  t->tp_descr_get = super_descr_get;
  t->tp_repr = super_repr;
  t->tp_getset = super_getset;
  t->tp_traverse = super_traverse;
  t->tp_clear = super_clear;
  t->tp_dealloc = super_dealloc;

  t = &vm->mappingproxy_type;
  type_init_builtin(vm, t, "mappingproxy", NULL, sizeof(ProxyObject), 0, TYPE_FLAG_GC);
  t->tp_getitem = proxy_getitem;
  t->tp_len = proxy_len;
  t->tp_contains = proxy_contains;
  t->tp_iter = proxy_iter;
  t->tp_repr = proxy_repr;
  t->tp_str = proxy_str;
  t->tp_richcompare = proxy_richcompare;
  t->tp_methods = proxy_methods;
  t->tp_traverse = proxy_traverse;
  t->tp_dealloc = proxy_dealloc;

  t = &vm->namespace_type;
  type_init_builtin(vm, t, "types.SimpleNamespace", NULL, sizeof(NamespaceObject), 0,
                    TYPE_FLAG_GC | TYPE_FLAG_BASETYPE);
  t->tp_new = ns_tp_new;
  t->tp_init = ns_init;
  t->tp_repr = ns_repr;
  t->tp_richcompare = ns_richcompare;
  t->tp_traverse = ns_traverse;
  t->tp_clear = ns_clear;
  t->tp_dealloc = ns_dealloc;
  t->tp_dictoffset = offsetof(NamespaceObject, dict);
}
