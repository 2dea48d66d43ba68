/*
 * traceback: traceback objects and printing (CPython 3.11's Python/traceback.c and
 * Python/pythonrun.c print_exception_recursive, reproduced byte for byte).
 *
 * Caret lines: the instruction's position gives the underlined span; when it lies on
 * one line, the span is re-parsed and a BinOp or Subscript gets 3.11's anchors
 * (`~~~^^^~~~`). The caret line is omitted when it would underline the whole stripped
 * line with plain carets.
 */
#include "runtime/traceback.h"

#include <string.h>

#include "parser/parse.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"   /* for cell_get(): snapshots of cell variables */
#include "runtime/gen.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/exec.h"        /* struct Frame */

#define TB_RECURSIVE_CUTOFF 3

/* ---- objects ------------------------------------------------------------------- */

void traceback_add(VM *vm, CodeObject *code, int lasti) {
  Object *e = vm->exc;
  if (!e || !EXC_CHECK(vm, e)) return;
  TracebackObject *tb = (TracebackObject *)obj_alloc(vm, &vm->traceback_type, 0);
  if (!tb) {
    exc_clear(vm);
    exc_restore(vm, e);
    return;
  }
  BaseExceptionObject *be = (BaseExceptionObject *)e;
  tb->next = be->traceback;   /* the reference moves */
  tb->code = code;
  obj_incref((Object *)code);
  Frame *f = vm->frame;
  tb->globals = f && f->code == code && f->globals ? obj_newref(f->globals) : NULL;
  tb->frame = NULL;
  tb->lasti = lasti < 0 ? 0 : lasti;
  tb->lineno = code_line(code, tb->lasti);
  if (tb->lineno == 0) tb->lineno = code->firstlineno;
  be->traceback = (Object *)tb;
  gc_track(vm, (Object *)tb);
}

static int tb_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  TracebackObject *tb = (TracebackObject *)self;
  if (tb->next && visit(vm, tb->next, arg)) return 1;
  if (tb->globals && visit(vm, tb->globals, arg)) return 1;
  return tb->frame ? visit(vm, tb->frame, arg) : 0;
}

static int tb_clear(VM *vm, Object *self) {
  TracebackObject *tb = (TracebackObject *)self;
  OBJ_CLEAR(vm, tb->next);
  OBJ_CLEAR(vm, tb->globals);
  OBJ_CLEAR(vm, tb->frame);
  return 0;
}

static void tb_dealloc(VM *vm, Object *self) {
  TracebackObject *tb = (TracebackObject *)self;
  gc_untrack(vm, self);
  OBJ_CLEAR(vm, tb->next);
  OBJ_CLEAR(vm, tb->code);
  OBJ_CLEAR(vm, tb->globals);
  OBJ_CLEAR(vm, tb->frame);
  obj_free(vm, self, sizeof(TracebackObject));
}

/* ---- frame objects ------------------------------------------------------------------ */

/* New reference: a frame object with every field given (references are taken). */
static Object *frame_make(VM *vm, CodeObject *code, Object *globals, Object *locals, Object *gen, int lineno) {
  FrameObject *fo = (FrameObject *)obj_alloc(vm, &vm->frame_type, 0);
  if (!fo) return NULL;
  fo->code = code;
  obj_incref((Object *)code);
  fo->globals = globals ? obj_newref(globals) : NULL;
  fo->locals = locals ? obj_newref(locals) : NULL;
  fo->back = NULL;
  fo->gen = gen ? obj_newref(gen) : NULL;
  fo->lineno = lineno;
  gc_track(vm, (Object *)fo);
  return (Object *)fo;
}

/* New reference: f's variables by name (fast locals and the contents of its cells),
   or its namespace for module and class bodies. */
static Object *locals_of(VM *vm, Frame *f) {
  if (f->locals) return obj_newref(f->locals);
  Object *d = dict_new(vm);
  CodeObject *co = f->code;
  for (int i = 0; d && i < co->nlocalsplus; i++) {
    Object *v = f->localsplus[i];
    int kind = co->localspluskinds[i];
    if (v && (kind & (CO_FAST_CELL | CO_FAST_FREE)) &&
        (!(kind & CO_FAST_LOCAL) || obj_type(vm, v) == &vm->cell_type))
      v = cell_get(v);
    if (v && dict_setitem(vm, d, TUPLE_ITEMS(co->localsplusnames)[i], v) < 0) OBJ_CLEAR(vm, d);
  }
  return d;
}

