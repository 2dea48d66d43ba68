/*
 * exec: the data stack, argument binding, and the interpreter loop exec_frame.
 *
 * The loop (STYLE items 22-28): one function; ip, sp, the constants and localsplus in
 * C locals; computed-goto dispatch with a switch fallback. A call to a plain Python
 * function pushes a frame on the data stack and continues in the same C invocation;
 * RETURN_VALUE pops it. Errors `goto error`, which adds a traceback entry for the
 * current instruction and falls into exception_unwind: the code's exception table
 * gives the handler and the stack depth to unwind to; without one the frame is left,
 * and the caller frame (in this C invocation, or the C caller) sees the error.
 *
 * Reference discipline: every stack slot owns its reference; arguments of a Python
 * call are moved into the callee's locals when possible, so a callee observes exactly
 * CPython's reference counts (the caller keeps nothing for a finished call).
 */
#include "vm/exec.h"

#include <string.h>

#include "runtime/api.h"   // for api_tick(): instruction budget, host interrupts
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/func.h"
#include "runtime/gen.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/traceback.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ---- data stack -------------------------------------------------------------- */

typedef struct ExecChunk {
  struct ExecChunk *prev;
  size_t size;              /* bytes including this header */
  char *saved_top;          /* the previous chunk's top when this one was started */
} ExecChunk;

#define CHUNK_MIN (64 * 1024)

static Frame *push_frame(VM *vm, CodeObject *co) {
  size_t need = exec_frame_size(co);
  need = (need + 15) & ~(size_t)15;
  if (!vm->stack_top || (size_t)(vm->stack_limit - vm->stack_top) < need) {
    size_t size = need + sizeof(ExecChunk) + 16 > CHUNK_MIN ? need + sizeof(ExecChunk) + 16 : CHUNK_MIN;
    ExecChunk *ch = heap_alloc(vm, size);
    if (!ch) return NULL;
    ch->prev = vm->stack_chunk;
    ch->size = size;
    ch->saved_top = vm->stack_top;
    vm->stack_chunk = ch;
    vm->stack_top = (char *)ch + ((sizeof(ExecChunk) + 15) & ~(size_t)15);
    vm->stack_limit = (char *)ch + size;
  }
  Frame *f = (Frame *)vm->stack_top;
  vm->stack_top += need;
  f->on_datastack = 1;
  return f;
}

static void pop_frame(VM *vm, Frame *f) {
  ExecChunk *ch = vm->stack_chunk;
  vm->stack_top = (char *)f;
  if ((char *)f == (char *)ch + ((sizeof(ExecChunk) + 15) & ~(size_t)15)) {
    vm->stack_chunk = ch->prev;
    vm->stack_top = ch->saved_top;
    vm->stack_limit = ch->prev ? (char *)ch->prev + ch->prev->size : NULL;
    heap_free(vm, ch, ch->size);
  }
}

void exec_finish(VM *vm) {
  while (vm->stack_chunk) {
    ExecChunk *ch = vm->stack_chunk;
    vm->stack_chunk = ch->prev;
    heap_free(vm, ch, ch->size);
  }
  vm->stack_top = vm->stack_limit = NULL;
}

/* ---- frames -------------------------------------------------------------------- */

void exec_init_frame(VM *vm, Frame *f, CodeObject *co, Object *func, Object *globals,
                     Object *builtins, Object *locals) {
  f->previous = NULL;
  f->code = co;
  obj_incref((Object *)co);
  f->func = obj_xnewref(func);
  f->globals = globals;
  f->builtins = builtins;
  f->locals = obj_xnewref(locals);
  f->ip = co->code;
  f->nslots = (uint32_t)(co->nlocalsplus + co->stacksize);
  f->sp = f->localsplus + co->nlocalsplus;
  f->gen = NULL;
  f->is_entry = 0;
  f->state = FRAME_CREATED;
  memset(f->localsplus, 0, sizeof(Object *) * (size_t)co->nlocalsplus);
}

void exec_clear_frame(VM *vm, Frame *f) {
  if (f->state == FRAME_CLEARED) return;
  f->state = FRAME_CLEARED;
  Object **base = f->localsplus;
  Object **top = f->sp;
  for (Object **p = base; p < top; p++) obj_xdecref(vm, *p);
  f->sp = base;
  OBJ_CLEAR(vm, f->locals);
  OBJ_CLEAR(vm, f->func);
  obj_decref(vm, (Object *)f->code);
}

int exec_traverse_frame(VM *vm, Frame *f, VisitProc visit, void *arg) {
  if (f->state == FRAME_CLEARED || f->state == FRAME_EXECUTING) return 0;
  for (Object **p = f->localsplus; p < f->sp; p++)
    if (*p && !obj_is_small(*p)) {
      int r = visit(vm, *p, arg);
      if (r) return r;
    }
  if (f->func) {
    int r = visit(vm, f->func, arg);
    if (r) return r;
  }
  if (f->locals) return visit(vm, f->locals, arg);
  return 0;
}

int exec_frame_line(Frame *f) {
  int i = (int)(f->ip - f->code->code) - 1;
  return code_line(f->code, i < 0 ? 0 : i);
}

Object *exec_frame_globals(VM *vm) { return vm->frame ? vm->frame->globals : NULL; }

Object *exec_frame_locals(VM *vm) {
  Frame *f = vm->frame;
  if (!f) return NULL;
  if (f->locals) return f->locals;
  /* a function frame: build a snapshot dict, kept alive by the frame's locals slot */
  Object *d = dict_new(vm);
  if (!d) return NULL;
  CodeObject *co = f->code;
  for (int i = 0; i < co->nlocalsplus; i++) {
    Object *v = f->localsplus[i];
    if (!v) continue;
    if (co->localspluskinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) {
      if (!(co->localspluskinds[i] & CO_FAST_LOCAL) || obj_type(vm, v) == &vm->cell_type) v = cell_get(v);
      if (!v) continue;
    }
    if (dict_setitem(vm, d, TUPLE_ITEMS(co->localsplusnames)[i], v) < 0) {
      obj_decref(vm, d);
      return NULL;
    }
  }
  f->locals = d;
  return d;
}

int exec_super_args(VM *vm, Object **type, Object **obj) {
  Frame *f = vm->frame;
  if (!f || !f->func) {
    exc_set(vm, &vm->exc_RuntimeError, "super(): no arguments");
    return -1;
  }
  CodeObject *co = f->code;
  if (co->argcount == 0 && !(co->flags & CO_VARARGS)) {
    exc_set(vm, &vm->exc_RuntimeError, "super(): no arguments");
    return -1;
  }
  Object *first = f->localsplus[0];
  if (first && (co->localspluskinds[0] & CO_FAST_CELL) && obj_type(vm, first) == &vm->cell_type)
    first = cell_get(first);
  if (!first) {
    exc_set(vm, &vm->exc_RuntimeError, "super(): arg[0] deleted");
    return -1;
  }
  for (int i = co->nlocals; i < co->nlocalsplus; i++) {
    if (!str_eq_cstr(TUPLE_ITEMS(co->localsplusnames)[i], "__class__")) continue;
    Object *cell = f->localsplus[i];
    Object *t = cell ? cell_get(cell) : NULL;
    if (!t) {
      exc_set(vm, &vm->exc_RuntimeError, "super(): empty __class__ cell");
      return -1;
    }
    if (!TYPE_CHECK(vm, t)) {
      exc_set(vm, &vm->exc_RuntimeError, "super(): __class__ is not a type (%T)", t);
      return -1;
    }
    *type = t;
    *obj = first;
    return 0;
  }
  exc_set(vm, &vm->exc_RuntimeError, "super(): __class__ cell not found");
  return -1;
}

/* ---- argument binding (CPython's initialize_locals) ------------------------------- */

