/*
 * exc: the built-in exception hierarchy and the raising API.
 *
 * All built-in exceptions share one layout, BaseExceptionObject; the fields only some
 * classes use (StopIteration.value, SyntaxError's location...) are NULL elsewhere.
 * That costs a few words per exception and keeps the hierarchy a simple X-macro table.
 */
#include "runtime/exc.h"

#include <errno.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

typedef BaseExceptionObject ExcObj;

/* ---- raising ----------------------------------------------------------------------- */

Object *exc_setv(VM *vm, TypeObject *type, const char *fmt, va_list ap) {
  Object *msg = str_from_vformat(vm, fmt, ap);
  if (!msg) return NULL;
  exc_set_obj(vm, type, msg);
  obj_decref(vm, msg);
  return NULL;
}

Object *exc_set(VM *vm, TypeObject *type, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  exc_setv(vm, type, fmt, ap);
  va_end(ap);
  return NULL;
}

/* The exception being handled becomes the new one's __context__ (implicit chaining). */
static void set_pending(VM *vm, Object *exc) {
  if (vm->exc_info && vm->exc_info != exc) exc_set_context(vm, exc, vm->exc_info);
  exc_restore(vm, exc);
}

Object *exc_set_obj(VM *vm, TypeObject *type, Object *value) {
  Object *e = value ? exc_new(vm, type, &value, 1) : exc_new(vm, type, NULL, 0);
  if (!e) return NULL;
  set_pending(vm, e);
  return NULL;
}

Object *exc_raise(VM *vm, Object *o) {
  if (exc_is_class(vm, o)) {
    Object *e = obj_call0(vm, o);
    if (!e) return NULL;
    if (!EXC_CHECK(vm, e)) {
      exc_set(vm, &vm->exc_TypeError,
              "calling %R should have returned an instance of BaseException, not %s", o,
              type_name(obj_type(vm, e)));
      obj_decref(vm, e);
      return NULL;
    }
    set_pending(vm, e);
    return NULL;
  }
  if (!EXC_CHECK(vm, o))
    return exc_set(vm, &vm->exc_TypeError, "exceptions must derive from BaseException");
  set_pending(vm, obj_newref(o));
  return NULL;
}

Object *exc_no_memory(VM *vm) {
  if (vm->memory_error) exc_restore(vm, obj_newref(vm->memory_error));
  return NULL;
}

Object *exc_set_key_error(VM *vm, Object *key) {
  return exc_set_obj(vm, &vm->exc_KeyError, key);
}

Object *exc_set_stop_iteration(VM *vm, Object *value) {
  if (!value) return exc_set_obj(vm, &vm->exc_StopIteration, NULL);
  /* Wrap so that a tuple or exception value is not unpacked or re-raised. */
  Object *e = exc_new(vm, &vm->exc_StopIteration, &value, 1);
  if (!e) return NULL;
  set_pending(vm, e);
  return NULL;
}

bool exc_matches(VM *vm, TypeObject *type) {
  return vm->exc && type_is_subtype(obj_type(vm, vm->exc), type);
}

Object *exc_fetch(VM *vm) {
  Object *e = vm->exc;
  vm->exc = NULL;
  return e;
}

void exc_restore(VM *vm, Object *exc) {
  Object *old = vm->exc;
  vm->exc = exc;
  obj_xdecref(vm, old);
}

void exc_clear(VM *vm) { exc_restore(vm, NULL); }

bool exc_is_class(VM *vm, Object *o) {
  return TYPE_CHECK(vm, o) && type_is_subtype((TypeObject *)o, &vm->exc_BaseException);
}

void exc_set_context(VM *vm, Object *exc, Object *ctx) {
  if (!ctx || exc == ctx || !EXC_CHECK(vm, exc)) return;
  /* Break a cycle if ctx's chain already leads to exc (CPython's rule). */
  Object *o = ctx;
  while (o && EXC_CHECK(vm, o)) {
    ExcObj *e = (ExcObj *)o;
    if (e->context == exc) {
      OBJ_CLEAR(vm, e->context);
      break;
    }
    o = e->context;
  }
  OBJ_SETREF(vm, ((ExcObj *)exc)->context, obj_newref(ctx));
}

