/*
 * gen: generators. The frame is heap-allocated and owned by the generator; each
 * resumption re-enters exec_frame with the frame as an entry frame. `yield from`
 * delegation of throw/close follows CPython 3.11's gen_throw: a generator suspended
 * at the YIELD_VALUE of a SEND loop has its sub-iterator on top of its stack.
 */
#include "runtime/gen.h"

#include "runtime/traceback.h"   /* for frame_object_new(): gi_frame */

#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/str.h"
#include "runtime/traceback.h"   /* for frame_object_new(): gi_frame */
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/exec.h"

typedef struct GenObject {
  Object ob;
  Frame *frame;          /* heap block of frame_size bytes */
  size_t frame_size;
  Object *name, *qualname, *code;
  bool running;
} GenObject;

Object *gen_new(VM *vm, Object *func, Object *const *args, size_t nargs, Object *kwnames) {
  FunctionObject *fn = (FunctionObject *)func;
  CodeObject *co = (CodeObject *)fn->code;
  size_t size = exec_frame_size(co);
  Frame *f = heap_alloc(vm, size);
  if (!f) return NULL;
  exec_init_frame(vm, f, co, func, fn->globals, fn->builtins, NULL);
  f->on_datastack = 0;
  f->is_entry = 1;
  if (exec_bind_args(vm, f, func, args, nargs, kwnames) < 0) {
    exec_clear_frame(vm, f);
    heap_free(vm, f, size);
    return NULL;
  }
  GenObject *g = (GenObject *)obj_alloc(vm, &vm->generator_type, 0);
  if (!g) {
    exec_clear_frame(vm, f);
    heap_free(vm, f, size);
    return NULL;
  }
  g->frame = f;
  g->frame_size = size;
  g->name = obj_newref(fn->name);
  g->qualname = obj_newref(fn->qualname);
  g->code = obj_newref(fn->code);
  f->gen = (Object *)g;
  gc_track(vm, (Object *)g);
  return (Object *)g;
}

static bool finished(GenObject *g) { return g->frame->state >= FRAME_COMPLETED; }

/* The value of the pending StopIteration (new reference), which is cleared. */
static Object *fetch_stop_value(VM *vm) {
  Object *e = exc_fetch(vm);
  BaseExceptionObject *be = (BaseExceptionObject *)e;
  Object *v = be->value;
  if (!v && be->args && TUPLE_SIZE(be->args) > 0) v = TUPLE_ITEMS(be->args)[0];
  v = obj_newref(v ? v : VM_NONE(vm));
  obj_decref(vm, e);
  return v;
}

/* Resume g with arg (NULL: a throw, vm->exc set). 0 yielded, 1 returned, -1 error. */
static int gen_send_ex(VM *vm, GenObject *g, Object *arg, bool throwing, Object **result) {
  Frame *f = g->frame;
  *result = NULL;
  if (g->running) {
    exc_set(vm, &vm->exc_ValueError, "generator already executing");
    return -1;
  }
  if (finished(g)) {
    if (throwing) return -1;
    if (arg) {
      *result = vm_none(vm);
      return 1;
    }
    return -1;
  }
  if (f->state == FRAME_CREATED) {
    if (arg && arg != VM_NONE(vm) && !throwing) {
      exc_set(vm, &vm->exc_TypeError, "can't send non-None value to a just-started generator");
      return -1;
    }
  } else {
    *f->sp++ = obj_newref(arg ? arg : VM_NONE(vm));
  }
  if (vm->recursion_depth >= vm->recursion_limit) {
    if (throwing) exc_clear(vm);
    vm->recursion_limit += 50;
    exc_set(vm, &vm->exc_RecursionError, "maximum recursion depth exceeded");
    vm->recursion_limit -= 50;
    if (f->state != FRAME_CREATED) obj_decref(vm, *--f->sp);
    return -1;
  }
  vm->recursion_depth++;
  g->running = true;
  obj_incref((Object *)g);
  Object *r = exec_frame(vm, f, throwing);
  g->running = false;
  vm->recursion_depth--;
  int status;
  if (f->state == FRAME_SUSPENDED) {
    *result = r;
    status = 0;
  } else {
    exec_clear_frame(vm, f);
    if (r) {
      *result = r;
      status = 1;
    } else {
      if (exc_matches(vm, &vm->exc_StopIteration)) {
        Object *e = exc_fetch(vm);
        exc_set(vm, &vm->exc_RuntimeError, "generator raised StopIteration");
        if (vm->exc && EXC_CHECK(vm, vm->exc)) {
          BaseExceptionObject *ne = (BaseExceptionObject *)vm->exc;
          OBJ_SETREF(vm, ne->cause, obj_newref(e));
          OBJ_SETREF(vm, ne->context, obj_newref(e));
          ne->suppress_context = true;
        }
        obj_decref(vm, e);
      }
      status = -1;
    }
  }
  obj_decref(vm, (Object *)g);
  return status;
}