static Object *qualname_of(Object *func) { return ((FunctionObject *)func)->qualname; }

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static Object *format_names(VM *vm, Object **names, int n) {
  StrBuf b;
  strbuf_init(&b);
  for (int i = 0; i < n; i++) {
    if (i > 0) strbuf_append_cstr(vm, &b, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
    strbuf_append_char(vm, &b, '\'');
    strbuf_append_str(vm, &b, names[i]);
    strbuf_append_char(vm, &b, '\'');
  }
  return strbuf_finish(vm, &b);
}

static void missing_arguments(VM *vm, Object *func, Frame *f, bool kwonly, int defcount) {
  CodeObject *co = f->code;
  int start = kwonly ? co->argcount : 0;
  int end = kwonly ? co->argcount + co->kwonlyargcount : co->argcount - defcount;
  Object *names[end - start + 1];
  int n = 0;
  for (int i = start; i < end; i++) {
    if (f->localsplus[i]) continue;
    if (kwonly) {
      FunctionObject *fn = (FunctionObject *)func;
      Object *name = TUPLE_ITEMS(co->localsplusnames)[i];
      if (fn->kwdefaults && dict_getitem(vm, fn->kwdefaults, name)) continue;
    }
    names[n++] = TUPLE_ITEMS(co->localsplusnames)[i];
  }
  Object *list = format_names(vm, names, n);
  if (!list) return;
  exc_set(vm, &vm->exc_TypeError, "%U() missing %d required %s argument%s: %U", qualname_of(func), n,
          kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", list);
  obj_decref(vm, list);
}

static void too_many_positional(VM *vm, Object *func, Frame *f, size_t given) {
  CodeObject *co = f->code;
  FunctionObject *fn = (FunctionObject *)func;
  int defcount = fn->defaults ? (int)TUPLE_SIZE(fn->defaults) : 0;
  int kwonly_given = 0;
  for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
    if (f->localsplus[i]) kwonly_given++;
  char sig[64], kwsig[96];
  bool plural;
  if (defcount) {
    plural = true;
    snprintf(sig, sizeof sig, "from %d to %d", co->argcount - defcount, co->argcount);
  } else {
    plural = co->argcount != 1;
    snprintf(sig, sizeof sig, "%d", co->argcount);
  }
  kwsig[0] = 0;
  if (kwonly_given)
    snprintf(kwsig, sizeof kwsig, " positional argument%s (and %d keyword-only argument%s)",
             given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
  exc_set(vm, &vm->exc_TypeError, "%U() takes %s positional argument%s but %zu%s %s given",
          qualname_of(func), sig, plural ? "s" : "", given, kwsig,
          given == 1 && !kwonly_given ? "was" : "were");
}

int exec_bind_args(VM *vm, Frame *f, Object *func, Object *const *args, size_t nargs,
                   Object *kwnames) {
  CodeObject *co = f->code;
  FunctionObject *fn = (FunctionObject *)func;
  Object **locals = f->localsplus;
  int argcount = co->argcount;
  int total = argcount + co->kwonlyargcount;
  Object *kwdict = NULL;
  if (co->flags & CO_VARKEYWORDS) {
    kwdict = dict_new(vm);
    if (!kwdict) return -1;
    locals[total + ((co->flags & CO_VARARGS) ? 1 : 0)] = kwdict;
  }
  size_t n = nargs < (size_t)argcount ? nargs : (size_t)argcount;
  for (size_t i = 0; i < n; i++) locals[i] = obj_newref(args[i]);
  if (co->flags & CO_VARARGS) {
    Object *rest = nargs > n ? tuple_from_array(vm, args + n, (ssize_t)(nargs - n)) : obj_newref(vm->empty_tuple);
    if (!rest) return -1;
    locals[total] = rest;
  }
  if (kwnames) {
    ssize_t nkw = TUPLE_SIZE(kwnames);
    Object *posonly_names[nkw + 1];
    int nposonly = 0;
    for (ssize_t k = 0; k < nkw; k++) {
      Object *name = TUPLE_ITEMS(kwnames)[k];
      Object *value = args[nargs + (size_t)k];
      int j;
      for (j = co->posonlyargcount; j < total; j++) {
        Object *pn = TUPLE_ITEMS(co->localsplusnames)[j];
        if (pn == name || str_equal(pn, name)) break;
      }
      if (j == total) {
        bool is_posonly = false;
        for (int p = 0; p < co->posonlyargcount; p++)
          if (str_equal(TUPLE_ITEMS(co->localsplusnames)[p], name)) is_posonly = true;
        if (kwdict) {
          if (dict_setitem(vm, kwdict, name, value) < 0) return -1;
          continue;
        }
        if (is_posonly) {
          posonly_names[nposonly++] = name;
          continue;
        }
        exc_set(vm, &vm->exc_TypeError, "%U() got an unexpected keyword argument '%U'", qualname_of(func), name);
        return -1;
      }
      if (locals[j]) {
        exc_set(vm, &vm->exc_TypeError, "%U() got multiple values for argument '%U'", qualname_of(func), name);
        return -1;
      }
      locals[j] = obj_newref(value);
    }
    if (nposonly) {
      StrBuf b;
      strbuf_init(&b);
      for (int i = 0; i < nposonly; i++) {
        if (i) strbuf_append_cstr(vm, &b, ", ");
        strbuf_append_str(vm, &b, posonly_names[i]);
      }
      Object *s = strbuf_finish(vm, &b);
      if (!s) return -1;
      exc_set(vm, &vm->exc_TypeError,
              "%U() got some positional-only arguments passed as keyword arguments: '%U'",
              qualname_of(func), s);
      obj_decref(vm, s);
      return -1;
    }
  }
  if (nargs > (size_t)argcount && !(co->flags & CO_VARARGS)) {
    too_many_positional(vm, func, f, nargs);
    return -1;
  }
  if (nargs < (size_t)argcount) {
    int defcount = fn->defaults ? (int)TUPLE_SIZE(fn->defaults) : 0;
    int m = argcount - defcount;
    for (int i = (int)nargs; i < m; i++)
      if (!locals[i]) {
        missing_arguments(vm, func, f, false, defcount);
        return -1;
      }
    for (int i = m > (int)nargs ? m : (int)nargs; i < argcount; i++)
      if (!locals[i]) locals[i] = obj_newref(TUPLE_ITEMS(fn->defaults)[i - m]);
  }
  if (co->kwonlyargcount) {
    bool missing = false;
    for (int i = argcount; i < total; i++) {
      if (locals[i]) continue;
      Object *name = TUPLE_ITEMS(co->localsplusnames)[i];
      Object *def = fn->kwdefaults ? dict_getitem(vm, fn->kwdefaults, name) : NULL;
      if (def) locals[i] = obj_newref(def);
      else missing = true;
    }
    if (missing) {
      missing_arguments(vm, func, f, true, 0);
      return -1;
    }
  }
  return 0;
}

/* ---- calls from C ------------------------------------------------------------- */

/* Raise RecursionError with headroom, so creating the exception can itself call. */
static void recursion_error(VM *vm) {
  int saved = vm->recursion_limit;
  vm->recursion_limit += 50;
  exc_set(vm, &vm->exc_RecursionError, "maximum recursion depth exceeded");
  vm->recursion_limit = saved;
}

static bool recursion_enter(VM *vm) {
  if (api_tick(vm, 1) < 0) return false;
  if (vm->recursion_depth >= vm->recursion_limit) {
    recursion_error(vm);
    return false;
  }
  vm->recursion_depth++;
  return true;
}

/* Run a fresh data-stack frame as an entry frame, then pop it. */
static Object *run_entry(VM *vm, Frame *f) {
  f->is_entry = 1;
  Object *r = exec_frame(vm, f, 0);
  exec_clear_frame(vm, f);
  pop_frame(vm, f);
  return r;
}

Object *exec_call_function(VM *vm, Object *func, Object *const *args, size_t nargs, Object *kwnames) {
  FunctionObject *fn = (FunctionObject *)func;
  CodeObject *co = (CodeObject *)fn->code;
  if (co->flags & CO_GENERATOR) return gen_new(vm, func, args, nargs, kwnames);
  if (!recursion_enter(vm)) return NULL;
  Frame *f = push_frame(vm, co);
  if (!f) {
    vm->recursion_depth--;
    return NULL;
  }
  exec_init_frame(vm, f, co, func, fn->globals, fn->builtins, NULL);
  if (exec_bind_args(vm, f, func, args, nargs, kwnames) < 0) {
    f->sp = f->localsplus + co->nlocalsplus;
    exec_clear_frame(vm, f);
    pop_frame(vm, f);
    vm->recursion_depth--;
    return NULL;
  }
  Object *r = run_entry(vm, f);
  vm->recursion_depth--;
  return r;
}

Object *exec_code(VM *vm, Object *code, Object *globals, Object *locals) {
  CodeObject *co = (CodeObject *)code;
  if (!recursion_enter(vm)) return NULL;
  Frame *f = push_frame(vm, co);
  if (!f) {
    vm->recursion_depth--;
    return NULL;
  }
  Object *builtins = dict_getitem_str(vm, globals, vm->id.__builtins__);
  if (builtins && obj_type(vm, builtins) == &vm->module_type) builtins = NULL;
  if (!builtins || !DICT_CHECK(vm, builtins)) builtins = vm->builtins;
  exec_init_frame(vm, f, co, NULL, globals, builtins, locals);
  Object *r = run_entry(vm, f);
  vm->recursion_depth--;
  return r;
}

Object *exec_call_with_locals(VM *vm, Object *func, Object *locals) {
  FunctionObject *fn = (FunctionObject *)func;
  CodeObject *co = (CodeObject *)fn->code;
  if (!recursion_enter(vm)) return NULL;
  Frame *f = push_frame(vm, co);
  if (!f) {
    vm->recursion_depth--;
    return NULL;
  }
  exec_init_frame(vm, f, co, func, fn->globals, fn->builtins, locals);
  Object *r = run_entry(vm, f);
  vm->recursion_depth--;
  return r;
}

/* ---- helpers for the loop ------------------------------------------------------- */

/* "__main__.f()" or "print()", as CPython's _PyObject_FunctionStr. New reference. */
static Object *function_str(VM *vm, Object *f) {
  Object *qn = obj_lookup_attr(vm, f, vm->id.__qualname__);
  if (!qn) {
    if (exc_occurred(vm)) exc_clear(vm);
    return obj_str(vm, f);
  }
  Object *mod = obj_lookup_attr(vm, f, vm->id.__module__);
  if (exc_occurred(vm)) exc_clear(vm);
  Object *r;
  if (mod && mod != VM_NONE(vm) && STR_CHECK(vm, mod) && !str_eq_cstr(mod, "builtins"))
    r = str_from_format(vm, "%S.%S()", mod, qn);
  else
    r = str_from_format(vm, "%S()", qn);
  obj_decref(vm, qn);
  obj_xdecref(vm, mod);
  return r;
}

static void name_error(VM *vm, Object *name) {
  exc_set(vm, &vm->exc_NameError, "name '%U' is not defined", name);
  if (vm->exc && EXC_CHECK(vm, vm->exc)) {
    BaseExceptionObject *e = (BaseExceptionObject *)vm->exc;
    if (!e->name) e->name = obj_newref(name);
  }
}

static void unbound_local(VM *vm, CodeObject *co, int i) {
  Object *name = TUPLE_ITEMS(co->localsplusnames)[i];
  if (co->localspluskinds[i] & CO_FAST_FREE)
    exc_set(vm, &vm->exc_NameError,
            "cannot access free variable '%U' where it is not associated with a value in enclosing scope", name);
  else
    exc_set(vm, &vm->exc_UnboundLocalError,
            "cannot access local variable '%U' where it is not associated with a value", name);
}

/* Unpack seq into n values stored at out[n-1] ... out[0] (out[0] is the top after). */
static int unpack(VM *vm, Object *seq, int before, int after, bool star, Object **out) {
  int n = before + after;
  if ((TUPLE_CHECK_EXACT(vm, seq) || LIST_CHECK_EXACT(vm, seq)) && !star) {
    ssize_t size = TUPLE_CHECK_EXACT(vm, seq) ? TUPLE_SIZE(seq) : LIST_SIZE(seq);
    Object **items = TUPLE_CHECK_EXACT(vm, seq) ? TUPLE_ITEMS(seq) : LIST_ITEMS(seq);
    if (size == n) {
      for (int i = 0; i < n; i++) out[n - 1 - i] = obj_newref(items[i]);
      return 0;
    }
    if (size < n) exc_set(vm, &vm->exc_ValueError, "not enough values to unpack (expected %d, got %zd)", n, size);
    else exc_set(vm, &vm->exc_ValueError, "too many values to unpack (expected %d)", n);
    return -1;
  }
  Object *it = obj_iter(vm, seq);
  if (!it) {
    if (exc_matches(vm, &vm->exc_TypeError) && !obj_type(vm, seq)->tp_iter &&
        !obj_type(vm, seq)->tp_getitem) {
      exc_clear(vm);
      exc_set(vm, &vm->exc_TypeError, "cannot unpack non-iterable %T object", seq);
    }
    return -1;
  }
  int total = n + (star ? 1 : 0);
  Object **slots = out;   /* fill top-down: slots[total-1] is the first item */
  int got = 0;
  for (; got < before; got++) {
    Object *v = obj_next(vm, it);
    if (!v) {
      if (!exc_occurred(vm)) {
        if (star) exc_set(vm, &vm->exc_ValueError, "not enough values to unpack (expected at least %d, got %d)", n, got);
        else exc_set(vm, &vm->exc_ValueError, "not enough values to unpack (expected %d, got %d)", n, got);
      }
      goto fail;
    }
    slots[total - 1 - got] = v;
  }
  if (!star) {
    Object *extra = obj_next(vm, it);
    if (extra) {
      obj_decref(vm, extra);
      exc_set(vm, &vm->exc_ValueError, "too many values to unpack (expected %d)", n);
      goto fail;
    }
    if (exc_occurred(vm)) goto fail;
    obj_decref(vm, it);
    return 0;
  }
  Object *rest = list_from_iterable(vm, it);
  if (!rest) goto fail;
  if (LIST_SIZE(rest) < after) {
    exc_set(vm, &vm->exc_ValueError, "not enough values to unpack (expected at least %d, got %zd)", n,
            (ssize_t)before + LIST_SIZE(rest));
    obj_decref(vm, rest);
    goto fail;
  }
  for (int i = 0; i < after; i++) {
    ssize_t src = LIST_SIZE(rest) - after + i;
    slots[after - 1 - i] = LIST_ITEMS(rest)[src];
  }
  LIST_SIZE(rest) -= after;   /* the moved items now belong to the stack */
  slots[after] = rest;
  obj_decref(vm, it);
  return 0;
fail:
  for (int i = 0; i < got; i++) obj_decref(vm, slots[total - 1 - i]);
  obj_decref(vm, it);
  return -1;
}

/* For `except T`: is exc an instance of T (a class or a tuple of classes)? -1 if T is
   not a valid exception type. */
static int exc_match(VM *vm, Object *exc, Object *t) {
  if (TUPLE_CHECK(vm, t)) {
    for (ssize_t i = 0; i < TUPLE_SIZE(t); i++)
      if (!exc_is_class(vm, TUPLE_ITEMS(t)[i])) goto bad;
    for (ssize_t i = 0; i < TUPLE_SIZE(t); i++)
      if (type_is_subtype(obj_type(vm, exc), (TypeObject *)TUPLE_ITEMS(t)[i])) return 1;
    return 0;
  }
  if (!exc_is_class(vm, t)) goto bad;
  return type_is_subtype(obj_type(vm, exc), (TypeObject *)t);
bad:
  exc_set(vm, &vm->exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
  return -1;
}

static Object *format_value(VM *vm, Object *v, int conv, Object *spec) {
  Object *c = NULL;
  switch (conv) {
    case FVC_STR: c = obj_str(vm, v); break;
    case FVC_REPR: c = obj_repr(vm, v); break;
    case FVC_ASCII: c = obj_ascii(vm, v); break;
    default: c = obj_newref(v); break;
  }
  if (!c) return NULL;
  if (!spec && STR_CHECK_EXACT(vm, c)) return c;
  Object *r = obj_format(vm, c, spec);
  obj_decref(vm, c);
  return r;
}

/* `raise exc from cause`. Always returns -1 with the exception set. */
static int do_raise(VM *vm, Object *exc, Object *cause) {
  Object *cause_obj = NULL;
  if (cause) {
    if (cause == VM_NONE(vm)) {
      cause_obj = NULL;
    } else if (exc_is_class(vm, cause)) {
      cause_obj = obj_call0(vm, cause);
      if (!cause_obj) return -1;
      if (!EXC_CHECK(vm, cause_obj)) {
        obj_decref(vm, cause_obj);
        exc_set(vm, &vm->exc_TypeError, "calling %R should have returned an instance of BaseException, not %T",
                cause, cause_obj);
        return -1;
      }
    } else if (EXC_CHECK(vm, cause)) {
      cause_obj = obj_newref(cause);
    } else {
      exc_set(vm, &vm->exc_TypeError, "exception causes must derive from BaseException");
      return -1;
    }
  }
  exc_raise(vm, exc);
  if (cause && vm->exc && EXC_CHECK(vm, vm->exc) && vm->exc != cause_obj) {
    BaseExceptionObject *e = (BaseExceptionObject *)vm->exc;
    OBJ_SETREF(vm, e->cause, cause_obj);
    e->suppress_context = true;
  } else {
    obj_xdecref(vm, cause_obj);
  }
  return -1;
}

static int dict_merge_call(VM *vm, Object *dict, Object *update, Object *func) {
  if (!DICT_CHECK(vm, update)) {
    Object *keys = obj_lookup_attr(vm, update, vm->id.keys);
    if (!keys) {
      if (exc_occurred(vm)) return -1;
      Object *fs = function_str(vm, func);
      if (fs) {
        exc_set(vm, &vm->exc_TypeError, "%U argument after ** must be a mapping, not %T", fs, update);
        obj_decref(vm, fs);
      }
      return -1;
    }
    obj_decref(vm, keys);
    Object *tmp = dict_new(vm);
    if (!tmp) return -1;
    if (dict_update(vm, tmp, update) < 0) {
      obj_decref(vm, tmp);
      return -1;
    }
    int r = dict_merge_call(vm, dict, tmp, func);
    obj_decref(vm, tmp);
    return r;
  }
  ssize_t pos = 0;
  Object *k, *v;
  while (dict_next(update, &pos, &k, &v)) {
    int has = dict_contains(vm, dict, k);
    if (has < 0) return -1;
    if (has) {
      Object *fs = function_str(vm, func);
      if (fs) {
        if (STR_CHECK(vm, k)) exc_set(vm, &vm->exc_TypeError, "%U got multiple values for keyword argument '%U'", fs, k);
        else exc_set(vm, &vm->exc_TypeError, "%U keywords must be strings", fs);
        obj_decref(vm, fs);
      }
      return -1;
    }
    if (dict_setitem(vm, dict, k, v) < 0) return -1;
  }
  return 0;
}

static Object *call_function_ex(VM *vm, Object *func, Object *args, Object *kwargs) {
  Object *t;
  if (TUPLE_CHECK_EXACT(vm, args)) {
    t = obj_newref(args);
  } else {
    TypeObject *at = obj_type(vm, args);
    if (!at->tp_iter && !at->tp_getitem) {
      Object *fs = function_str(vm, func);
      if (fs) {
        exc_set(vm, &vm->exc_TypeError, "%U argument after * must be an iterable, not %T", fs, args);
        obj_decref(vm, fs);
      }
      return NULL;
    }
    t = tuple_from_iterable(vm, args);
    if (!t) return NULL;
  }
  Object *kw = NULL;
  if (kwargs && !DICT_CHECK_EXACT(vm, kwargs)) {
    kw = dict_new(vm);
    if (!kw || dict_merge_call(vm, kw, kwargs, func) < 0) {
      obj_xdecref(vm, kw);
      obj_decref(vm, t);
      return NULL;
    }
  } else if (kwargs) {
    kw = obj_newref(kwargs);
  }
  Object *r = obj_call_tuple_dict(vm, func, t, kw && dict_size(kw) ? kw : NULL);
  obj_decref(vm, t);
  obj_xdecref(vm, kw);
  return r;
}

static Object *before_with(VM *vm, Object *mgr, Object **exit_out) {
  TypeObject *t = obj_type(vm, mgr);
  Object *enter = type_lookup(vm, t, vm->id.__enter__);
  if (!enter) {
    exc_set(vm, &vm->exc_TypeError, "'%s' object does not support the context manager protocol", type_name(t));
    return NULL;
  }
  Object *exit = type_lookup(vm, t, vm->id.__exit__);
  if (!exit) {
    exc_set(vm, &vm->exc_TypeError,
            "'%s' object does not support the context manager protocol (missed __exit__ method)", type_name(t));
    return NULL;
  }
  TypeObject *et = obj_type(vm, exit);
  Object *bound = et->tp_descr_get ? et->tp_descr_get(vm, exit, mgr, (Object *)t) : obj_newref(exit);
  if (!bound) return NULL;
  obj_incref(enter);
  TypeObject *nt = obj_type(vm, enter);
  Object *res;
  if (nt->tp_descr_get) {
    Object *be = nt->tp_descr_get(vm, enter, mgr, (Object *)t);
    res = be ? obj_call0(vm, be) : NULL;
    obj_xdecref(vm, be);
  } else {
    res = obj_call0(vm, enter);
  }
  obj_decref(vm, enter);
  if (!res) {
    obj_decref(vm, bound);
    return NULL;
  }
  *exit_out = bound;
  return res;
}

static int import_star(VM *vm, Object *module, Object *locals) {
  return module_import_star(vm, module, locals);
}

static Object *print_expr(VM *vm, Object *v) {
  if (v == VM_NONE(vm)) return vm_none(vm);
  if (dict_setitem_cstr(vm, vm->builtins, "_", v) < 0) return NULL;
  Object *print = dict_getitem_cstr(vm, vm->builtins, "print");
  Object *r = print ? obj_repr(vm, v) : NULL;
  if (!r) return NULL;
  Object *res = obj_call1(vm, print, r);
  obj_decref(vm, r);
  return res;
}

/* Chain a freshly raised exception to the one being handled. */
static void chain_context(VM *vm) {
  Object *e = vm->exc;
  if (!e || !vm->exc_info || e == vm->exc_info || !EXC_CHECK(vm, e)) return;
  BaseExceptionObject *be = (BaseExceptionObject *)e;
  if (be->traceback || be->context) return;
  exc_set_context(vm, e, vm->exc_info);
}

/* ---- the loop ------------------------------------------------------------------- */

/* Float arithmetic inline in the loop: both exact floats, or an exact float and a small
   int (converted to double with correct rounding, as float.__add__ does). */
static inline bool float_operands(VM *vm, Object *a, Object *b) {
  bool fa = !obj_is_small(a) && a->ob_type == &vm->float_type;
  bool fb = !obj_is_small(b) && b->ob_type == &vm->float_type;
  return (fa && (fb || obj_is_small(b))) || (fb && obj_is_small(a));
}

Object *exec_frame(VM *vm, Frame *f, int throwflag) {
#ifdef KITE_COMPUTED_GOTO
  static const void *const labels[OP__COUNT] = {
#define OPCODE_LABEL_(name, effect) &&L_##name,
      KITE_OPCODES(OPCODE_LABEL_)
#undef OPCODE_LABEL_
  };
#endif
  Instr *ip, *first;
  Object **sp, **localsplus, **consts, **names;
  Instr ins;
  uint32_t arg;
  Object *kwnames = NULL;
  Object *retval = NULL;

  /* Load the frame's state into locals. */
#define LOAD_FRAME()                                                     \
  do {                                                                   \
    first = f->code->code;                                               \
    ip = f->ip;                                                          \
    sp = f->sp;                                                          \
    localsplus = f->localsplus;                                          \
    consts = TUPLE_ITEMS(f->code->consts);                               \
    names = TUPLE_ITEMS(f->code->names);                                 \
  } while (0)
  /* Write ip and sp back before anything that may look at the frame. */
#define SAVE_FRAME()                                                     \
  do {                                                                   \
    f->ip = ip;                                                          \
    f->sp = sp;                                                          \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(ptrdiff_t)(n)])
#define JUMPTO(t) (ip = first + (t))
#ifdef KITE_COMPUTED_GOTO
#define TARGET(op) L_##op:
  /* Fetch the next instruction and jump to its handler. */
#define DISPATCH()                                                       \
  do {                                                                   \
    ins = *ip++;                                                         \
    arg = INSTR_ARG(ins);                                                \
    goto *labels[INSTR_OP(ins)];                                         \
  } while (0)
#else
#define TARGET(op) case OP_##op:
#define DISPATCH() goto dispatch
#endif

  f->previous = vm->frame;
  vm->frame = f;
  f->state = FRAME_EXECUTING;
  LOAD_FRAME();
  if (throwflag) goto error;
  DISPATCH();

#ifndef KITE_COMPUTED_GOTO
  /* The compiler emits only real opcodes; a bad one is an internal error. */
#define KITE_UNREACHABLE_OPCODE() \
  do { exc_set(vm, &vm->exc_SystemError, "unknown opcode %d", (int)INSTR_OP(ins)); goto error; } while (0)
dispatch:
  ins = *ip++;
  arg = INSTR_ARG(ins);
  switch (INSTR_OP(ins)) {
#endif

  TARGET(NOP) { DISPATCH(); }
  TARGET(POP_TOP) {
    Object *v = POP();
    obj_decref(vm, v);
    DISPATCH();
  }
  TARGET(PUSH_NULL) {
    PUSH(NULL);
    DISPATCH();
  }
  TARGET(COPY) {
    Object *v = PEEK(arg);
    PUSH(obj_newref(v));
    DISPATCH();
  }
  TARGET(SWAP) {
    Object *t = TOP();
    TOP() = PEEK(arg);
    PEEK(arg) = t;
    DISPATCH();
  }
  TARGET(LOAD_CONST) {
    PUSH(obj_newref(consts[arg]));
    DISPATCH();
  }
  TARGET(LOAD_FAST) {
    Object *v = localsplus[arg];
    if (__builtin_expect(!v, 0)) {
      unbound_local(vm, f->code, (int)arg);
      goto error;
    }
    PUSH(obj_newref(v));
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    Object *old = localsplus[arg];
    localsplus[arg] = POP();
    obj_xdecref(vm, old);
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    Object *old = localsplus[arg];
    if (!old) {
      unbound_local(vm, f->code, (int)arg);
      goto error;
    }
    localsplus[arg] = NULL;
    obj_decref(vm, old);
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Object *v = cell_get(localsplus[arg]);
    if (!v) {
      unbound_local(vm, f->code, (int)arg);
      goto error;
    }
    PUSH(obj_newref(v));
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    Object *name = TUPLE_ITEMS(f->code->localsplusnames)[arg];
    Object *v = NULL;
    if (f->locals) {
      SAVE_FRAME();
      if (DICT_CHECK_EXACT(vm, f->locals)) {
        v = dict_getitem(vm, f->locals, name);
        if (v) obj_incref(v);
        else if (exc_occurred(vm)) goto error;
      } else {
        v = obj_getitem(vm, f->locals, name);
        if (!v) {
          if (!exc_matches(vm, &vm->exc_KeyError)) goto error;
          exc_clear(vm);
        }
      }
    }
    if (!v) {
      v = cell_get(localsplus[arg]);
      if (!v) {
        unbound_local(vm, f->code, (int)arg);
        goto error;
      }
      obj_incref(v);
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    CellObject *cell = (CellObject *)localsplus[arg];
    Object *old = cell->ref;
    cell->ref = POP();
    obj_xdecref(vm, old);
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    CellObject *cell = (CellObject *)localsplus[arg];
    if (!cell->ref) {
      unbound_local(vm, f->code, (int)arg);
      goto error;
    }
    OBJ_CLEAR(vm, cell->ref);
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    PUSH(obj_newref(localsplus[arg]));
    DISPATCH();
  }
  TARGET(MAKE_CELL) {
    Object *v = localsplus[arg];
    Object *cell = cell_new(vm, v);
    if (!cell) goto error;
    localsplus[arg] = cell;
    obj_xdecref(vm, v);
    DISPATCH();
  }
  TARGET(COPY_FREE_VARS) {
    Object *closure = ((FunctionObject *)f->func)->closure;
    int off = f->code->nlocalsplus - (int)arg;
    for (uint32_t i = 0; i < arg; i++) localsplus[off + (int)i] = obj_newref(TUPLE_ITEMS(closure)[i]);
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    Object *name = names[arg];
    Object *v = NULL;
    SAVE_FRAME();
    if (!f->locals) {
      exc_set(vm, &vm->exc_SystemError, "no locals when loading %R", name);
      goto error;
    }
    if (DICT_CHECK_EXACT(vm, f->locals)) {
      v = dict_getitem_str(vm, f->locals, name);
      if (v) obj_incref(v);
    } else {
      v = obj_getitem(vm, f->locals, name);
      if (!v) {
        if (!exc_matches(vm, &vm->exc_KeyError)) goto error;
        exc_clear(vm);
      }
    }
    if (!v) {
      v = dict_getitem_str(vm, f->globals, name);
      if (!v) v = dict_getitem_str(vm, f->builtins, name);
      if (!v) {
        name_error(vm, name);
        goto error;
      }
      obj_incref(v);
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    Object *v = POP();
    SAVE_FRAME();
    int r = DICT_CHECK_EXACT(vm, f->locals) ? dict_setitem(vm, f->locals, names[arg], v)
                                            : obj_setitem(vm, f->locals, names[arg], v);
    obj_decref(vm, v);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    SAVE_FRAME();
    if (obj_delitem(vm, f->locals, names[arg]) < 0) {
      if (exc_matches(vm, &vm->exc_KeyError)) {
        exc_clear(vm);
        name_error(vm, names[arg]);
      }
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    Object *name = names[arg >> 1];
    Object *v = dict_getitem_str(vm, f->globals, name);
    if (!v) {
      v = dict_getitem_str(vm, f->builtins, name);
      if (!v) {
        SAVE_FRAME();
        name_error(vm, name);
        goto error;
      }
    }
    if (arg & 1) PUSH(NULL);
    PUSH(obj_newref(v));
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    Object *v = POP();
    SAVE_FRAME();
    int r = dict_setitem(vm, f->globals, names[arg], v);
    obj_decref(vm, v);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    SAVE_FRAME();
    if (dict_delitem(vm, f->globals, names[arg]) < 0) {
      if (exc_matches(vm, &vm->exc_KeyError)) {
        exc_clear(vm);
        name_error(vm, names[arg]);
      }
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    Object *o = TOP();
    SAVE_FRAME();
    Object *v = obj_getattr(vm, o, names[arg]);
    obj_decref(vm, o);
    if (!v) {
      sp--;
      goto error;
    }
    TOP() = v;
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    Object *o = POP();
    Object *v = POP();
    SAVE_FRAME();
    int r = obj_setattr(vm, o, names[arg], v);
    obj_decref(vm, o);
    obj_decref(vm, v);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    Object *o = POP();
    SAVE_FRAME();
    int r = obj_setattr(vm, o, names[arg], NULL);
    obj_decref(vm, o);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    Object *o = TOP();
    Object *name = names[arg];
    TypeObject *t = obj_type(vm, o);
    SAVE_FRAME();
    if (t->tp_getattro == obj_generic_getattr) {
      Object *d = type_lookup(vm, t, name);
      if (d && (obj_type(vm, d) == &vm->function_type || obj_type(vm, d) == &vm->method_descr_type)) {
        Object *shadow = NULL;
        if (t->tp_dictoffset > 0) {
          Object *dict = *(Object **)((char *)o + t->tp_dictoffset);
          if (dict) shadow = dict_getitem_str(vm, dict, name);
        }
        if (!shadow) {
          TOP() = obj_newref(d);
          PUSH(o);
          DISPATCH();
        }
      }
    }
    Object *v = obj_getattr(vm, o, name);
    obj_decref(vm, o);
    if (!v) {
      sp--;
      goto error;
    }
    TOP() = NULL;
    PUSH(v);
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR) {
    Object *key = POP();
    Object *c = TOP();
    Object *v;
    if (LIST_CHECK_EXACT(vm, c) && obj_is_small(key)) {
      int64_t i = small_value(key);
      if (i < 0) i += LIST_SIZE(c);
      if (i >= 0 && i < LIST_SIZE(c)) {
        v = obj_newref(LIST_ITEMS(c)[i]);
        obj_decref(vm, c);
        TOP() = v;
        DISPATCH();
      }
    }
    SAVE_FRAME();
    v = obj_getitem(vm, c, key);
    obj_decref(vm, key);
    obj_decref(vm, c);
    if (!v) {
      sp--;
      goto error;
    }
    TOP() = v;
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    Object *key = POP();
    Object *c = POP();
    Object *v = POP();
    if (LIST_CHECK_EXACT(vm, c) && obj_is_small(key)) {
      int64_t i = small_value(key);
      if (i < 0) i += LIST_SIZE(c);
      if (i >= 0 && i < LIST_SIZE(c)) {
        Object *old = LIST_ITEMS(c)[i];
        LIST_ITEMS(c)[i] = v;
        obj_decref(vm, old);
        obj_decref(vm, c);
        DISPATCH();
      }
    }
    SAVE_FRAME();
    int r = obj_setitem(vm, c, key, v);
    obj_decref(vm, key);
    obj_decref(vm, c);
    obj_decref(vm, v);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    Object *key = POP();
    Object *c = POP();
    SAVE_FRAME();
    int r = obj_delitem(vm, c, key);
    obj_decref(vm, key);
    obj_decref(vm, c);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(BINARY_OP) {
    Object *b = POP();
    Object *a = TOP();
    if (obj_is_small(a) && obj_is_small(b)) {
      int64_t x = small_value(a), y = small_value(b), z;
      switch (arg & ~(uint32_t)BINOP_INPLACE) {
        case BINOP_ADD: z = x + y; goto small_result;
        case BINOP_SUB: z = x - y; goto small_result;
        case BINOP_AND: z = x & y; goto small_result;
        case BINOP_OR: z = x | y; goto small_result;
        case BINOP_XOR: z = x ^ y; goto small_result;
        case BINOP_MUL:
          if (__builtin_mul_overflow(x, y, &z)) break;
          goto small_result;
        case BINOP_FLOORDIV:
          if (y == 0) break;
          z = x / y;
          if ((x % y != 0) && ((x < 0) != (y < 0))) z--;
          goto small_result;
        case BINOP_MOD:
          if (y == 0) break;
          z = x % y;
          if (z != 0 && ((z < 0) != (y < 0))) z += y;
          goto small_result;
        default: break;
      }
      goto binop_slow;
    small_result:
      if (small_fits(z)) {
        TOP() = small_new(z);
        DISPATCH();
      }
    }
    if (float_operands(vm, a, b)) {
      double x = obj_is_small(a) ? (double)small_value(a) : float_value(a);
      double y = obj_is_small(b) ? (double)small_value(b) : float_value(b), z;
      switch (arg & ~(uint32_t)BINOP_INPLACE) {
        case BINOP_ADD: z = x + y; break;
        case BINOP_SUB: z = x - y; break;
        case BINOP_MUL: z = x * y; break;
        case BINOP_TRUEDIV:
          if (y == 0) goto binop_slow;   /* ZeroDivisionError */
          z = x / y;
          break;
        default: goto binop_slow;
      }
      /* a float only the stack holds is dead after this: reuse it for the result */
      if (!obj_is_small(a) && a->ob_refcnt == 1) {
        ((FloatObject *)a)->value = z;
        obj_decref(vm, b);
        DISPATCH();
      }
      if (!obj_is_small(b) && b->ob_refcnt == 1) {
        ((FloatObject *)b)->value = z;
        obj_decref(vm, a);
        TOP() = b;
        DISPATCH();
      }
      Object *r = float_new(vm, z);
      if (!r) goto binop_slow;
      obj_decref(vm, a);
      obj_decref(vm, b);
      TOP() = r;
      DISPATCH();
    }
  binop_slow: {
    SAVE_FRAME();
    Object *r = obj_binop(vm, a, b, (int)arg);
    obj_decref(vm, a);
    obj_decref(vm, b);
    if (!r) {
      sp--;
      goto error;
    }
    TOP() = r;
    DISPATCH();
  }
  }
  TARGET(UNARY_NEGATIVE) {
    Object *v = TOP();
    if (obj_is_small(v) && small_fits(-small_value(v))) {
      TOP() = small_new(-small_value(v));
      DISPATCH();
    }
    SAVE_FRAME();
    Object *r = obj_unaryop(vm, v, UNARY_NEG);
    obj_decref(vm, v);
    if (!r) {
      sp--;
      goto error;
    }
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_POSITIVE) {
    Object *v = TOP();
    SAVE_FRAME();
    Object *r = obj_unaryop(vm, v, UNARY_POS);
    obj_decref(vm, v);
    if (!r) {
      sp--;
      goto error;
    }
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    Object *v = TOP();
    SAVE_FRAME();
    Object *r = obj_unaryop(vm, v, UNARY_INVERT);
    obj_decref(vm, v);
    if (!r) {
      sp--;
      goto error;
    }
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    Object *v = TOP();
    SAVE_FRAME();
    int t = obj_is_true(vm, v);
    obj_decref(vm, v);
    if (t < 0) {
      sp--;
      goto error;
    }
    TOP() = vm_bool(vm, !t);
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    Object *b = POP();
    Object *a = TOP();
    if (obj_is_small(a) && obj_is_small(b)) {
      intptr_t x = (intptr_t)a, y = (intptr_t)b;   /* the tagging preserves order */
      bool r;
      switch (arg) {
        case CMP_LT: r = x < y; break;
        case CMP_LE: r = x <= y; break;
        case CMP_EQ: r = x == y; break;
        case CMP_NE: r = x != y; break;
        case CMP_GT: r = x > y; break;
        default: r = x >= y; break;
      }
      TOP() = vm_bool(vm, r);
      DISPATCH();
    }
    if (!obj_is_small(a) && !obj_is_small(b) && a->ob_type == &vm->float_type &&
        b->ob_type == &vm->float_type) {
      double x = float_value(a), y = float_value(b);
      bool r;
      switch (arg) {
        case CMP_LT: r = x < y; break;
        case CMP_LE: r = x <= y; break;
        case CMP_EQ: r = x == y; break;
        case CMP_NE: r = x != y; break;
        case CMP_GT: r = x > y; break;
        default: r = x >= y; break;
      }
      obj_decref(vm, a);
      obj_decref(vm, b);
      TOP() = vm_bool(vm, r);
      DISPATCH();
    }
    SAVE_FRAME();
    Object *r = obj_richcompare(vm, a, b, (int)arg);
    obj_decref(vm, a);
    obj_decref(vm, b);
    if (!r) {
      sp--;
      goto error;
    }
    TOP() = r;
    DISPATCH();
  }
  TARGET(IS_OP) {
    Object *b = POP();
    Object *a = TOP();
    bool r = (a == b) ^ (arg != 0);
    obj_decref(vm, a);
    obj_decref(vm, b);
    TOP() = vm_bool(vm, r);
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    Object *c = POP();
    Object *item = TOP();
    SAVE_FRAME();
    int r = obj_contains(vm, c, item);
    obj_decref(vm, c);
    obj_decref(vm, item);
    if (r < 0) {
      sp--;
      goto error;
    }
    TOP() = vm_bool(vm, r ^ (int)arg);
    DISPATCH();
  }
  TARGET(BUILD_TUPLE) {
    Object *t = tuple_alloc(vm, (ssize_t)arg);
    if (!t) goto error;
    sp -= arg;
    memcpy(TUPLE_ITEMS(t), sp, sizeof(Object *) * arg);
    tuple_track(vm, t);
    PUSH(t);
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    Object *l = list_new(vm, (ssize_t)arg);
    if (!l) goto error;
    sp -= arg;
    if (arg) memcpy(LIST_ITEMS(l), sp, sizeof(Object *) * arg);
    PUSH(l);
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    SAVE_FRAME();
    Object *s = set_new(vm, NULL);
    if (!s) goto error;
    int err = 0;
    for (uint32_t i = arg; i > 0; i--) {
      Object *item = PEEK(i);
      if (!err && set_add(vm, s, item) < 0) err = 1;
    }
    for (uint32_t i = 0; i < arg; i++) obj_decref(vm, POP());
    if (err) {
      obj_decref(vm, s);
      goto error;
    }
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    SAVE_FRAME();
    Object *d = dict_new(vm);
    if (!d) goto error;
    int err = 0;
    for (uint32_t i = arg; i > 0; i--)
      if (!err && dict_setitem(vm, d, PEEK(2 * i), PEEK(2 * i - 1)) < 0) err = 1;
    for (uint32_t i = 0; i < 2 * arg; i++) obj_decref(vm, POP());
    if (err) {
      obj_decref(vm, d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_CONST_KEY_MAP) {
    SAVE_FRAME();
    Object *keys = POP();
    Object *d = dict_new(vm);
    int err = !d;
    for (uint32_t i = 0; i < arg && !err; i++)
      if (dict_setitem(vm, d, TUPLE_ITEMS(keys)[i], PEEK(arg - i)) < 0) err = 1;
    for (uint32_t i = 0; i < arg; i++) obj_decref(vm, POP());
    obj_decref(vm, keys);
    if (err) {
      obj_xdecref(vm, d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    StrBuf b;
    strbuf_init(&b);
    for (uint32_t i = arg; i > 0; i--) strbuf_append_str(vm, &b, PEEK(i));
    for (uint32_t i = 0; i < arg; i++) obj_decref(vm, POP());
    Object *s = strbuf_finish(vm, &b);
    if (!s) goto error;
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    Object *step = arg == 3 ? POP() : NULL;
    Object *stop = POP();
    Object *start = TOP();
    Object *s = slice_new(vm, start, stop, step ? step : VM_NONE(vm));
    obj_decref(vm, start);
    obj_decref(vm, stop);
    obj_xdecref(vm, step);
    if (!s) {
      sp--;
      goto error;
    }
    TOP() = s;
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    Object *v = POP();
    int r = list_append(vm, PEEK(arg), v);
    obj_decref(vm, v);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(SET_ADD) {
    Object *v = POP();
    SAVE_FRAME();
    int r = set_add(vm, PEEK(arg), v);
    obj_decref(vm, v);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    Object *v = POP();
    Object *k = POP();
    SAVE_FRAME();
    int r = dict_setitem(vm, PEEK(arg), k, v);
    obj_decref(vm, k);
    obj_decref(vm, v);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    Object *it = POP();
    SAVE_FRAME();
    int r = list_extend(vm, PEEK(arg), it);
    if (r < 0 && exc_matches(vm, &vm->exc_TypeError) && !obj_type(vm, it)->tp_iter &&
        !obj_type(vm, it)->tp_getitem) {
      exc_clear(vm);
      exc_set(vm, &vm->exc_TypeError, "Value after * must be an iterable, not %T", it);
    }
    obj_decref(vm, it);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    Object *it = POP();
    SAVE_FRAME();
    Object *s = PEEK(arg);
    Object *iter = obj_iter(vm, it);
    obj_decref(vm, it);
    if (!iter) goto error;
    Object *item;
    int r = 0;
    while ((item = obj_next(vm, iter))) {
      r = set_add(vm, s, item);
      obj_decref(vm, item);
      if (r < 0) break;
    }
    obj_decref(vm, iter);
    if (r < 0 || exc_occurred(vm)) goto error;
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    Object *u = POP();
    SAVE_FRAME();
    int r = 0;
    if (!DICT_CHECK(vm, u)) {
      Object *k = obj_lookup_attr(vm, u, vm->id.keys);
      if (!k) {
        if (!exc_occurred(vm)) exc_set(vm, &vm->exc_TypeError, "'%s' object is not a mapping", type_name(obj_type(vm, u)));
        r = -1;
      }
      obj_xdecref(vm, k);
    }
    if (r == 0) r = dict_update(vm, PEEK(arg), u);
    obj_decref(vm, u);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    Object *u = POP();
    SAVE_FRAME();
    int r = dict_merge_call(vm, PEEK(arg), u, PEEK(arg + 2));
    obj_decref(vm, u);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    Object *l = TOP();
    Object *t = list_as_tuple(vm, l);
    obj_decref(vm, l);
    if (!t) {
      sp--;
      goto error;
    }
    TOP() = t;
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    Object *seq = POP();
    if (TUPLE_CHECK_EXACT(vm, seq) && TUPLE_SIZE(seq) == (ssize_t)arg) {
      Object **items = TUPLE_ITEMS(seq);
      for (uint32_t i = 0; i < arg; i++) sp[arg - 1 - i] = obj_newref(items[i]);
      sp += arg;
      obj_decref(vm, seq);
      DISPATCH();
    }
    SAVE_FRAME();
    if (unpack(vm, seq, (int)arg, 0, false, sp) < 0) {
      obj_decref(vm, seq);
      goto error;
    }
    sp += arg;
    obj_decref(vm, seq);
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    Object *seq = POP();
    int before = (int)(arg & 0xff), after = (int)(arg >> 8);
    SAVE_FRAME();
    if (unpack(vm, seq, before, after, true, sp) < 0) {
      obj_decref(vm, seq);
      goto error;
    }
    sp += before + after + 1;
    obj_decref(vm, seq);
    DISPATCH();
  }
  TARGET(JUMP) {
    JUMPTO(arg);
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    /* embedding: charge the loop body (the jump distance) to the budget */
    if ((vm->insn_countdown -= (ip - first) - (ptrdiff_t)arg) < 0) {
      SAVE_FRAME();
      if (api_check_interrupt(vm) < 0) goto error;
    }
    JUMPTO(arg);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    Object *v = POP();
    if (v == vm->false_obj) {
      JUMPTO(arg);
      DISPATCH();
    }
    if (v == vm->true_obj) DISPATCH();
    SAVE_FRAME();
    int t = obj_is_true(vm, v);
    obj_decref(vm, v);
    if (t < 0) goto error;
    if (!t) JUMPTO(arg);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    Object *v = POP();
    if (v == vm->true_obj) {
      JUMPTO(arg);
      DISPATCH();
    }
    if (v == vm->false_obj) DISPATCH();
    SAVE_FRAME();
    int t = obj_is_true(vm, v);
    obj_decref(vm, v);
    if (t < 0) goto error;
    if (t) JUMPTO(arg);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NONE) {
    Object *v = POP();
    if (v == VM_NONE(vm)) JUMPTO(arg);
    obj_decref(vm, v);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NOT_NONE) {
    Object *v = POP();
    if (v != VM_NONE(vm)) JUMPTO(arg);
    obj_decref(vm, v);
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    Object *v = TOP();
    SAVE_FRAME();
    int t = v == vm->true_obj ? 1 : v == vm->false_obj ? 0 : obj_is_true(vm, v);
    if (t < 0) goto error;
    if (!t) {
      JUMPTO(arg);
    } else {
      sp--;
      obj_decref(vm, v);
    }
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    Object *v = TOP();
    SAVE_FRAME();
    int t = v == vm->true_obj ? 1 : v == vm->false_obj ? 0 : obj_is_true(vm, v);
    if (t < 0) goto error;
    if (t) {
      JUMPTO(arg);
    } else {
      sp--;
      obj_decref(vm, v);
    }
    DISPATCH();
  }
  TARGET(GET_ITER) {
    Object *o = TOP();
    SAVE_FRAME();
    Object *it = obj_iter(vm, o);
    obj_decref(vm, o);
    if (!it) {
      sp--;
      goto error;
    }
    TOP() = it;
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    Object *it = TOP();
    if (RANGE_ITER_CHECK(vm, it)) {
      int64_t v;
      if (range_iter_next_fast(it, &v)) {
        if (small_fits(v)) {
          PUSH(small_new(v));
        } else {
          Object *o = int_from_i64(vm, v);
          if (!o) goto error;
          PUSH(o);
        }
        DISPATCH();
      }
      goto for_exhausted;
    }
    SAVE_FRAME();
    Object *next = obj_type(vm, it)->tp_iternext(vm, it);
    if (next) {
      PUSH(next);
      DISPATCH();
    }
    if (exc_occurred(vm)) {
      if (!exc_matches(vm, &vm->exc_StopIteration)) goto error;
      exc_clear(vm);
    }
  for_exhausted:
    sp--;
    obj_decref(vm, it);
    JUMPTO(arg);
    DISPATCH();
  }
  TARGET(KW_NAMES) {
    kwnames = consts[arg];
    DISPATCH();
  }
  TARGET(CALL) {
    int total = (int)arg;
    Object **base = sp - total - 2;   /* [meth|NULL, callable|self, args...] */
    Object *callable;
    Object **args;
    size_t nargs;
    if (base[0]) {
      callable = base[0];
      args = base + 1;
      nargs = (size_t)total + 1;
    } else {
      callable = base[1];
      args = base + 2;
      nargs = (size_t)total;
      if (!obj_is_small(callable) && callable->ob_type == &vm->method_type) {
        MethodObject *m = (MethodObject *)callable;
        base[0] = obj_newref(m->func);
        base[1] = obj_newref(m->self);
        obj_decref(vm, callable);
        callable = base[0];
        args = base + 1;
        nargs++;
      }
    }
    Object *kw = kwnames;
    kwnames = NULL;
    size_t npos = nargs - (kw ? (size_t)TUPLE_SIZE(kw) : 0);
    SAVE_FRAME();
    if (!obj_is_small(callable) && callable->ob_type == &vm->function_type) {
      FunctionObject *fn = (FunctionObject *)callable;
      CodeObject *co = (CodeObject *)fn->code;
      if (!(co->flags & CO_GENERATOR)) {
        if (api_tick(vm, 1) < 0) goto call_failed;
        if (vm->recursion_depth >= vm->recursion_limit) {
          recursion_error(vm);
          goto call_failed;
        }
        Frame *nf = push_frame(vm, co);
        if (!nf) goto call_failed;
        vm->recursion_depth++;
        exec_init_frame(vm, nf, co, NULL, fn->globals, fn->builtins, NULL);
        nf->func = callable;   /* the stack's reference moves to the frame */
        if (!kw && npos == (size_t)co->argcount && !(co->flags & (CO_VARARGS | CO_VARKEYWORDS)) &&
            co->kwonlyargcount == 0) {
          memcpy(nf->localsplus, args, sizeof(Object *) * npos);   /* move */
        } else {
          if (exec_bind_args(vm, nf, callable, args, npos, kw) < 0) {
            nf->func = NULL;
            nf->sp = nf->localsplus + co->nlocalsplus;
            exec_clear_frame(vm, nf);
            pop_frame(vm, nf);
            vm->recursion_depth--;
            goto call_failed;
          }
          for (size_t i = 0; i < nargs; i++) obj_decref(vm, args[i]);
        }
        sp = base;
        f->sp = sp;
        nf->previous = f;
        nf->state = FRAME_EXECUTING;
        f = nf;
        vm->frame = f;
        LOAD_FRAME();
        DISPATCH();
      }
    }
    {
      Object *r = obj_call(vm, callable, args, npos, kw);
      for (Object **p = base; p < sp; p++) obj_xdecref(vm, *p);
      sp = base;
      if (!r) goto error;
      PUSH(r);
      DISPATCH();
    }
  call_failed:
    for (Object **p = base; p < sp; p++) obj_xdecref(vm, *p);
    sp = base;
    goto error;
  }
  TARGET(CALL_FUNCTION_EX) {
    Object *kwargs = arg & 1 ? POP() : NULL;
    Object *args = POP();
    Object *func = POP();
    Object *null = POP();
    SAVE_FRAME();
    Object *r = call_function_ex(vm, func, args, kwargs);
    obj_xdecref(vm, kwargs);
    obj_decref(vm, args);
    obj_decref(vm, func);
    obj_xdecref(vm, null);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
  }
  TARGET(MAKE_FUNCTION) {
    Object *code = POP();
    Object *fn = func_new(vm, code, f->globals);
    obj_decref(vm, code);
    if (!fn) goto error;
    FunctionObject *fo = (FunctionObject *)fn;
    OBJ_SETREF(vm, fo->builtins, obj_newref(f->builtins));
    if (arg & MKFN_CLOSURE) fo->closure = POP();
    if (arg & MKFN_ANNOTATIONS) fo->annotations = POP();
    if (arg & MKFN_KWDEFAULTS) fo->kwdefaults = POP();
    if (arg & MKFN_DEFAULTS) fo->defaults = POP();
    PUSH(fn);
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    retval = POP();
    if (f->is_entry) goto leave;
    Frame *prev = f->previous;
    f->sp = sp;
    exec_clear_frame(vm, f);
    pop_frame(vm, f);
    vm->recursion_depth--;
    f = prev;
    vm->frame = f;
    LOAD_FRAME();
    PUSH(retval);
    retval = NULL;
    DISPATCH();
  }
  TARGET(RAISE_VARARGS) {
    Object *cause = arg == 2 ? POP() : NULL;
    Object *exc = arg >= 1 ? POP() : NULL;
    SAVE_FRAME();
    if (!exc) {
      obj_xdecref(vm, cause);
      if (!vm->exc_info) {
        exc_set(vm, &vm->exc_RuntimeError, "No active exception to reraise");
        goto error;
      }
      exc_restore(vm, obj_newref(vm->exc_info));
      goto exception_unwind;
    }
    do_raise(vm, exc, cause);
    obj_decref(vm, exc);
    obj_xdecref(vm, cause);
    goto error;
  }
  TARGET(RERAISE) {
    Object *exc = POP();
    exc_restore(vm, exc);
    goto exception_unwind;
  }
  TARGET(PUSH_EXC_INFO) {
    Object *exc = TOP();
    Object *prev = vm->exc_info ? vm->exc_info : vm_none(vm);
    vm->exc_info = obj_newref(exc);
    TOP() = prev;
    PUSH(exc);
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    Object *prev = POP();
    Object *old = vm->exc_info;
    if (prev == VM_NONE(vm)) {
      obj_decref(vm, prev);
      prev = NULL;
    }
    vm->exc_info = prev;
    obj_xdecref(vm, old);
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    Object *t = TOP();
    SAVE_FRAME();
    int r = exc_match(vm, SECOND(), t);
    obj_decref(vm, t);
    if (r < 0) {
      sp--;
      goto error;
    }
    TOP() = vm_bool(vm, r);
    DISPATCH();
  }
  TARGET(BEFORE_WITH) {
    Object *mgr = TOP();
    Object *exit = NULL;
    SAVE_FRAME();
    Object *res = before_with(vm, mgr, &exit);
    obj_decref(vm, mgr);
    if (!res) {
      sp--;
      goto error;
    }
    TOP() = exit;
    PUSH(res);
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    Object *exc = TOP();
    Object *exit = PEEK(3);
    SAVE_FRAME();
    BaseExceptionObject *e = (BaseExceptionObject *)exc;
    Object *a[3] = {(Object *)obj_type(vm, exc), exc, e->traceback ? e->traceback : VM_NONE(vm)};
    Object *r = obj_call(vm, exit, a, 3, NULL);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
  }
  TARGET(YIELD_VALUE) {
    retval = POP();
    f->ip = ip;
    f->sp = sp;
    f->state = FRAME_SUSPENDED;
    vm->frame = f->previous;
    return retval;
  }
  TARGET(GET_YIELD_FROM_ITER) {
    Object *o = TOP();
    if (obj_type(vm, o) != &vm->generator_type) {
      SAVE_FRAME();
      Object *it = obj_iter(vm, o);
      obj_decref(vm, o);
      if (!it) {
        sp--;
        goto error;
      }
      TOP() = it;
    }
    DISPATCH();
  }
  TARGET(SEND) {
    Object *v = POP();
    Object *sub = TOP();
    Object *r = NULL;
    SAVE_FRAME();
    int status = gen_send_any(vm, sub, v, &r);
    obj_decref(vm, v);
    if (status < 0) goto error;
    if (status == 1) {   /* returned: [value], continue after the loop */
      obj_decref(vm, sub);
      TOP() = r;
      JUMPTO(arg);
      DISPATCH();
    }
    PUSH(r);
    DISPATCH();
  }
  TARGET(LOAD_BUILD_CLASS) {
    Object *bc = dict_getitem_cstr(vm, f->builtins, "__build_class__");
    if (!bc) {
      exc_set(vm, &vm->exc_NameError, "__build_class__ not found");
      goto error;
    }
    PUSH(obj_newref(bc));
    DISPATCH();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(obj_newref((Object *)&vm->exc_AssertionError));
    DISPATCH();
  }
  TARGET(IMPORT_NAME) {
    Object *fromlist = POP();
    Object *level = TOP();
    SAVE_FRAME();
    Object *m = module_import(vm, names[arg], f->globals, fromlist, (int)small_value(level));
    obj_decref(vm, fromlist);
    obj_decref(vm, level);
    if (!m) {
      sp--;
      goto error;
    }
    TOP() = m;
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    SAVE_FRAME();
    Object *v = module_import_from(vm, TOP(), names[arg]);
    if (!v) goto error;
    PUSH(v);
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    Object *m = POP();
    SAVE_FRAME();
    int r = import_star(vm, m, f->locals);
    obj_decref(vm, m);
    if (r < 0) goto error;
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    Object *spec = (arg & FVS_HAVE_SPEC) ? POP() : NULL;
    Object *v = TOP();
    SAVE_FRAME();
    Object *r = format_value(vm, v, (int)(arg & FVC_MASK), spec);
    obj_xdecref(vm, spec);
    obj_decref(vm, v);
    if (!r) {
      sp--;
      goto error;
    }
    TOP() = r;
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    SAVE_FRAME();
    if (!dict_getitem_str(vm, f->locals, vm->id.__annotations__)) {
      Object *d = dict_new(vm);
      if (!d) goto error;
      int r = obj_setitem(vm, f->locals, vm->id.__annotations__, d);
      obj_decref(vm, d);
      if (r < 0) goto error;
    }
    DISPATCH();
  }
  TARGET(PRINT_EXPR) {
    Object *v = POP();
    SAVE_FRAME();
    Object *r = print_expr(vm, v);
    obj_decref(vm, v);
    if (!r) goto error;
    obj_decref(vm, r);
    DISPATCH();
  }
  TARGET(RETURN_GENERATOR) { DISPATCH(); }
  TARGET(BINARY_ADD_INT) { DISPATCH(); }
  TARGET(BINARY_SUB_INT) { DISPATCH(); }
  TARGET(COMPARE_INT) { DISPATCH(); }
  TARGET(FOR_ITER_RANGE) { DISPATCH(); }
  TARGET(FOR_ITER_LIST) { DISPATCH(); }

#ifndef KITE_COMPUTED_GOTO
  default:
    KITE_UNREACHABLE_OPCODE();
  }
#endif

error:
  /* A fresh exception: chain it to the one being handled, then record where it
     passed through this frame. */
  chain_context(vm);
  traceback_add(vm, f->code, (int)(ip - first) - 1);
exception_unwind: {
  int lasti = (int)(ip - first) - 1;
  const ExcEntry *h = code_find_handler(f->code, lasti);
  if (h) {
    Object **target = f->localsplus + f->code->nlocalsplus + h->depth;
    while (sp > target) {
      Object *v = POP();
      obj_xdecref(vm, v);
    }
    PUSH(exc_fetch(vm));
    JUMPTO(h->handler);
    DISPATCH();
  }
  /* no handler: leave this frame */
  f->sp = sp;
  if (f->is_entry) goto leave;
  Frame *prev = f->previous;
  exec_clear_frame(vm, f);
  pop_frame(vm, f);
  vm->recursion_depth--;
  f = prev;
  vm->frame = f;
  LOAD_FRAME();
  goto error;
}

leave:
  /* retval is NULL on error. The entry frame's owner releases it. */
  f->sp = sp;
  f->state = FRAME_COMPLETED;
  vm->frame = f->previous;
  return retval;

#undef LOAD_FRAME
#undef SAVE_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef PEEK
#undef JUMPTO
#undef TARGET
#undef DISPATCH
}