Object *exc_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs) {
  return obj_call(vm, (Object *)type, args, nargs, NULL);
}

void exc_write_unraisable(VM *vm, const char *msg, Object *obj) {
  Object *e = exc_fetch(vm);
  if (!e) return;
  FILE *err = vm->err ? vm->err : stderr;
  fflush(vm->out ? vm->out : stdout);
  Object *r = obj ? obj_repr(vm, obj) : NULL;
  if (r) fprintf(err, "%s: %s\n", msg, str_utf8(r));
  else {
    exc_clear(vm);
    fprintf(err, "%s: <object repr() failed>\n", msg);
  }
  obj_xdecref(vm, r);
  traceback_print_exception(vm, e, err);
  obj_decref(vm, e);
}

/* ---- BaseException ---------------------------------------------------------------- */

static Object *base_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                        Object *kwnames) {
  ExcObj *e = (ExcObj *)obj_alloc(vm, type, 0);
  if (!e) return NULL;
  e->args = tuple_from_array(vm, args, (ssize_t)nargs);
  if (!e->args) {
    obj_decref(vm, &e->ob);
    return NULL;
  }
  gc_track(vm, &e->ob);
  return &e->ob;
}

static int base_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames)) {
    exc_set(vm, &vm->exc_TypeError, "%s() takes no keyword arguments",
            type_name(obj_type(vm, self)));
    return -1;
  }
  Object *t = tuple_from_array(vm, args, (ssize_t)nargs);
  if (!t) return -1;
  OBJ_SETREF(vm, ((ExcObj *)self)->args, t);
  return 0;
}

static int base_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  ExcObj *e = (ExcObj *)self;
  Object *fields[] = {e->dict, e->args, e->traceback, e->context, e->cause, e->value, e->name,
                      e->obj, e->msg, e->filename, e->lineno, e->offset, e->text,
                      e->end_lineno, e->end_offset};
  for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
    if (fields[i]) {
      int r = visit(vm, fields[i], arg);
      if (r) return r;
    }
  }
  return 0;
}

static int base_clear(VM *vm, Object *self) {
  ExcObj *e = (ExcObj *)self;
  OBJ_CLEAR(vm, e->dict); OBJ_CLEAR(vm, e->args); OBJ_CLEAR(vm, e->traceback);
  OBJ_CLEAR(vm, e->context); OBJ_CLEAR(vm, e->cause); OBJ_CLEAR(vm, e->value);
  OBJ_CLEAR(vm, e->name); OBJ_CLEAR(vm, e->obj); OBJ_CLEAR(vm, e->msg);
  OBJ_CLEAR(vm, e->filename); OBJ_CLEAR(vm, e->lineno); OBJ_CLEAR(vm, e->offset);
  OBJ_CLEAR(vm, e->text); OBJ_CLEAR(vm, e->end_lineno); OBJ_CLEAR(vm, e->end_offset);
  return 0;
}

static void base_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  base_clear(vm, self);
  obj_free(vm, self, sizeof(ExcObj));
}

static Object *base_str(VM *vm, Object *self) {
  Object *args = ((ExcObj *)self)->args;
  if (!args || TUPLE_SIZE(args) == 0) return obj_newref(vm->empty_str);
  if (TUPLE_SIZE(args) == 1) return obj_str(vm, TUPLE_ITEMS(args)[0]);
  return obj_str(vm, args);
}

static Object *base_repr(VM *vm, Object *self) {
  Object *args = ((ExcObj *)self)->args;
  const char *name = type_name(obj_type(vm, self));
  if (args && TUPLE_SIZE(args) == 1)
    return str_from_format(vm, "%s(%R)", name, TUPLE_ITEMS(args)[0]);
  if (!args || TUPLE_SIZE(args) == 0) return str_from_format(vm, "%s()", name);
  return str_from_format(vm, "%s%R", name, args);
}