int gen_send_any(VM *vm, Object *sub, Object *v, Object **result) {
  *result = NULL;
  if (obj_type(vm, sub) == &vm->generator_type) return gen_send_ex(vm, (GenObject *)sub, v, false, result);
  Object *r;
  if (v == VM_NONE(vm)) {
    TypeObject *t = obj_type(vm, sub);
    if (!t->tp_iternext) {
      exc_set(vm, &vm->exc_TypeError, "'%s' object is not an iterator", type_name(t));
      return -1;
    }
    r = t->tp_iternext(vm, sub);
    if (!r && !exc_occurred(vm)) {
      *result = vm_none(vm);
      return 1;
    }
  } else {
    r = obj_call_method(vm, sub, "send", &v, 1);
  }
  if (r) {
    *result = r;
    return 0;
  }
  if (exc_matches(vm, &vm->exc_StopIteration)) {
    *result = fetch_stop_value(vm);
    return 1;
  }
  return -1;
}

/* ---- methods ----------------------------------------------------------------------- */

static Object *gen_iternext(VM *vm, Object *self) {
  Object *r;
  int s = gen_send_ex(vm, (GenObject *)self, VM_NONE(vm), false, &r);
  if (s == 0) return r;
  if (s == 1) {
    if (r != VM_NONE(vm)) exc_set_stop_iteration(vm, r);
    obj_decref(vm, r);
  }
  return NULL;
}

static Object *finish_send(VM *vm, int s, Object *r) {
  if (s == 0) return r;
  if (s == 1) {
    exc_set_stop_iteration(vm, r == VM_NONE(vm) ? NULL : r);
    obj_decref(vm, r);
    return NULL;
  }
  if (!exc_occurred(vm)) exc_set_stop_iteration(vm, NULL);
  return NULL;
}

static Object *gen_send(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kwnames) {
  Object *r;
  int s = gen_send_ex(vm, (GenObject *)self, args[0], false, &r);
  return finish_send(vm, s, r);
}

/* The sub-iterator of a generator suspended inside `yield from`, or NULL (borrowed). */
static Object *yielding_from(GenObject *g) {
  Frame *f = g->frame;
  if (f->state != FRAME_SUSPENDED) return NULL;
  Instr prev = f->ip[-1];
  if (INSTR_OP(prev) != OP_YIELD_VALUE || INSTR_ARG(prev) != 1) return NULL;
  return f->sp[-1];
}

static int close_iter(VM *vm, Object *yf);