/* f's current line; a generator that has not started is at its def line. */
static int live_line(Frame *f) {
  return f->state == FRAME_CREATED ? f->code->firstlineno : exec_frame_line(f);
}

/* New reference: the frame object of f's caller, or None. A generator's frame has a
   caller only while it runs. */
static Object *caller_of(VM *vm, Frame *f) {
  bool linked = !f->gen || f->state == FRAME_EXECUTING;
  if (!linked || !f->previous) return vm_none(vm);
  return frame_object_new(vm, f->previous, f->previous->gen, true);
}

Object *frame_object_new(VM *vm, Frame *f, Object *gen, bool with_back) {
  Object *locals = locals_of(vm, f);
  if (!locals) return NULL;
  Object *fo = frame_make(vm, f->code, f->globals, locals, gen, live_line(f));
  obj_decref(vm, locals);
  if (fo && with_back && !gen) {   /* a generator's caller is looked up when asked */
    Object *back = caller_of(vm, f);
    if (!back) OBJ_CLEAR(vm, fo);
    else if (back == VM_NONE(vm)) obj_decref(vm, back);
    else ((FrameObject *)fo)->back = back;
  }
  return fo;
}

static int frame_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  FrameObject *fo = (FrameObject *)self;
  Object *refs[] = {(Object *)fo->code, fo->globals, fo->locals, fo->back, fo->gen};
  for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
    if (refs[i] && visit(vm, refs[i], arg)) return 1;
  return 0;
}

static int frame_clear(VM *vm, Object *self) {
  FrameObject *fo = (FrameObject *)self;
  OBJ_CLEAR(vm, fo->globals);
  OBJ_CLEAR(vm, fo->locals);
  OBJ_CLEAR(vm, fo->back);
  OBJ_CLEAR(vm, fo->gen);
  return 0;
}

static void frame_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  frame_clear(vm, self);
  OBJ_CLEAR(vm, ((FrameObject *)self)->code);
  obj_free(vm, self, sizeof(FrameObject));
}

/* The generator's frame while it has not finished, else NULL. */
static Frame *gen_frame(VM *vm, FrameObject *fo) {
  (void)vm;
  return fo->gen ? gen_live_frame(fo->gen) : NULL;
}

static int frame_line(VM *vm, FrameObject *fo) {
  Frame *f = gen_frame(vm, fo);
  return f ? live_line(f) : fo->lineno;
}

static Object *frame_repr(VM *vm, Object *self) {
  FrameObject *fo = (FrameObject *)self;
  return str_from_format(vm, "<frame at %p, file '%U', line %d, code %U>", (void *)self,
                         fo->code->filename, frame_line(vm, fo), fo->code->name);
}

static Object *or_none(VM *vm, Object *o) { return obj_newref(o ? o : VM_NONE(vm)); }
static Object *frame_get_lineno(VM *vm, Object *self, void *c) {
  return small_new(frame_line(vm, (FrameObject *)self));
}
static Object *frame_get_code(VM *vm, Object *self, void *c) {
  return obj_newref((Object *)((FrameObject *)self)->code);
}
static Object *frame_get_globals(VM *vm, Object *self, void *c) { return or_none(vm, ((FrameObject *)self)->globals); }
static Object *frame_get_back(VM *vm, Object *self, void *c) {
  FrameObject *fo = (FrameObject *)self;
  Frame *f = gen_frame(vm, fo);
  return f ? caller_of(vm, f) : or_none(vm, fo->back);
}
/* A generator's locals are read again on every access (it may have run since). */
static Object *frame_get_locals(VM *vm, Object *self, void *c) {
  FrameObject *fo = (FrameObject *)self;
  Frame *f = gen_frame(vm, fo);
  if (f) {
    Object *d = locals_of(vm, f);
    if (!d) return NULL;
    OBJ_SETREF(vm, fo->locals, d);
  }
  return or_none(vm, fo->locals);
}
static Object *frame_get_builtins(VM *vm, Object *self, void *c) {
  Object *g = ((FrameObject *)self)->globals;
  Object *b = g ? dict_getitem(vm, g, vm->id.__builtins__) : NULL;
  if (b && obj_type(vm, b) == &vm->module_type) return obj_getattr(vm, b, vm->id.__dict__);
  return or_none(vm, b);
}
static Object *frame_get_lasti(VM *vm, Object *self, void *c) { return small_new(-1); }