static Object *get_args(VM *vm, Object *self, void *c) {
  Object *a = ((ExcObj *)self)->args;
  return obj_newref(a ? a : vm->empty_tuple);
}

static int set_args(VM *vm, Object *self, Object *value, void *c) {
  if (!value) {
    exc_set(vm, &vm->exc_TypeError, "args may not be deleted");
    return -1;
  }
  Object *t = tuple_from_iterable(vm, value);
  if (!t) return -1;
  OBJ_SETREF(vm, ((ExcObj *)self)->args, t);
  return 0;
}

/* Generic getter/setter for an optional Object * field (closure = offset). */
static Object *get_field(VM *vm, Object *self, void *c) {
  Object *v = *(Object **)((char *)self + (size_t)c);
  return obj_newref(v ? v : VM_NONE(vm));
}

static int set_field(VM *vm, Object *self, Object *value, void *c) {
  Object **p = (Object **)((char *)self + (size_t)c);
  OBJ_SETREF(vm, *p, value == VM_NONE(vm) ? NULL : obj_xnewref(value));
  return 0;
}

static int set_chain(VM *vm, Object *self, Object *value, void *c) {
  if (!value) {
    exc_set(vm, &vm->exc_TypeError, "%s may not be deleted",
            (size_t)c == offsetof(ExcObj, cause) ? "__cause__" : "__context__");
    return -1;
  }
  if (value != VM_NONE(vm) && !EXC_CHECK(vm, value)) {
    exc_set(vm, &vm->exc_TypeError, "exception %s must be None or derive from BaseException",
            (size_t)c == offsetof(ExcObj, cause) ? "cause" : "context");
    return -1;
  }
  if ((size_t)c == offsetof(ExcObj, cause)) ((ExcObj *)self)->suppress_context = true;
  return set_field(vm, self, value, c);
}

static Object *get_suppress(VM *vm, Object *self, void *c) {
  return vm_bool(vm, ((ExcObj *)self)->suppress_context);
}

static int set_suppress(VM *vm, Object *self, Object *value, void *c) {
  int b = value ? obj_is_true(vm, value) : 0;
  if (b < 0) return -1;
  ((ExcObj *)self)->suppress_context = b;
  return 0;
}

static int set_traceback(VM *vm, Object *self, Object *value, void *c) {
  if (!value) {
    exc_set(vm, &vm->exc_TypeError, "__traceback__ may not be deleted");
    return -1;
  }
  if (value != VM_NONE(vm) && obj_type(vm, value) != &vm->traceback_type) {
    exc_set(vm, &vm->exc_TypeError, "__traceback__ must be a traceback or None");
    return -1;
  }
  return set_field(vm, self, value, c);
}

static Object *get_dict(VM *vm, Object *self, void *c) {
  ExcObj *e = (ExcObj *)self;
  if (!e->dict && !(e->dict = dict_new(vm))) return NULL;
  return obj_newref(e->dict);
}