/* Throw exc (stolen) into g. */
static int gen_throw_exc(VM *vm, GenObject *g, Object *exc, Object **result) {
  Object *yf = yielding_from(g);
  if (yf) {
    obj_incref(yf);
    Object *ret = NULL;
    int status = -2;
    if (type_is_subtype(obj_type(vm, exc), &vm->exc_GeneratorExit)) {
      g->running = true;
      int err = close_iter(vm, yf);
      g->running = false;
      obj_decref(vm, yf);
      if (err < 0) {
        obj_decref(vm, exc);
        return gen_send_ex(vm, g, NULL, true, result);
      }
      exc_restore(vm, exc);
      return gen_send_ex(vm, g, NULL, true, result);
    }
    if (obj_type(vm, yf) == &vm->generator_type) {
      g->running = true;
      status = gen_throw_exc(vm, (GenObject *)yf, exc, &ret);
      g->running = false;
      exc = NULL;
    } else {
      Object *meth = obj_lookup_attr(vm, yf, vm->id.throw);
      if (!meth) {
        obj_decref(vm, yf);
        if (exc_occurred(vm)) {
          obj_decref(vm, exc);
          return -1;
        }
        exc_restore(vm, exc);
        return gen_send_ex(vm, g, NULL, true, result);
      }
      g->running = true;
      ret = obj_call1(vm, meth, exc);
      g->running = false;
      obj_decref(vm, meth);
      obj_decref(vm, exc);
      exc = NULL;
      status = ret ? 0 : -1;
    }
    obj_decref(vm, yf);
    if (status == 0) {
      *result = ret;
      return 0;
    }
    /* the sub-iterator finished: leave the SEND loop */
    Frame *f = g->frame;
    Object *sub = *--f->sp;
    obj_decref(vm, sub);
    Instr send = f->ip[-2];
    f->ip = f->code->code + INSTR_ARG(send);
    Object *val;
    if (status == 1) val = ret;
    else if (exc_matches(vm, &vm->exc_StopIteration)) val = fetch_stop_value(vm);
    else return gen_send_ex(vm, g, NULL, true, result);
    int s = gen_send_ex(vm, g, val, false, result);
    obj_decref(vm, val);
    return s;
  }
  exc_restore(vm, exc);
  return gen_send_ex(vm, g, NULL, true, result);
}

static Object *make_exception(VM *vm, Object *typ, Object *val) {
  if (exc_is_class(vm, typ)) {
    if (!val || val == VM_NONE(vm)) return obj_call0(vm, typ);
    if (EXC_CHECK(vm, val) && type_is_subtype(obj_type(vm, val), (TypeObject *)typ)) return obj_newref(val);
    if (TUPLE_CHECK(vm, val)) return obj_call_tuple_dict(vm, typ, val, NULL);
    return obj_call1(vm, typ, val);
  }
  if (EXC_CHECK(vm, typ)) {
    if (val && val != VM_NONE(vm))
      return exc_set(vm, &vm->exc_TypeError, "instance exception may not have a separate value");
    return obj_newref(typ);
  }
  return exc_set(vm, &vm->exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %T", typ);
}

static Object *gen_throw(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kwnames) {
  if (arg_count(vm, "throw", nargs, 1, 3) < 0) return NULL;
  Object *exc = make_exception(vm, args[0], nargs > 1 ? args[1] : NULL);
  if (!exc) return NULL;
  if (nargs > 2 && args[2] != VM_NONE(vm)) {
    if (obj_type(vm, args[2]) != &vm->traceback_type) {
      obj_decref(vm, exc);
      return exc_set(vm, &vm->exc_TypeError, "throw() third argument must be a traceback object");
    }
    OBJ_SETREF(vm, ((BaseExceptionObject *)exc)->traceback, obj_newref(args[2]));
  }
  Object *r;
  int s = gen_throw_exc(vm, (GenObject *)self, exc, &r);
  return finish_send(vm, s, r);
}

static int gen_close_impl(VM *vm, GenObject *g) {
  if (g->frame->state == FRAME_CREATED) {
    exec_clear_frame(vm, g->frame);
    g->frame->state = FRAME_COMPLETED;
    return 0;
  }
  if (finished(g)) return 0;
  Object *exc = obj_call0(vm, (Object *)&vm->exc_GeneratorExit);
  if (!exc) return -1;
  Object *r;
  int s = gen_throw_exc(vm, g, exc, &r);
  if (s == 0) {
    obj_decref(vm, r);
    exc_set(vm, &vm->exc_RuntimeError, "generator ignored GeneratorExit");
    return -1;
  }
  if (s == 1) {
    obj_decref(vm, r);
    return 0;
  }
  if (exc_matches(vm, &vm->exc_GeneratorExit) || exc_matches(vm, &vm->exc_StopIteration)) {
    exc_clear(vm);
    return 0;
  }
  return -1;
}

static int close_iter(VM *vm, Object *yf) {
  if (obj_type(vm, yf) == &vm->generator_type) return gen_close_impl(vm, (GenObject *)yf);
  Object *meth = obj_lookup_attr(vm, yf, vm->id.close);
  if (!meth) return exc_occurred(vm) ? -1 : 0;
  Object *r = obj_call0(vm, meth);
  obj_decref(vm, meth);
  if (!r) return -1;
  obj_decref(vm, r);
  return 0;
}

static Object *gen_close(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kwnames) {
  if (gen_close_impl(vm, (GenObject *)self) < 0) return NULL;
  return vm_none(vm);
}

static Object *gen_self_iter(VM *vm, Object *self) { return obj_newref(self); }

static int gen_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  GenObject *g = (GenObject *)self;
  if (g->running) return 0;
  return exec_traverse_frame(vm, g->frame, visit, arg);
}