static const GetSetDef frame_getset[] = {
    {"f_lineno", frame_get_lineno, NULL, NULL, NULL},
    {"f_code", frame_get_code, NULL, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL, NULL},
    {"f_back", frame_get_back, NULL, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static void frame_type_init(VM *vm) {
  TypeObject *t = &vm->frame_type;
  type_init_builtin(vm, t, "frame", NULL, sizeof(FrameObject), 0, TYPE_FLAG_GC);
  t->tp_dealloc = frame_dealloc;
  t->tp_traverse = frame_traverse;
  t->tp_clear = frame_clear;
  t->tp_repr = frame_repr;
  t->tp_getset = frame_getset;
}

/* ---- traceback attributes ------------------------------------------------------------ */

static Object *tb_get_next(VM *vm, Object *self, void *c) {
  Object *n = ((TracebackObject *)self)->next;
  return obj_newref(n ? n : VM_NONE(vm));
}
static Object *tb_get_lineno(VM *vm, Object *self, void *c) { return small_new(((TracebackObject *)self)->lineno); }
static Object *tb_get_lasti(VM *vm, Object *self, void *c) { return small_new(((TracebackObject *)self)->lasti * 2); }
/* The frame is gone: its object is rebuilt from what the entry kept (a function
   frame's locals are lost and read as {}; there is no caller). */
static Object *tb_get_frame(VM *vm, Object *self, void *c) {
  TracebackObject *tb = (TracebackObject *)self;
  if (!tb->frame) {
    Object *locals = tb->globals && !(tb->code->flags & CO_OPTIMIZED) ? obj_newref(tb->globals) : dict_new(vm);
    if (!locals) return NULL;
    tb->frame = frame_make(vm, tb->code, tb->globals, locals, NULL, tb->lineno);
    obj_decref(vm, locals);
    if (!tb->frame) return NULL;
  }
  return obj_newref(tb->frame);
}

static const GetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

void traceback_type_init(VM *vm) {
  TypeObject *t = &vm->traceback_type;
  type_init_builtin(vm, t, "traceback", NULL, sizeof(TracebackObject), 0, TYPE_FLAG_GC);
  t->tp_dealloc = tb_dealloc;
  t->tp_traverse = tb_traverse;
  t->tp_clear = tb_clear;
  t->tp_getset = tb_getset;
  frame_type_init(vm);   /* frames belong with tracebacks (vm.c initialises this file) */
}

/* ---- source lines ---------------------------------------------------------------- */

/* Line lineno of the file into buf (without the newline). false if unavailable. */
static bool read_line(const char *filename, int lineno, char *buf, size_t size) {
  FILE *f = fopen(filename, "rb");
  if (!f) return false;
  int line = 1;
  bool found = false;
  int c;
  size_t n = 0;
  while ((c = fgetc(f)) != EOF) {
    if (line == lineno) {
      if (c == '\n') break;
      if (n + 1 < size) buf[n++] = (char)c;
      found = true;
    } else if (c == '\n' && ++line > lineno) {
      break;
    }
  }
  if (line == lineno) found = true;
  fclose(f);
  buf[n] = 0;
  if (n && buf[n - 1] == '\r') buf[--n] = 0;
  return found;
}

/* Number of code points in the first nbytes bytes of s. */
static int char_offset(const char *s, int nbytes) {
  int n = 0;
  for (int i = 0; i < nbytes && s[i]; i++)
    if (((unsigned char)s[i] & 0xc0) != 0x80) n++;
  return n;
}

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }

/* 3.11's extract_anchors_from_line for a one-line span. Offsets in bytes of seg. */
static bool anchors(VM *vm, const char *seg, size_t len, int *left, int *right, bool *tilde) {
  Arena *arena = ast_arena_new(vm);
  if (!arena) {
    exc_clear(vm);
    return false;
  }
  SyntaxErrorInfo err;
  Mod *m = parse_source(vm, arena, seg, len, "<string>", PARSE_FILE, &err);
  bool ok = false;
  if (m && m->kind == MOD_MODULE && m->v.Module.body.count == 1 &&
      m->v.Module.body.items[0]->kind == STMT_EXPR) {
    const Expr *e = m->v.Module.body.items[0]->v.Expr.value;
    if (e->kind == EXPR_BINOP) {
      const Expr *l = e->v.BinOp.left, *r = e->v.BinOp.right;
      /* the segment sits on line 1 of the parse */
      for (int i = l->end_col_offset; i < r->col_offset; i++) {
        if (is_ws(seg[i])) continue;
        *left = i;
        *right = i + 1;
        if (i + 1 < r->col_offset && !is_ws(seg[i + 1])) ++*right;
        if (i + 1 < r->col_offset && seg[i] == ')') continue;
        *tilde = true;
        break;
      }
      ok = true;
    } else if (e->kind == EXPR_SUBSCRIPT) {
      int l = e->v.Subscript.value->end_col_offset;
      int r = e->v.Subscript.slice->end_col_offset + 1;
      int slen = (int)len;
      while (l < slen && (is_ws(seg[l]) || seg[l] != '[')) l++;
      while (r < slen && (is_ws(seg[r]) || seg[r] != ']')) r++;
      if (r < slen) r++;
      *left = l;
      *right = r;
      *tilde = true;
      ok = true;
    }
  }
  if (exc_occurred(vm)) exc_clear(vm);
  ast_arena_free(arena);
  return ok;
}

static void print_source_and_carets(VM *vm, FILE *out, TracebackObject *tb, const char *filename) {
  char line[4096];
  if (!read_line(filename, tb->lineno, line, sizeof line)) return;
  const char *s = line;
  int trunc = 0;
  while (is_ws(*s)) s++, trunc++;
  size_t slen = strlen(s);
  while (slen && (is_ws(s[slen - 1]) || s[slen - 1] == '\n')) slen--;
  if (!slen) return;
  fprintf(out, "    %.*s\n", (int)slen, s);
  Position p = code_position(tb->code, tb->lasti);
  if (p.line != tb->lineno || p.col < 0 || p.end_col < 0 || p.end_line < p.line) return;
  int full_len = (int)strlen(line);
  if (p.col > full_len) return;
  int start = char_offset(line, p.col);
  int end;
  int left = -1, right = -1;
  bool tilde = false;
  if (p.end_line == p.line) {
    if (p.end_col > full_len) return;
    end = char_offset(line, p.end_col);
    int l, r;
    if (anchors(vm, line + p.col, (size_t)(p.end_col - p.col), &l, &r, &tilde) && tilde) {
      left = char_offset(line + p.col, l) + start;
      right = char_offset(line + p.col, r) + start;
    } else {
      tilde = false;
    }
  } else {
    int i = full_len;
    while (--i >= 0)
      if (!is_ws(line[i])) break;
    end = char_offset(line, i + 1);
  }
  int stripped_chars = char_offset(s, (int)slen);
  if (end - start == stripped_chars && !tilde) return;
  fputs("    ", out);
  for (int off = char_offset(line, trunc) + 1; off <= end; off++) {
    const char *c;
    if (off <= start) c = " ";
    else if (tilde && left < off && off <= right) c = "^";
    else c = tilde ? "~" : "^";
    fputs(c, out);
  }
  fputc('\n', out);
}

static void print_entry(VM *vm, FILE *out, TracebackObject *tb) {
  const char *fn = str_utf8(tb->code->filename);
  fprintf(out, "  File \"%s\", line %d, in %s\n", fn, tb->lineno, str_utf8(tb->code->name));
  print_source_and_carets(vm, out, tb, fn);
}

static void print_tb(VM *vm, FILE *out, Object *tbo) {
  TracebackObject *last = NULL;
  long cnt = 0;
  for (TracebackObject *tb = (TracebackObject *)tbo; tb; tb = (TracebackObject *)tb->next) {
    if (last && tb->code->filename == last->code->filename && tb->lineno == last->lineno &&
        str_equal(tb->code->name, last->code->name)) {
      cnt++;
    } else {
      if (cnt > TB_RECURSIVE_CUTOFF)
        fprintf(out, "  [Previous line repeated %ld more time%s]\n", cnt - TB_RECURSIVE_CUTOFF,
                cnt - TB_RECURSIVE_CUTOFF > 1 ? "s" : "");
      cnt = 1;
    }
    last = tb;
    if (cnt <= TB_RECURSIVE_CUTOFF) print_entry(vm, out, tb);
  }
  if (cnt > TB_RECURSIVE_CUTOFF)
    fprintf(out, "  [Previous line repeated %ld more time%s]\n", cnt - TB_RECURSIVE_CUTOFF,
            cnt - TB_RECURSIVE_CUTOFF > 1 ? "s" : "");
}

/* "ValueError", "__main__.MyError", "mod.Cls". */
static void print_type_name(VM *vm, FILE *out, TypeObject *t) {
  Object *mod = (t->tp_flags & TYPE_FLAG_HEAPTYPE) ? t->ht_module : NULL;
  if (!mod && t->tp_dict) mod = dict_getitem_str(vm, t->tp_dict, vm->id.__module__);
  const char *qn = t->ht_qualname ? str_utf8(t->ht_qualname) : type_name(t);
  if (mod && STR_CHECK(vm, mod) && !str_eq_cstr(mod, "builtins") && !str_eq_cstr(mod, "__main__"))
    fprintf(out, "%s.%s", str_utf8(mod), qn);
  else
    fputs(qn, out);
}

static void print_syntax_error(VM *vm, FILE *out, BaseExceptionObject *e) {
  SyntaxErrorInfo info;
  memset(&info, 0, sizeof info);
  info.type = type_name(obj_type(vm, (Object *)e));
  if (e->msg && STR_CHECK(vm, e->msg)) snprintf(info.msg, sizeof info.msg, "%s", str_utf8(e->msg));
  if (e->lineno && obj_is_small(e->lineno)) info.lineno = (int)small_value(e->lineno);
  if (e->offset && obj_is_small(e->offset)) info.col_offset = (int)small_value(e->offset);
  if (e->end_lineno && obj_is_small(e->end_lineno)) info.end_lineno = (int)small_value(e->end_lineno);
  if (e->end_offset && obj_is_small(e->end_offset)) info.end_col_offset = (int)small_value(e->end_offset);
  if (e->text && STR_CHECK(vm, e->text)) {
    snprintf(info.text, sizeof info.text, "%s", str_utf8(e->text));
    size_t n = strlen(info.text);
    while (n && (info.text[n - 1] == '\n' || info.text[n - 1] == '\r')) info.text[--n] = 0;
  }
  const char *fn = e->filename && STR_CHECK(vm, e->filename) ? str_utf8(e->filename) : "<string>";
  parse_print_error(&info, fn, out);
}

static void print_one(VM *vm, FILE *out, Object *exc) {
  BaseExceptionObject *e = (BaseExceptionObject *)exc;
  if (e->traceback) {
    fputs("Traceback (most recent call last):\n", out);
    print_tb(vm, out, e->traceback);
  }
  TypeObject *t = obj_type(vm, exc);
  if (type_is_subtype(t, &vm->exc_SyntaxError) && e->msg) {
    print_syntax_error(vm, out, e);
    return;
  }
  print_type_name(vm, out, t);
  Object *s = obj_str(vm, exc);
  if (!s) {
    exc_clear(vm);
    fputs(": <exception str() failed>\n", out);
    return;
  }
  if (str_nbytes(s) > 0) fprintf(out, ": %s\n", str_utf8(s));
  else fputc('\n', out);
  obj_decref(vm, s);
}

static bool seen_has(Object **seen, int n, Object *o) {
  for (int i = 0; i < n; i++)
    if (seen[i] == o) return true;
  return false;
}

static void print_chain(VM *vm, FILE *out, Object *exc, Object **seen, int *nseen, int depth) {
  BaseExceptionObject *e = (BaseExceptionObject *)exc;
  if (*nseen < 64) seen[(*nseen)++] = exc;
  if (depth < 64) {
    if (e->cause && EXC_CHECK(vm, e->cause) && !seen_has(seen, *nseen, e->cause)) {
      print_chain(vm, out, e->cause, seen, nseen, depth + 1);
      fputs("\nThe above exception was the direct cause of the following exception:\n\n", out);
    } else if (e->context && !e->suppress_context && EXC_CHECK(vm, e->context) &&
               !seen_has(seen, *nseen, e->context)) {
      print_chain(vm, out, e->context, seen, nseen, depth + 1);
      fputs("\nDuring handling of the above exception, another exception occurred:\n\n", out);
    }
  }
  print_one(vm, out, exc);
}

void traceback_print_exception(VM *vm, Object *exc, FILE *out) {
  if (!exc) return;
  Object *saved = exc_fetch(vm);
  fflush(vm->out ? vm->out : stdout);
  if (!EXC_CHECK(vm, exc)) {
    Object *r = obj_repr(vm, exc);
    fprintf(out, "%s\n", r ? str_utf8(r) : "<unprintable>");
    obj_xdecref(vm, r);
  } else {
    Object *seen[64];
    int nseen = 0;
    print_chain(vm, out, exc, seen, &nseen, 0);
  }
  fflush(out);
  if (exc_occurred(vm)) exc_clear(vm);
  exc_restore(vm, saved);
}