#define FIELD(name, f) {name, get_field, set_field, NULL, (void *)offsetof(ExcObj, f)}
static const GetSetDef base_getset[] = {
  {"args", get_args, set_args, NULL, NULL},
  {"__traceback__", get_field, set_traceback, NULL, (void *)offsetof(ExcObj, traceback)},
  {"__context__", get_field, set_chain, NULL, (void *)offsetof(ExcObj, context)},
  {"__cause__", get_field, set_chain, NULL, (void *)offsetof(ExcObj, cause)},
  {"__suppress_context__", get_suppress, set_suppress, NULL, NULL},
  {"__dict__", get_dict, NULL, NULL, NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

static Object *base_with_traceback(VM *vm, Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
  if (set_traceback(vm, self, args[0], (void *)offsetof(ExcObj, traceback)) < 0) return NULL;
  return obj_newref(self);
}

static Object *base_add_note(VM *vm, Object *self, Object *const *args, size_t nargs,
                             Object *kwnames) {
  if (!STR_CHECK(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "note must be a str, not '%s'",
                   type_name(obj_type(vm, args[0])));
  Object *d = get_dict(vm, self, NULL);
  if (!d) return NULL;
  Object *notes = dict_getitem_cstr(vm, d, "__notes__");
  int r;
  if (!notes) {
    Object *l = list_from_array(vm, args, 1);
    r = l ? dict_setitem_cstr(vm, d, "__notes__", l) : -1;
    obj_xdecref(vm, l);
  } else {
    r = list_append(vm, notes, args[0]);
  }
  obj_decref(vm, d);
  return r < 0 ? NULL : vm_none(vm);
}

static const MethodDef base_methods[] = {
  {"with_traceback", base_with_traceback, METH_O,
   "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
  {"add_note", base_add_note, METH_O, "Exception.add_note(note) --\n    add a note to the exception"},
  {NULL, NULL, 0, NULL},
};

/* ---- subclasses with extra state ------------------------------------------------- */

/* First argument or None, stored in *field (StopIteration.value, SystemExit.code). */
static int init_first_arg(VM *vm, Object *self, Object *const *args, size_t nargs,
                          Object *kwnames, Object **field) {
  if (base_init(vm, self, args, nargs, kwnames) < 0) return -1;
  Object *v = nargs == 0 ? NULL : nargs == 1 ? args[0] : ((ExcObj *)self)->args;
  OBJ_SETREF(vm, *field, obj_xnewref(v));
  return 0;
}

static int stopiter_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (base_init(vm, self, args, nargs, kw) < 0) return -1;
  OBJ_SETREF(vm, ((ExcObj *)self)->value, nargs ? obj_newref(args[0]) : NULL);
  return 0;
}

static int sysexit_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return init_first_arg(vm, self, args, nargs, kw, &((ExcObj *)self)->value);
}

static const GetSetDef stopiter_getset[] = {
  {"value", get_field, set_field, NULL, (void *)offsetof(ExcObj, value)},
  {NULL, NULL, NULL, NULL, NULL},
};
static const GetSetDef sysexit_getset[] = {
  {"code", get_field, set_field, NULL, (void *)offsetof(ExcObj, value)},
  {NULL, NULL, NULL, NULL, NULL},
};

static Object *keyerror_str(VM *vm, Object *self) {
  Object *args = ((ExcObj *)self)->args;
  if (args && TUPLE_SIZE(args) == 1) return obj_repr(vm, TUPLE_ITEMS(args)[0]);
  return base_str(vm, self);
}

/* NameError(name=...), AttributeError(name=..., obj=...), ImportError(name=, path=). */
static int kw_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kwnames,
                   const char *const *allowed, Object **const *fields) {
  ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  if (base_init(vm, self, args, nargs, NULL) < 0) return -1;
  for (ssize_t k = 0; k < nkw; k++) {
    Object *kn = TUPLE_ITEMS(kwnames)[k];
    size_t i;
    for (i = 0; allowed[i]; i++)
      if (str_eq_cstr(kn, allowed[i])) break;
    if (!allowed[i]) {
      exc_set(vm, &vm->exc_TypeError, "%s() got an unexpected keyword argument '%U'",
              type_name(obj_type(vm, self)), kn);
      return -1;
    }
    OBJ_SETREF(vm, *fields[i], obj_newref(args[nargs + (size_t)k]));
  }
  return 0;
}

static int nameerror_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  static const char *const names[] = {"name", NULL};
  Object **const fields[] = {&((ExcObj *)self)->name};
  return kw_init(vm, self, args, nargs, kw, names, fields);
}

static int attrerror_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  static const char *const names[] = {"name", "obj", NULL};
  Object **const fields[] = {&((ExcObj *)self)->name, &((ExcObj *)self)->obj};
  return kw_init(vm, self, args, nargs, kw, names, fields);
}

static int importerror_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  static const char *const names[] = {"name", "path", NULL};
  Object **const fields[] = {&((ExcObj *)self)->name, &((ExcObj *)self)->filename};
  if (kw_init(vm, self, args, nargs, kw, names, fields) < 0) return -1;
  OBJ_SETREF(vm, ((ExcObj *)self)->msg, nargs == 1 ? obj_newref(args[0]) : NULL);
  return 0;
}