static int gen_clear(VM *vm, Object *self) {
  GenObject *g = (GenObject *)self;
  if (!g->running) exec_clear_frame(vm, g->frame);
  return 0;
}

static void gen_dealloc(VM *vm, Object *self) {
  GenObject *g = (GenObject *)self;
  gc_untrack(vm, self);
  if (g->frame->state == FRAME_SUSPENDED) {
    self->ob_refcnt = 1;   /* resurrect while close() runs */
    Object *saved = exc_fetch(vm);
    if (gen_close_impl(vm, g) < 0) exc_write_unraisable(vm, "Exception ignored in", self);
    exc_restore(vm, saved);
    if (--self->ob_refcnt != 0) {
      gc_track(vm, self);
      return;
    }
  }
  exec_clear_frame(vm, g->frame);
  heap_free(vm, g->frame, g->frame_size);
  OBJ_CLEAR(vm, g->name);
  OBJ_CLEAR(vm, g->qualname);
  OBJ_CLEAR(vm, g->code);
  obj_free(vm, self, sizeof(GenObject));
}

static Object *gen_repr(VM *vm, Object *self) {
  return str_from_format(vm, "<generator object %U at %p>", ((GenObject *)self)->qualname, (void *)self);
}

static Object *gen_get_running(VM *vm, Object *self, void *c) { return vm_bool(vm, ((GenObject *)self)->running); }
Frame *gen_live_frame(Object *gen) {
  GenObject *g = (GenObject *)gen;
  return finished(g) ? NULL : g->frame;
}

static Object *gen_get_frame(VM *vm, Object *self, void *c) {
  GenObject *g = (GenObject *)self;
  return finished(g) ? vm_none(vm) : frame_object_new(vm, g->frame, self, true);
}
static Object *gen_get_suspended(VM *vm, Object *self, void *c) {
  return vm_bool(vm, ((GenObject *)self)->frame->state == FRAME_SUSPENDED);
}
static Object *gen_get_yieldfrom(VM *vm, Object *self, void *c) {
  Object *y = yielding_from((GenObject *)self);
  return obj_newref(y ? y : VM_NONE(vm));
}

static const GetSetDef gen_getset[] = {
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const MemberDef gen_members[] = {
    {"__name__", MEMBER_OBJECT_RO, offsetof(GenObject, name), NULL},
    {"__qualname__", MEMBER_OBJECT_RO, offsetof(GenObject, qualname), NULL},
    {"gi_code", MEMBER_OBJECT_RO, offsetof(GenObject, code), NULL},
    {NULL, 0, 0, NULL},
};

static const MethodDef gen_methods[] = {
    {"send", gen_send, METH_O, NULL},
    {"throw", gen_throw, METH_VARARGS, NULL},
    {"close", gen_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

void gen_type_init(VM *vm) {
  TypeObject *t = &vm->generator_type;
  type_init_builtin(vm, t, "generator", NULL, sizeof(GenObject), 0, TYPE_FLAG_GC);
  t->tp_dealloc = gen_dealloc;
  t->tp_traverse = gen_traverse;
  t->tp_clear = gen_clear;
  t->tp_repr = gen_repr;
  t->tp_iter = gen_self_iter;
  t->tp_iternext = gen_iternext;
  t->tp_methods = gen_methods;
  t->tp_getset = gen_getset;
  t->tp_members = gen_members;
}