static Object *importerror_str(VM *vm, Object *self) {
  ExcObj *e = (ExcObj *)self;
  if (e->msg) return obj_str(vm, e->msg);
  return base_str(vm, self);
}

static const GetSetDef name_getset[] = {
  FIELD("name", name),
  {NULL, NULL, NULL, NULL, NULL},
};
static const GetSetDef attr_getset[] = {
  FIELD("name", name), FIELD("obj", obj),
  {NULL, NULL, NULL, NULL, NULL},
};
static const GetSetDef import_getset[] = {
  FIELD("name", name), FIELD("path", filename), FIELD("msg", msg),
  {NULL, NULL, NULL, NULL, NULL},
};

/* SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])) */
static int syntaxerror_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  ExcObj *e = (ExcObj *)self;
  if (base_init(vm, self, args, nargs, kw) < 0) return -1;
  if (nargs >= 1) OBJ_SETREF(vm, e->msg, obj_newref(args[0]));
  if (nargs == 2) {
    Object *info = tuple_from_iterable(vm, args[1]);
    if (!info) return -1;
    ssize_t n = TUPLE_SIZE(info);
    if (n < 4 || n > 6) {
      obj_decref(vm, info);
      exc_set(vm, &vm->exc_IndexError, "tuple index out of range");
      return -1;
    }
    Object **fields[] = {&e->filename, &e->lineno, &e->offset, &e->text, &e->end_lineno,
                         &e->end_offset};
    for (ssize_t i = 0; i < n; i++) OBJ_SETREF(vm, *fields[i], obj_newref(TUPLE_ITEMS(info)[i]));
    obj_decref(vm, info);
  }
  return 0;
}

static Object *syntaxerror_str(VM *vm, Object *self) {
  ExcObj *e = (ExcObj *)self;
  Object *msg = e->msg ? obj_str(vm, e->msg) : base_str(vm, self);
  if (!msg) return NULL;
  bool have_file = e->filename && STR_CHECK(vm, e->filename);
  bool have_line = e->lineno && INT_CHECK(vm, e->lineno);
  if (!have_file && !have_line) return msg;
  const char *fn = NULL;
  if (have_file) {
    fn = strrchr(str_utf8(e->filename), '/');
    fn = fn ? fn + 1 : str_utf8(e->filename);
  }
  Object *r;
  if (have_file && have_line)
    r = str_from_format(vm, "%U (%s, line %S)", msg, fn, e->lineno);
  else if (have_file)
    r = str_from_format(vm, "%U (%s)", msg, fn);
  else
    r = str_from_format(vm, "%U (line %S)", msg, e->lineno);
  obj_decref(vm, msg);
  return r;
}

static const GetSetDef syntax_getset[] = {
  FIELD("msg", msg), FIELD("filename", filename), FIELD("lineno", lineno),
  FIELD("offset", offset), FIELD("text", text), FIELD("end_lineno", end_lineno),
  FIELD("end_offset", end_offset),
  {NULL, NULL, NULL, NULL, NULL},
};

/* OSError(errno, strerror[, filename]) */
static int oserror_init(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  ExcObj *e = (ExcObj *)self;
  if (base_init(vm, self, args, nargs, kw) < 0) return -1;
  if (nargs >= 2 && nargs <= 5) {
    OBJ_SETREF(vm, e->value, obj_newref(args[0]));   /* errno */
    OBJ_SETREF(vm, e->msg, obj_newref(args[1]));     /* strerror */
    if (nargs >= 3) OBJ_SETREF(vm, e->filename, obj_newref(args[2]));
    if (nargs >= 3) {
      Object *t = tuple_pack(vm, 2, args[0], args[1]);
      if (!t) return -1;
      OBJ_SETREF(vm, e->args, t);
    }
  }
  return 0;
}

/* OSError(errno, ...) picks the subclass for errno, as CPython does. */
static Object *oserror_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                           Object *kwnames) {
  if (type == &vm->exc_OSError && nargs >= 2 && obj_is_small(args[0])) {
    switch (small_value(args[0])) {
    case ENOENT: type = &vm->exc_FileNotFoundError; break;
    case EEXIST: type = &vm->exc_FileExistsError; break;
    case EISDIR: type = &vm->exc_IsADirectoryError; break;
    case ENOTDIR: type = &vm->exc_NotADirectoryError; break;
    case EACCES: case EPERM: type = &vm->exc_PermissionError; break;
    case ETIMEDOUT: type = &vm->exc_TimeoutError; break;
    case EPIPE: case ESHUTDOWN: type = &vm->exc_BrokenPipeError; break;
    case ECONNABORTED: type = &vm->exc_ConnectionAbortedError; break;
    case ECONNREFUSED: type = &vm->exc_ConnectionRefusedError; break;
    case ECONNRESET: type = &vm->exc_ConnectionResetError; break;
    case EAGAIN: case EALREADY: case EINPROGRESS: type = &vm->exc_BlockingIOError; break;
    case ECHILD: type = &vm->exc_ChildProcessError; break;
    case EINTR: type = &vm->exc_InterruptedError; break;
    case ESRCH: type = &vm->exc_ProcessLookupError; break;
    default: break;
    }
  }
  return base_new(vm, type, args, nargs, kwnames);
}

static Object *oserror_str(VM *vm, Object *self) {
  ExcObj *e = (ExcObj *)self;
  if (e->filename)
    return str_from_format(vm, "[Errno %S] %S: %R", e->value, e->msg, e->filename);
  if (e->value && e->msg) return str_from_format(vm, "[Errno %S] %S", e->value, e->msg);
  return base_str(vm, self);
}

static const GetSetDef os_getset[] = {
  FIELD("errno", value), FIELD("strerror", msg), FIELD("filename", filename),
  {NULL, NULL, NULL, NULL, NULL},
};
#undef FIELD

/* ---- the hierarchy -------------------------------------------------------------------- */

int exc_init_types(VM *vm) {
#define KITE_EXC_INIT(n, b)                                                          \
  type_init_builtin(vm, &vm->exc_##n, #n,                                            \
                    &vm->exc_##b == &vm->exc_##n ? NULL : &vm->exc_##b,              \
                    sizeof(ExcObj), 0, TYPE_FLAG_BASETYPE | TYPE_FLAG_GC);
  KITE_BUILTIN_EXCEPTIONS(KITE_EXC_INIT)
#undef KITE_EXC_INIT
  TypeObject *t = &vm->exc_BaseException;
  t->tp_new = base_new;
  t->tp_init = base_init;
  t->tp_dealloc = base_dealloc;
  t->tp_traverse = base_traverse;
  t->tp_clear = base_clear;
  t->tp_str = base_str;
  t->tp_repr = base_repr;
  t->tp_getset = base_getset;
  t->tp_methods = base_methods;
  t->tp_dictoffset = offsetof(ExcObj, dict);
  t->tp_doc = "Common base class for all exceptions";
  vm->exc_StopIteration.tp_init = stopiter_init;
  vm->exc_StopIteration.tp_getset = stopiter_getset;
  vm->exc_SystemExit.tp_init = sysexit_init;
  vm->exc_SystemExit.tp_getset = sysexit_getset;
  vm->exc_KeyError.tp_str = keyerror_str;
  vm->exc_NameError.tp_init = nameerror_init;
  vm->exc_NameError.tp_getset = name_getset;
  vm->exc_AttributeError.tp_init = attrerror_init;
  vm->exc_AttributeError.tp_getset = attr_getset;
  vm->exc_ImportError.tp_init = importerror_init;
  vm->exc_ImportError.tp_str = importerror_str;
  vm->exc_ImportError.tp_getset = import_getset;
  vm->exc_SyntaxError.tp_init = syntaxerror_init;
  vm->exc_SyntaxError.tp_str = syntaxerror_str;
  vm->exc_SyntaxError.tp_getset = syntax_getset;
  vm->exc_OSError.tp_init = oserror_init;
  vm->exc_OSError.tp_new = oserror_new;
  vm->exc_OSError.tp_str = oserror_str;
  vm->exc_OSError.tp_getset = os_getset;
  return 0;
}
