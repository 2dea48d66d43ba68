/*
 * compile: AST -> bytecode. See compile.h for the contract.
 *
 * Structure follows CPython 3.11's Python/compile.c: a stack of Units (one per scope
 * being compiled), an fblock stack per unit for unwinding on break/continue/return
 * (compiler_unwind_fblock), and the same instruction sequences for try/except/finally
 * and with. Differences:
 *  - No CFG: code is emitted linearly. Jumps name labels, patched at the end.
 *  - Exception handlers: instead of SETUP and POP_BLOCK pseudo-instructions resolved by
 *    flow analysis, the compiler keeps a stack of active handlers and stamps each
 *    emitted instruction with the top one; unwinding code for break/return pops the
 *    stack while it is emitted and restores it afterwards (the code after the jump is
 *    still protected). Runs of equal stamps become the exception table.
 *  - Stack depth is tracked during emission: a jump records the depth at its target,
 *    and a label bound after an unconditional jump takes that recorded depth.
 *  - Handlers get no "lasti" slot: tracebacks are built as the exception leaves each
 *    instruction, so re-raising never needs the old instruction back.
 */
#include "vm/compile.h"

#include <stdio.h>
#include <stdlib.h>   /* qsort */
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/symtable.h"

/* ---- compiler state ------------------------------------------------------------ */

typedef enum FBlockKind {
  FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
  FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER
} FBlockKind;

typedef struct FBlock {
  FBlockKind kind;
  int block, exit;          /* labels: loop head / loop exit */
  const void *datum;        /* finally body (StmtSeq*), with stmt, handler name */
} FBlock;

#define MAX_FBLOCKS 20       /* CPython's CO_MAXBLOCKS */

typedef struct Handler {
  int label, depth;
} Handler;

typedef struct Unit Unit;
struct Unit {
  Unit *parent;
  Scope *scope;
  Object *qualname;          /* str */
  const char *private_name;  /* enclosing class name for mangling, or NULL */
  Instr *code;
  Position *pos;
  int *hlabel, *hdepth;      /* per instruction: active handler label (-1) and depth */
  int n, cap;
  int *labels, *label_depth;
  int nlabels, labcap;
  Handler hstack[MAX_FBLOCKS * 2 + 4];
  int nh;
  FBlock fblocks[MAX_FBLOCKS];
  int nfb;
  int depth, maxdepth;
  bool reachable;
  Object *consts;            /* list */
  Object *const_index;       /* dict: str constant -> index */
  Object *names;             /* list */
  Object *name_index;        /* dict: str -> index */
  Object *lp_names;          /* list: localsplus names */
  Object *lp_index;          /* dict: name -> index */
  uint8_t *lp_kinds;
  int nlocals, ncells, nfrees, lp_cap;
  int argcount, posonly, kwonly;
  Loc loc;                   /* location stamped on new instructions */
  int firstlineno;
  bool in_comprehension_body;
};

typedef struct Compiler {
  VM *vm;
  Arena *arena;
  const char *filename;
  Object *filename_obj;
  SymTable *st;
  Unit *u;
  CompMode mode;
  bool failed;
  bool interactive;
} Compiler;

#define CHECK(c) do { if ((c)->failed) return; } while (0)

static void fail_nomem(Compiler *c) {
  if (!exc_occurred(c->vm)) exc_no_memory(c->vm);
  c->failed = true;
}

static void error_at(Compiler *c, Loc loc, const char *msg) {
  if (c->failed) return;
  symtable_syntax_error(c->vm, c->filename, loc, "%s", msg);
  c->failed = true;
}

/* ---- stack effects -------------------------------------------------------------- */

static const int8_t fixed_effect[OP__COUNT] = {
#define OPCODE_EFFECT_(name, effect) effect,
    KITE_OPCODES(OPCODE_EFFECT_)
#undef OPCODE_EFFECT_
};

int comp_stack_effect(int op, int arg, int jump) {
  switch (op) {
    case OP_LOAD_GLOBAL: return 1 + (arg & 1);
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
    case OP_BUILD_SLICE: return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_BUILD_CONST_KEY_MAP: return -arg;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_FOR_ITER: case OP_FOR_ITER_RANGE: case OP_FOR_ITER_LIST: return jump ? -1 : 1;
    case OP_CALL: return -arg - 1;
    case OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case OP_MAKE_FUNCTION: return -__builtin_popcount((unsigned)arg);
    case OP_RAISE_VARARGS: return -arg;
    case OP_FORMAT_VALUE: return (arg & FVS_HAVE_SPEC) ? -1 : 0;
    case OP_SEND: return jump ? -1 : 0;
    default: return fixed_effect[op];
  }
}

static bool is_jump(int op) {
  switch (op) {
    case OP_JUMP: case OP_JUMP_BACKWARD: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE: case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP: case OP_FOR_ITER: case OP_SEND:
      return true;
    default: return false;
  }
}

static bool is_terminator(int op) {
  return op == OP_JUMP || op == OP_JUMP_BACKWARD || op == OP_RETURN_VALUE ||
         op == OP_RAISE_VARARGS || op == OP_RERAISE;
}

/* ---- emission ------------------------------------------------------------------- */

static int emit(Compiler *c, int op, int arg) {
  Unit *u = c->u;
  if (c->failed) return -1;
  if (u->n == u->cap) {
    int cap = u->cap, need = u->n + 1;
    int ncap = cap ? cap * 2 : 64;
    Instr *nc = heap_realloc(c->vm, u->code, (size_t)cap * sizeof(Instr), (size_t)ncap * sizeof(Instr));
    if (!nc) return fail_nomem(c), -1;
    u->code = nc;
    Position *np = heap_realloc(c->vm, u->pos, (size_t)cap * sizeof(Position), (size_t)ncap * sizeof(Position));
    if (!np) return fail_nomem(c), -1;
    u->pos = np;
    int *h1 = heap_realloc(c->vm, u->hlabel, (size_t)cap * sizeof(int), (size_t)ncap * sizeof(int));
    if (!h1) return fail_nomem(c), -1;
    u->hlabel = h1;
    int *h2 = heap_realloc(c->vm, u->hdepth, (size_t)cap * sizeof(int), (size_t)ncap * sizeof(int));
    if (!h2) return fail_nomem(c), -1;
    u->hdepth = h2;
    u->cap = ncap;
    (void)need;
  }
  if ((unsigned)arg > INSTR_ARG_MAX) {
    error_at(c, u->loc, "too many constants, names or instructions");
    return -1;
  }
  int i = u->n++;
  u->code[i] = INSTR_MAKE(op, arg);
  u->pos[i] = (Position){u->loc.lineno, u->loc.end_lineno, u->loc.col_offset, u->loc.end_col_offset};
  u->hlabel[i] = u->nh ? u->hstack[u->nh - 1].label : -1;
  u->hdepth[i] = u->nh ? u->hstack[u->nh - 1].depth : 0;
  if (is_jump(op)) {
    int d = u->depth + comp_stack_effect(op, arg, 1);
    if (u->label_depth[arg] < d) u->label_depth[arg] = d;
    if (d > u->maxdepth) u->maxdepth = d;
  }
  u->depth += comp_stack_effect(op, arg, 0);
  if (u->depth > u->maxdepth) u->maxdepth = u->depth;
  if (is_terminator(op)) u->reachable = false;
  return i;
}

static int new_label(Compiler *c) {
  Unit *u = c->u;
  if (u->nlabels == u->labcap) {
    int cap = u->labcap, ncap = cap ? cap * 2 : 32;
    int *l = heap_realloc(c->vm, u->labels, (size_t)cap * sizeof(int), (size_t)ncap * sizeof(int));
    if (!l) return fail_nomem(c), 0;
    u->labels = l;
    int *d = heap_realloc(c->vm, u->label_depth, (size_t)cap * sizeof(int), (size_t)ncap * sizeof(int));
    if (!d) return fail_nomem(c), 0;
    u->label_depth = d;
    u->labcap = ncap;
  }
  u->labels[u->nlabels] = -1;
  u->label_depth[u->nlabels] = -1;
  return u->nlabels++;
}

static void bind(Compiler *c, int label) {
  Unit *u = c->u;
  if (c->failed) return;
  u->labels[label] = u->n;
  if (!u->reachable && u->label_depth[label] >= 0) u->depth = u->label_depth[label];
  u->reachable = true;
}

static void push_handler(Compiler *c, int label) {
  Unit *u = c->u;
  if (u->nh == (int)(sizeof u->hstack / sizeof u->hstack[0])) {
    error_at(c, u->loc, "too many statically nested blocks");
    return;
  }
  u->hstack[u->nh++] = (Handler){label, u->depth};
  if (u->label_depth[label] < u->depth + 1) u->label_depth[label] = u->depth + 1;
  if (u->depth + 1 > u->maxdepth) u->maxdepth = u->depth + 1;
}

static void pop_handler(Compiler *c) { c->u->nh--; }

static bool push_fblock(Compiler *c, FBlockKind kind, int block, int exit, const void *datum) {
  Unit *u = c->u;
  if (u->nfb >= MAX_FBLOCKS) {
    error_at(c, u->loc, "too many statically nested blocks");
    return false;
  }
  u->fblocks[u->nfb++] = (FBlock){kind, block, exit, datum};
  return true;
}

static void pop_fblock(Compiler *c) { c->u->nfb--; }

/* ---- constants and names ------------------------------------------------------------- */

/* Index of constant o (stolen) in the unit's constants, deduplicated. */
static int add_const(Compiler *c, Object *o) {
  Unit *u = c->u;
  VM *vm = c->vm;
  if (!o) return fail_nomem(c), 0;
  if (STR_CHECK_EXACT(vm, o)) {
    Object *ix = dict_getitem(vm, u->const_index, o);
    if (ix) {
      obj_decref(vm, o);
      return (int)small_value(ix);
    }
  } else {
    ssize_t n = LIST_SIZE(u->consts);
    for (ssize_t i = 0; i < n; i++) {
      Object *k = LIST_ITEMS(u->consts)[i];
      if (k == o) {
        obj_decref(vm, o);
        return (int)i;
      }
      if (obj_type(vm, k) != obj_type(vm, o)) continue;
      if (FLOAT_CHECK_EXACT(vm, o)) {
        double a = float_value(k), b = float_value(o);
        if (memcmp(&a, &b, sizeof a) == 0) {
          obj_decref(vm, o);
          return (int)i;
        }
      } else if (INT_CHECK_EXACT(vm, o) && !obj_is_small(o) && int_compare(vm, k, o) == 0) {
        obj_decref(vm, o);
        return (int)i;
      }
    }
  }
  int idx = (int)LIST_SIZE(u->consts);
  if (list_append(vm, u->consts, o) < 0) {
    obj_decref(vm, o);
    return fail_nomem(c), 0;
  }
  if (STR_CHECK_EXACT(vm, o) && dict_setitem(vm, u->const_index, o, small_new(idx)) < 0) {
    obj_decref(vm, o);
    return fail_nomem(c), 0;
  }
  obj_decref(vm, o);
  return idx;
}

static void load_const(Compiler *c, Object *o) {
  int i = add_const(c, o);
  if (!c->failed) emit(c, OP_LOAD_CONST, i);
}

static void load_none(Compiler *c) { load_const(c, vm_none(c->vm)); }

/* Interned str for a UTF-8 C string. New reference or NULL. */
static Object *intern(Compiler *c, const char *s) {
  Object *o = str_intern_cstr(c->vm, s);
  if (!o) fail_nomem(c);
  return o;
}

static int add_index(Compiler *c, Object *list, Object *index, const char *s) {
  Object *name = intern(c, s);
  if (!name) return 0;
  Object *ix = dict_getitem(c->vm, index, name);
  if (ix) {
    obj_decref(c->vm, name);
    return (int)small_value(ix);
  }
  int i = (int)LIST_SIZE(list);
  if (list_append(c->vm, list, name) < 0 || dict_setitem(c->vm, index, name, small_new(i)) < 0) {
    obj_decref(c->vm, name);
    return fail_nomem(c), 0;
  }
  obj_decref(c->vm, name);
  return i;
}

static int add_name(Compiler *c, const char *s) {
  return add_index(c, c->u->names, c->u->name_index, s);
}

/* CPython's _Py_Mangle: __x inside class C is _C__x. Arena string. */
static const char *mangle(Compiler *c, const char *name) {
  const char *priv = c->u->private_name;
  if (!priv || name[0] != '_' || name[1] != '_') return name;
  size_t n = strlen(name);
  if ((n >= 2 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.')) return name;
  while (*priv == '_') priv++;
  if (!*priv) return name;
  size_t pn = strlen(priv);
  char *m = ast_alloc(c->arena, 1 + pn + n + 1);
  if (!m) return fail_nomem(c), name;
  m[0] = '_';
  memcpy(m + 1, priv, pn);
  memcpy(m + 1 + pn, name, n + 1);
  return m;
}

static int lp_index(Compiler *c, const char *s) {
  Object *name = intern(c, s);
  if (!name) return 0;
  Object *ix = dict_getitem(c->vm, c->u->lp_index, name);
  obj_decref(c->vm, name);
  return ix ? (int)small_value(ix) : -1;
}

/* ---- units ------------------------------------------------------------------- */

static void add_lp(Compiler *c, const char *s, uint8_t kind) {
  Unit *u = c->u;
  int i = (int)LIST_SIZE(u->lp_names);
  if (i == u->lp_cap) {
    int ncap = u->lp_cap ? u->lp_cap * 2 : 16;
    uint8_t *k = heap_realloc(c->vm, u->lp_kinds, (size_t)u->lp_cap, (size_t)ncap);
    if (!k) return fail_nomem(c);
    u->lp_kinds = k;
    u->lp_cap = ncap;
  }
  add_index(c, u->lp_names, u->lp_index, s);
  u->lp_kinds[i] = kind;
}

static int cmp_order(const void *a, const void *b) {
  return (*(Symbol *const *)a)->order - (*(Symbol *const *)b)->order;
}

/* Lay out localsplus: parameters, other locals, cells, free variables. */
static void layout_locals(Compiler *c, Scope *sc) {
  Unit *u = c->u;
  Symbol *syms[sc->nsyms + 1];
  int n = 0;
  for (int i = 0; i < sc->tablecap; i++)
    if (sc->table[i].name) syms[n++] = &sc->table[i];
  qsort(syms, (size_t)n, sizeof(Symbol *), cmp_order);
  bool fn = symtable_is_function(sc);
  for (int i = 0; i < sc->nparams; i++) {
    Symbol *s = symtable_lookup(sc, sc->params[i]);
    add_lp(c, s->name, CO_FAST_LOCAL | (s->scope == SYM_CELL ? CO_FAST_CELL : 0));
  }
  if (fn) {
    for (int i = 0; i < n; i++)
      if (syms[i]->scope == SYM_LOCAL && !(syms[i]->flags & DEF_PARAM)) add_lp(c, syms[i]->name, CO_FAST_LOCAL);
  }
  u->nlocals = (int)LIST_SIZE(u->lp_names);
  if (sc->kind == SCOPE_CLASS && sc->needs_class_closure) add_lp(c, "__class__", CO_FAST_CELL);
  for (int i = 0; i < n; i++)
    if (syms[i]->scope == SYM_CELL && !(syms[i]->flags & DEF_PARAM)) add_lp(c, syms[i]->name, CO_FAST_CELL);
  u->ncells = (int)LIST_SIZE(u->lp_names) - u->nlocals;
  for (int i = 0; i < n; i++)
    if (syms[i]->scope == SYM_FREE || (syms[i]->flags & DEF_FREE_CLASS)) add_lp(c, syms[i]->name, CO_FAST_FREE);
  u->nfrees = (int)LIST_SIZE(u->lp_names) - u->nlocals - u->ncells;
}

static Object *make_qualname(Compiler *c, Scope *sc) {
  Unit *p = c->u;
  if (!p || p->scope->kind == SCOPE_MODULE) return intern(c, sc->name);
  if (sc->kind == SCOPE_FUNCTION || sc->kind == SCOPE_CLASS) {
    /* a name declared global in the parent keeps its plain qualname */
    Symbol *s = symtable_lookup(p->scope, sc->name);
    if (s && s->scope == SYM_GLOBAL_EXPLICIT) return intern(c, sc->name);
  }
  const char *sep = symtable_is_function(p->scope) ? ".<locals>." : ".";
  Object *q = str_from_format(c->vm, "%U%s%s", p->qualname, sep, sc->name);
  if (!q) fail_nomem(c);
  return q;
}

static void enter_unit(Compiler *c, Scope *sc, Loc loc) {
  VM *vm = c->vm;
  Unit *u = heap_calloc(vm, sizeof(Unit));
  if (!u) return fail_nomem(c);
  u->parent = c->u;
  u->scope = sc;
  u->loc = loc;
  u->firstlineno = loc.lineno;
  u->reachable = true;
  u->private_name = c->u ? c->u->private_name : NULL;
  if (sc->kind == SCOPE_CLASS) u->private_name = sc->name;
  u->qualname = sc->kind == SCOPE_MODULE ? intern(c, "<module>") : make_qualname(c, sc);
  c->u = u;
  u->consts = list_new(vm, 0);
  u->const_index = dict_new(vm);
  u->names = list_new(vm, 0);
  u->name_index = dict_new(vm);
  u->lp_names = list_new(vm, 0);
  u->lp_index = dict_new(vm);
  if (!u->qualname || !u->consts || !u->const_index || !u->names || !u->name_index ||
      !u->lp_names || !u->lp_index)
    return fail_nomem(c);
  layout_locals(c, sc);
}

static void free_unit(Compiler *c, Unit *u) {
  VM *vm = c->vm;
  heap_free(vm, u->code, (size_t)u->cap * sizeof(Instr));
  heap_free(vm, u->pos, (size_t)u->cap * sizeof(Position));
  heap_free(vm, u->hlabel, (size_t)u->cap * sizeof(int));
  heap_free(vm, u->hdepth, (size_t)u->cap * sizeof(int));
  heap_free(vm, u->labels, (size_t)u->labcap * sizeof(int));
  heap_free(vm, u->label_depth, (size_t)u->labcap * sizeof(int));
  heap_free(vm, u->lp_kinds, (size_t)u->lp_cap);
  obj_xdecref(vm, u->qualname);
  obj_xdecref(vm, u->consts);
  obj_xdecref(vm, u->const_index);
  obj_xdecref(vm, u->names);
  obj_xdecref(vm, u->name_index);
  obj_xdecref(vm, u->lp_names);
  obj_xdecref(vm, u->lp_index);
  heap_free(vm, u, sizeof(Unit));
}

/* Finish the current unit: patch jumps, build the exception table and the code
   object, and pop back to the parent unit. New reference or NULL. */
static Object *leave_unit(Compiler *c, int flags) {
  Unit *u = c->u;
  VM *vm = c->vm;
  Object *code = NULL;
  ExcEntry *table = NULL;
  int ntable = 0;
  Object *consts = NULL, *names = NULL, *lpnames = NULL;
  if (!c->failed && u->reachable) {
    load_none(c);
    emit(c, OP_RETURN_VALUE, 0);
  }
  if (c->failed) goto done;
  for (int i = 0; i < u->n; i++) {
    Instr in = u->code[i];
    if (is_jump(INSTR_OP(in))) u->code[i] = INSTR_MAKE(INSTR_OP(in), u->labels[INSTR_ARG(in)]);
  }
  table = heap_alloc(vm, sizeof(ExcEntry) * (size_t)(u->n + 1));
  if (!table) {
    fail_nomem(c);
    goto done;
  }
  for (int i = 0; i < u->n;) {
    int h = u->hlabel[i];
    int j = i + 1;
    while (j < u->n && u->hlabel[j] == h && u->hdepth[j] == u->hdepth[i]) j++;
    if (h >= 0) table[ntable++] = (ExcEntry){(uint32_t)i, (uint32_t)j, (uint32_t)u->labels[h], (uint32_t)u->hdepth[i]};
    i = j;
  }
  consts = list_as_tuple(vm, u->consts);
  names = list_as_tuple(vm, u->names);
  lpnames = list_as_tuple(vm, u->lp_names);
  Object *name = intern(c, u->scope->name);
  if (!consts || !names || !lpnames || !name) {
    obj_xdecref(vm, name);
    fail_nomem(c);
    goto done;
  }
  Scope *sc = u->scope;
  if (symtable_is_function(sc)) flags |= CO_OPTIMIZED | CO_NEWLOCALS;
  if (sc->has_varargs) flags |= CO_VARARGS;
  if (sc->has_varkw) flags |= CO_VARKEYWORDS;
  if (sc->is_generator) flags |= CO_GENERATOR;
  if (sc->is_nested) flags |= CO_NESTED;
  CodeSpec spec = {
      .code = u->code, .ncode = u->n, .positions = u->pos, .exctable = table, .nexc = ntable,
      .argcount = u->argcount, .posonlyargcount = u->posonly, .kwonlyargcount = u->kwonly,
      .flags = flags, .nlocals = u->nlocals, .ncellvars = u->ncells, .nfreevars = u->nfrees,
      .stacksize = u->maxdepth + 1, .firstlineno = u->firstlineno, .consts = consts,
      .names = names, .localsplusnames = lpnames, .localspluskinds = u->lp_kinds,
      .filename = c->filename_obj, .name = name, .qualname = u->qualname,
  };
  code = code_new(vm, &spec);
  obj_decref(vm, name);
  if (!code) fail_nomem(c);
done:
  if (table) heap_free(vm, table, sizeof(ExcEntry) * (size_t)(u->n + 1));
  obj_xdecref(vm, consts);
  obj_xdecref(vm, names);
  obj_xdecref(vm, lpnames);
  c->u = u->parent;
  free_unit(c, u);
  return code;
}

/* ---- names ------------------------------------------------------------------- */

typedef enum NameOp { NAME_LOAD, NAME_STORE, NAME_DEL } NameOp;

/* __debug__ is a constant: binding it is a SyntaxError at the current location. */
static bool forbidden_name(Compiler *c, const char *id, NameOp op) {
  if (op == NAME_LOAD || strcmp(id, "__debug__") != 0) return false;
  error_at(c, c->u->loc, op == NAME_DEL ? "cannot delete __debug__" : "cannot assign to __debug__");
  return true;
}

static void compile_name(Compiler *c, const char *id, NameOp op) {
  CHECK(c);
  if (forbidden_name(c, id, op)) return;
  Unit *u = c->u;
  const char *name = mangle(c, id);
  Scope *sc = u->scope;
  SymScope where = symtable_scope_of(sc, name);
  bool fn = symtable_is_function(sc);
  static const int fast[] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST};
  static const int deref[] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF};
  static const int global[] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL};
  static const int named[] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME};
  switch (where) {
    case SYM_FREE:
    case SYM_CELL: {
      int i = lp_index(c, name);
      if (sc->kind == SCOPE_CLASS && op == NAME_LOAD && where == SYM_FREE) emit(c, OP_LOAD_CLASSDEREF, i);
      else emit(c, deref[op], i);
      return;
    }
    case SYM_LOCAL:
      if (fn) emit(c, fast[op], lp_index(c, name));
      else emit(c, named[op], add_name(c, name));
      return;
    case SYM_GLOBAL_IMPLICIT:
      if (!fn) {
        emit(c, named[op], add_name(c, name));
        return;
      }
      /* fallthrough */
    case SYM_GLOBAL_EXPLICIT:
    default: {
      int i = add_name(c, name);
      emit(c, global[op], op == NAME_LOAD ? i << 1 : i);
      return;
    }
  }
}

/* ---- expressions ------------------------------------------------------------- */

static void visit_expr(Compiler *c, const Expr *e);
static void visit_stmts(Compiler *c, const StmtSeq *seq);
static void visit_stmt(Compiler *c, const Stmt *s);
static void store_target(Compiler *c, const Expr *t);

static Object *const_value(Compiler *c, const AstConst *k) {
  VM *vm = c->vm;
  switch (k->kind) {
    case CONST_NONE: return vm_none(vm);
    case CONST_TRUE: return vm_bool(vm, true);
    case CONST_FALSE: return vm_bool(vm, false);
    case CONST_ELLIPSIS: return obj_newref(&vm->ellipsis_obj);
    case CONST_INT: return int_from_string(vm, k->v.i.digits, strlen(k->v.i.digits), k->v.i.base);
    case CONST_FLOAT: return float_new(vm, k->v.f);
    case CONST_STR: return str_new(vm, k->v.s.data, k->v.s.len);
    default:
      exc_set(vm, &vm->exc_SyntaxError, "complex and bytes literals are not supported");
      return NULL;
  }
}

static Object *const_of(Compiler *c, const Expr *e);

/* Fold a constant expression; NULL (no exception) when e is not one. */
static Object *fold(Compiler *c, const Expr *e) {
  VM *vm = c->vm;
  if (e->kind == EXPR_CONSTANT) return const_value(c, &e->v.Constant.value);
  if (e->kind == EXPR_UNARYOP && e->v.UnaryOp.op == AST_USUB) {
    Object *v = const_of(c, e->v.UnaryOp.operand);
    if (!v) return NULL;
    Object *r = NULL;
    if (obj_is_small(v) && small_fits(-small_value(v))) r = small_new(-small_value(v));
    else if (FLOAT_CHECK_EXACT(vm, v)) r = float_new(vm, -float_value(v));
    obj_decref(vm, v);
    return r;
  }
  if (e->kind == EXPR_TUPLE && e->v.Tuple.ctx == AST_LOAD) {
    int n = e->v.Tuple.elts.count;
    Object *t = tuple_alloc(vm, n);
    if (!t) return NULL;
    for (int i = 0; i < n; i++) {
      Object *v = const_of(c, e->v.Tuple.elts.items[i]);
      if (!v) {
        obj_decref(vm, t);
        return NULL;
      }
      TUPLE_ITEMS(t)[i] = v;
    }
    tuple_track(vm, t);
    return t;
  }
  return NULL;
}

/* As fold, but only for atomic constants or tuples of them. */
static Object *const_of(Compiler *c, const Expr *e) {
  if (e->kind == EXPR_CONSTANT || e->kind == EXPR_UNARYOP || e->kind == EXPR_TUPLE) {
    Object *o = fold(c, e);
    if (!o && exc_occurred(c->vm)) c->failed = true;
    return o;
  }
  return NULL;
}

static void visit_exprs(Compiler *c, const ExprSeq *seq) {
  for (int i = 0; i < seq->count; i++) visit_expr(c, seq->items[i]);
}

static bool has_starred(const ExprSeq *seq) {
  for (int i = 0; i < seq->count; i++)
    if (seq->items[i]->kind == EXPR_STARRED) return true;
  return false;
}

/* Build a list/tuple/set display, with starred items. */
static void build_sequence(Compiler *c, const ExprSeq *elts, int build_op, int extend_op,
                           int add_op, bool tuple) {
  if (!has_starred(elts)) {
    if (tuple) {
      visit_exprs(c, elts);
      emit(c, OP_BUILD_TUPLE, elts->count);
      return;
    }
    visit_exprs(c, elts);
    emit(c, build_op, elts->count);
    return;
  }
  int seen = 0;
  bool built = false;
  for (int i = 0; i < elts->count; i++) {
    const Expr *e = elts->items[i];
    if (e->kind == EXPR_STARRED) {
      if (!built) {
        emit(c, build_op, seen);
        built = true;
      }
      visit_expr(c, e->v.Starred.value);
      emit(c, extend_op, 1);
    } else {
      visit_expr(c, e);
      if (built) emit(c, add_op, 1);
      else seen++;
    }
  }
  if (tuple) emit(c, OP_LIST_TO_TUPLE, 0);
}

static void visit_dict(Compiler *c, const Expr *e) {
  const ExprSeq *keys = &e->v.Dict.keys, *values = &e->v.Dict.values;
  int n = values->count, pending = 0;
  bool built = false;
  for (int i = 0; i < n; i++) {
    if (!keys->items[i]) {
      if (pending || !built) {
        emit(c, OP_BUILD_MAP, pending);
        if (built) emit(c, OP_DICT_UPDATE, 1);
        built = true;
        pending = 0;
      }
      visit_expr(c, values->items[i]);
      emit(c, OP_DICT_UPDATE, 1);
    } else {
      visit_expr(c, keys->items[i]);
      visit_expr(c, values->items[i]);
      pending++;
    }
  }
  if (!built || pending) {
    emit(c, OP_BUILD_MAP, pending);
    if (built) emit(c, OP_DICT_UPDATE, 1);
  }
}

static void visit_compare_op(Compiler *c, AstCmpOp op) {
  switch (op) {
    case AST_EQ: emit(c, OP_COMPARE_OP, CMP_EQ); break;
    case AST_NOTEQ: emit(c, OP_COMPARE_OP, CMP_NE); break;
    case AST_LT: emit(c, OP_COMPARE_OP, CMP_LT); break;
    case AST_LTE: emit(c, OP_COMPARE_OP, CMP_LE); break;
    case AST_GT: emit(c, OP_COMPARE_OP, CMP_GT); break;
    case AST_GTE: emit(c, OP_COMPARE_OP, CMP_GE); break;
    case AST_IS: emit(c, OP_IS_OP, 0); break;
    case AST_ISNOT: emit(c, OP_IS_OP, 1); break;
    case AST_IN: emit(c, OP_CONTAINS_OP, 0); break;
    case AST_NOTIN: emit(c, OP_CONTAINS_OP, 1); break;
  }
}

static void visit_compare(Compiler *c, const Expr *e) {
  int n = e->v.Compare.ops.count;
  visit_expr(c, e->v.Compare.left);
  if (n == 1) {
    visit_expr(c, e->v.Compare.comparators.items[0]);
    visit_compare_op(c, e->v.Compare.ops.items[0]);
    return;
  }
  int cleanup = new_label(c);
  for (int i = 0; i < n - 1; i++) {
    visit_expr(c, e->v.Compare.comparators.items[i]);
    emit(c, OP_SWAP, 2);
    emit(c, OP_COPY, 2);
    visit_compare_op(c, e->v.Compare.ops.items[i]);
    emit(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
  }
  visit_expr(c, e->v.Compare.comparators.items[n - 1]);
  visit_compare_op(c, e->v.Compare.ops.items[n - 1]);
  int end = new_label(c);
  emit(c, OP_JUMP, end);
  bind(c, cleanup);
  emit(c, OP_SWAP, 2);
  emit(c, OP_POP_TOP, 0);
  bind(c, end);
}

/* Jump to label if the truth of e equals cond; e's value does not stay on the stack. */
static void jump_if(Compiler *c, const Expr *e, int label, bool cond) {
  CHECK(c);
  Loc saved = c->u->loc;
  c->u->loc = e->loc;
  if (e->kind == EXPR_UNARYOP && e->v.UnaryOp.op == AST_NOT) {
    jump_if(c, e->v.UnaryOp.operand, label, !cond);
  } else if (e->kind == EXPR_BOOLOP) {
    bool is_or = e->v.BoolOp.op == AST_OR;
    int n = e->v.BoolOp.values.count;
    int next = label;
    if (cond != is_or) next = new_label(c);
    for (int i = 0; i < n - 1; i++) jump_if(c, e->v.BoolOp.values.items[i], next, is_or);
    jump_if(c, e->v.BoolOp.values.items[n - 1], label, cond);
    if (next != label) bind(c, next);
  } else if (e->kind == EXPR_IFEXP) {
    int end = new_label(c), other = new_label(c);
    jump_if(c, e->v.IfExp.test, other, false);
    jump_if(c, e->v.IfExp.body, label, cond);
    emit(c, OP_JUMP, end);
    bind(c, other);
    jump_if(c, e->v.IfExp.orelse, label, cond);
    bind(c, end);
  } else if (e->kind == EXPR_COMPARE && e->v.Compare.ops.count > 1) {
    int n = e->v.Compare.ops.count;
    int cleanup = new_label(c);
    visit_expr(c, e->v.Compare.left);
    for (int i = 0; i < n - 1; i++) {
      visit_expr(c, e->v.Compare.comparators.items[i]);
      emit(c, OP_SWAP, 2);
      emit(c, OP_COPY, 2);
      visit_compare_op(c, e->v.Compare.ops.items[i]);
      emit(c, OP_POP_JUMP_IF_FALSE, cleanup);
    }
    visit_expr(c, e->v.Compare.comparators.items[n - 1]);
    visit_compare_op(c, e->v.Compare.ops.items[n - 1]);
    emit(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    int end = new_label(c);
    emit(c, OP_JUMP, end);
    bind(c, cleanup);
    emit(c, OP_POP_TOP, 0);
    if (!cond) emit(c, OP_JUMP, label);
    bind(c, end);
  } else {
    visit_expr(c, e);
    emit(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
  }
  c->u->loc = saved;
}

static void visit_boolop(Compiler *c, const Expr *e) {
  int end = new_label(c);
  int op = e->v.BoolOp.op == AST_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
  int n = e->v.BoolOp.values.count;
  for (int i = 0; i < n - 1; i++) {
    visit_expr(c, e->v.BoolOp.values.items[i]);
    emit(c, op, end);
  }
  visit_expr(c, e->v.BoolOp.values.items[n - 1]);
  bind(c, end);
}

static int binop_arg(AstOperator op) {
  static const int map[] = {0, BINOP_ADD, BINOP_SUB, BINOP_MUL, BINOP_MATMUL, BINOP_TRUEDIV,
                            BINOP_MOD, BINOP_POW, BINOP_LSHIFT, BINOP_RSHIFT, BINOP_OR,
                            BINOP_XOR, BINOP_AND, BINOP_FLOORDIV};
  return map[op];
}

/* CPython's compile-time checks of a call's keywords: no __debug__, no repeats. */
static bool keywords_unique(Compiler *c, const KeywordSeq *kws) {
  for (int j = 0; j < kws->count; j++) {
    const Keyword *k = kws->items[j];
    if (!k->arg) continue;
    if (forbidden_name(c, k->arg, NAME_STORE)) return false;
    for (int i = 0; i < j; i++) {
      if (kws->items[i]->arg && !strcmp(kws->items[i]->arg, k->arg)) {
        char msg[300];
        snprintf(msg, sizeof msg, "keyword argument repeated: %.200s", k->arg);
        error_at(c, k->loc, msg);
        return false;
      }
    }
  }
  return true;
}

/* Call arguments after the two callable slots: positional + keywords. */
static bool call_is_simple(const ExprSeq *args, const KeywordSeq *kws) {
  if (has_starred(args)) return false;
  for (int i = 0; i < kws->count; i++)
    if (!kws->items[i]->arg) return false;
  return true;
}

static void call_simple_args(Compiler *c, const ExprSeq *args, const KeywordSeq *kws, int extra) {
  visit_exprs(c, args);
  for (int i = 0; i < kws->count; i++) visit_expr(c, kws->items[i]->value);
  if (kws->count) {
    Object *names = tuple_alloc(c->vm, kws->count);
    if (!names) return fail_nomem(c);
    for (int i = 0; i < kws->count; i++) {
      Object *s = intern(c, kws->items[i]->arg);
      if (!s) {
        obj_decref(c->vm, names);
        return;
      }
      TUPLE_ITEMS(names)[i] = s;
    }
    int k = add_const(c, names);
    emit(c, OP_KW_NAMES, k);
  }
  emit(c, OP_CALL, extra + args->count + kws->count);
}

/* [NULL, f] on the stack: push the *args tuple and **kwargs dict, CALL_FUNCTION_EX. */
static void call_ex_args(Compiler *c, const ExprSeq *args, const KeywordSeq *kws, int nextra) {
  if (args->count == 1 && args->items[0]->kind == EXPR_STARRED && nextra == 0) {
    visit_expr(c, args->items[0]->v.Starred.value);
  } else {
    int seen = nextra;
    bool built = false;
    for (int i = 0; i < args->count; i++) {
      const Expr *a = args->items[i];
      if (a->kind == EXPR_STARRED) {
        if (!built) {
          emit(c, OP_BUILD_LIST, seen);
          built = true;
        }
        visit_expr(c, a->v.Starred.value);
        emit(c, OP_LIST_EXTEND, 1);
      } else {
        visit_expr(c, a);
        if (built) emit(c, OP_LIST_APPEND, 1);
        else seen++;
      }
    }
    if (built) emit(c, OP_LIST_TO_TUPLE, 0);
    else emit(c, OP_BUILD_TUPLE, seen);
  }
  if (kws->count) {
    int pending = 0;
    bool built = false;
    for (int i = 0; i < kws->count; i++) {
      const Keyword *k = kws->items[i];
      if (!k->arg) {
        if (!built || pending) {
          emit(c, OP_BUILD_MAP, pending);
          if (built) emit(c, OP_DICT_MERGE, 1);
          built = true;
          pending = 0;
        }
        visit_expr(c, k->value);
        emit(c, OP_DICT_MERGE, 1);
      } else {
        load_const(c, intern(c, k->arg));
        visit_expr(c, k->value);
        pending++;
      }
    }
    if (pending) {
      emit(c, OP_BUILD_MAP, pending);
      if (built) emit(c, OP_DICT_MERGE, 1);
    }
  }
  emit(c, OP_CALL_FUNCTION_EX, kws->count ? 1 : 0);
}

static void visit_call(Compiler *c, const Expr *e) {
  const Expr *f = e->v.Call.func;
  const ExprSeq *args = &e->v.Call.args;
  const KeywordSeq *kws = &e->v.Call.keywords;
  if (!keywords_unique(c, kws)) return;
  bool simple = call_is_simple(args, kws);
  if (f->kind == EXPR_ATTRIBUTE && simple && f->v.Attribute.ctx == AST_LOAD) {
    visit_expr(c, f->v.Attribute.value);
    Loc saved = c->u->loc;
    c->u->loc = f->loc;
    emit(c, OP_LOAD_METHOD, add_name(c, mangle(c, f->v.Attribute.attr)));
    c->u->loc = saved;
    call_simple_args(c, args, kws, 0);
    return;
  }
  if (f->kind == EXPR_NAME) {
    const char *name = mangle(c, f->v.Name.id);
    SymScope w = symtable_scope_of(c->u->scope, name);
    if ((w == SYM_GLOBAL_EXPLICIT || (w == SYM_GLOBAL_IMPLICIT && symtable_is_function(c->u->scope)))) {
      Loc saved = c->u->loc;
      c->u->loc = f->loc;
      emit(c, OP_LOAD_GLOBAL, add_name(c, name) << 1 | 1);
      c->u->loc = saved;
    } else {
      emit(c, OP_PUSH_NULL, 0);
      visit_expr(c, f);
    }
  } else {
    emit(c, OP_PUSH_NULL, 0);
    visit_expr(c, f);
  }
  if (simple) call_simple_args(c, args, kws, 0);
  else call_ex_args(c, args, kws, 0);
}

static void visit_fstring_part(Compiler *c, const Expr *e) {
  if (e->kind != EXPR_FORMATTEDVALUE) {
    visit_expr(c, e);
    return;
  }
  visit_expr(c, e->v.FormattedValue.value);
  int conv = e->v.FormattedValue.conversion;
  int arg = conv == 's' ? FVC_STR : conv == 'r' ? FVC_REPR : conv == 'a' ? FVC_ASCII : FVC_NONE;
  if (e->v.FormattedValue.format_spec) {
    visit_expr(c, e->v.FormattedValue.format_spec);
    arg |= FVS_HAVE_SPEC;
  }
  emit(c, OP_FORMAT_VALUE, arg);
}

static void visit_joinedstr(Compiler *c, const Expr *e) {
  const ExprSeq *v = &e->v.JoinedStr.values;
  if (v->count == 0) {
    load_const(c, obj_newref(c->vm->empty_str));
    return;
  }
  for (int i = 0; i < v->count; i++) visit_fstring_part(c, v->items[i]);
  if (v->count > 1 || v->items[0]->kind != EXPR_FORMATTEDVALUE) emit(c, OP_BUILD_STRING, v->count);
}

/* ---- functions, lambdas, classes, comprehensions ---------------------------- */

/* Emit the closure tuple for code (its free variables, as cells of this unit). */
static int load_closure(Compiler *c, Object *code) {
  CodeObject *co = (CodeObject *)code;
  if (!co->nfreevars) return 0;
  for (int i = co->nlocalsplus - co->nfreevars; i < co->nlocalsplus; i++) {
    Object *name = TUPLE_ITEMS(co->localsplusnames)[i];
    int ix = lp_index(c, str_utf8(name));
    if (ix < 0) {
      error_at(c, c->u->loc, "internal compiler error: missing closure cell");
      return 0;
    }
    emit(c, OP_LOAD_CLOSURE, ix);
  }
  emit(c, OP_BUILD_TUPLE, co->nfreevars);
  return MKFN_CLOSURE;
}

/* Steals code. */
static void make_function(Compiler *c, Object *code, int flags) {
  if (!code) return;
  flags |= load_closure(c, code);
  load_const(c, code);
  emit(c, OP_MAKE_FUNCTION, flags);
}

static int visit_defaults(Compiler *c, const Arguments *a) {
  int flags = 0;
  if (a->defaults.count) {
    visit_exprs(c, &a->defaults);
    emit(c, OP_BUILD_TUPLE, a->defaults.count);
    flags |= MKFN_DEFAULTS;
  }
  int nkw = 0;
  for (int i = 0; i < a->kwonlyargs.count; i++) {
    if (!a->kw_defaults.items[i]) continue;
    load_const(c, intern(c, mangle(c, a->kwonlyargs.items[i]->arg)));
    visit_expr(c, a->kw_defaults.items[i]);
    nkw++;
  }
  if (nkw) {
    emit(c, OP_BUILD_MAP, nkw);
    flags |= MKFN_KWDEFAULTS;
  }
  return flags;
}

static int annotate_args(Compiler *c, const ArgSeq *args) {
  int n = 0;
  for (int i = 0; i < args->count; i++) {
    if (!args->items[i]->annotation) continue;
    load_const(c, intern(c, mangle(c, args->items[i]->arg)));
    visit_expr(c, args->items[i]->annotation);
    n++;
  }
  return n;
}

static int visit_annotations(Compiler *c, const Arguments *a, const Expr *returns) {
  int n = annotate_args(c, &a->posonlyargs) + annotate_args(c, &a->args);
  if (a->vararg && a->vararg->annotation) {
    load_const(c, intern(c, a->vararg->arg));
    visit_expr(c, a->vararg->annotation);
    n++;
  }
  n += annotate_args(c, &a->kwonlyargs);
  if (a->kwarg && a->kwarg->annotation) {
    load_const(c, intern(c, a->kwarg->arg));
    visit_expr(c, a->kwarg->annotation);
    n++;
  }
  if (returns) {
    load_const(c, intern(c, "return"));
    visit_expr(c, returns);
    n++;
  }
  if (!n) return 0;
  emit(c, OP_BUILD_MAP, n);
  return MKFN_ANNOTATIONS;
}

/* MAKE_CELL / COPY_FREE_VARS prologue of a new unit. */
static void emit_prologue(Compiler *c) {
  Unit *u = c->u;
  if (u->nfrees) emit(c, OP_COPY_FREE_VARS, u->nfrees);
  for (int i = 0; i < u->nlocals + u->ncells; i++)
    if (u->lp_kinds[i] & CO_FAST_CELL) emit(c, OP_MAKE_CELL, i);
}

/* No parameter may be called __debug__ (reported at the def or lambda). */
static bool params_allowed(Compiler *c, const Arguments *a) {
  const ArgSeq *seqs[] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
  for (int k = 0; k < 3; k++)
    for (int i = 0; i < seqs[k]->count; i++)
      if (forbidden_name(c, seqs[k]->items[i]->arg, NAME_STORE)) return false;
  return !(a->vararg && forbidden_name(c, a->vararg->arg, NAME_STORE)) &&
         !(a->kwarg && forbidden_name(c, a->kwarg->arg, NAME_STORE));
}

static void set_arg_counts(Compiler *c, const Arguments *a) {
  c->u->argcount = a->posonlyargs.count + a->args.count;
  c->u->posonly = a->posonlyargs.count;
  c->u->kwonly = a->kwonlyargs.count;
}

static const Expr *docstring_of(const StmtSeq *body) {
  if (body->count == 0) return NULL;
  const Stmt *s = body->items[0];
  if (s->kind != STMT_EXPR) return NULL;
  const Expr *e = s->v.Expr.value;
  if (e->kind != EXPR_CONSTANT || e->v.Constant.value.kind != CONST_STR) return NULL;
  return e;
}

/* Decorators are pushed bare, as CPython 3.11 does: `CALL 0` then sees
   [decorator, function] as [method, self] and calls decorator(function), leaving
   nothing behind (a PUSH_NULL here would be left on the stack by each call). */
static void load_decorators(Compiler *c, const ExprSeq *decos) {
  for (int i = 0; i < decos->count; i++) visit_expr(c, decos->items[i]);
}

/* Apply them innermost first; each call is reported at its decorator expression. */
static void call_decorators(Compiler *c, const ExprSeq *decos) {
  Loc saved = c->u->loc;
  for (int i = decos->count - 1; i >= 0; i--) {
    c->u->loc = decos->items[i]->loc;
    emit(c, OP_CALL, 0);
  }
  c->u->loc = saved;
}

static void visit_functiondef(Compiler *c, const Stmt *s) {
  const Arguments *a = s->v.FunctionDef.args;
  const ExprSeq *decos = &s->v.FunctionDef.decorator_list;
  if (!params_allowed(c, a)) return;
  load_decorators(c, decos);
  int flags = visit_defaults(c, a);
  flags |= visit_annotations(c, a, s->v.FunctionDef.returns);
  CHECK(c);
  Scope *sc = symtable_child(c->u->scope, s);
  enter_unit(c, sc, s->loc);
  CHECK(c);
  set_arg_counts(c, a);
  emit_prologue(c);
  const Expr *doc = docstring_of(&s->v.FunctionDef.body);
  add_const(c, doc ? const_value(c, &doc->v.Constant.value) : vm_none(c->vm));
  const StmtSeq *body = &s->v.FunctionDef.body;
  for (int i = doc ? 1 : 0; i < body->count; i++) visit_stmt(c, body->items[i]);
  Object *code = leave_unit(c, 0);
  make_function(c, code, flags);
  call_decorators(c, decos);
  compile_name(c, s->v.FunctionDef.name, NAME_STORE);
}

static void visit_lambda(Compiler *c, const Expr *e) {
  const Arguments *a = e->v.Lambda.args;
  if (!params_allowed(c, a)) return;
  int flags = visit_defaults(c, a);
  CHECK(c);
  Scope *sc = symtable_child(c->u->scope, e);
  enter_unit(c, sc, e->loc);
  CHECK(c);
  set_arg_counts(c, a);
  emit_prologue(c);
  add_const(c, vm_none(c->vm));
  visit_expr(c, e->v.Lambda.body);
  emit(c, OP_RETURN_VALUE, 0);
  Object *code = leave_unit(c, 0);
  make_function(c, code, flags);
}

static bool find_ann(const StmtSeq *body);

static void visit_classdef(Compiler *c, const Stmt *s) {
  const ExprSeq *decos = &s->v.ClassDef.decorator_list;
  load_decorators(c, decos);
  emit(c, OP_PUSH_NULL, 0);
  emit(c, OP_LOAD_BUILD_CLASS, 0);
  Scope *sc = symtable_child(c->u->scope, s);
  enter_unit(c, sc, s->loc);
  CHECK(c);
  emit_prologue(c);
  compile_name(c, "__name__", NAME_LOAD);
  compile_name(c, "__module__", NAME_STORE);
  load_const(c, obj_newref(c->u->qualname));
  compile_name(c, "__qualname__", NAME_STORE);
  const StmtSeq *body = &s->v.ClassDef.body;
  const Expr *doc = docstring_of(body);
  if (find_ann(body)) emit(c, OP_SETUP_ANNOTATIONS, 0);
  if (doc) {
    c->u->loc = body->items[0]->loc;
    load_const(c, const_value(c, &doc->v.Constant.value));
    compile_name(c, "__doc__", NAME_STORE);
  }
  for (int i = doc ? 1 : 0; i < body->count; i++) visit_stmt(c, body->items[i]);
  c->u->loc = (Loc){c->u->loc.end_lineno, 0, c->u->loc.end_lineno, 0};
  c->u->loc = s->loc;
  if (sc->needs_class_closure) {
    int i = lp_index(c, "__class__");
    emit(c, OP_LOAD_CLOSURE, i);
    emit(c, OP_COPY, 1);
    compile_name(c, "__classcell__", NAME_STORE);
  } else {
    load_none(c);
  }
  emit(c, OP_RETURN_VALUE, 0);
  Object *code = leave_unit(c, 0);
  if (!code) return;
  int flags = load_closure(c, code);
  load_const(c, code);
  emit(c, OP_MAKE_FUNCTION, flags);
  load_const(c, intern(c, s->v.ClassDef.name));
  /* __build_class__(func, name, *bases, **keywords) */
  const ExprSeq *bases = &s->v.ClassDef.bases;
  const KeywordSeq *kws = &s->v.ClassDef.keywords;
  if (!keywords_unique(c, kws)) return;
  if (call_is_simple(bases, kws)) {
    visit_exprs(c, bases);
    for (int i = 0; i < kws->count; i++) visit_expr(c, kws->items[i]->value);
    if (kws->count) {
      Object *names = tuple_alloc(c->vm, kws->count);
      if (!names) return fail_nomem(c);
      for (int i = 0; i < kws->count; i++) TUPLE_ITEMS(names)[i] = intern(c, kws->items[i]->arg);
      emit(c, OP_KW_NAMES, add_const(c, names));
    }
    emit(c, OP_CALL, 2 + bases->count + kws->count);
  } else {
    call_ex_args(c, bases, kws, 2);
  }
  call_decorators(c, decos);
  compile_name(c, s->v.ClassDef.name, NAME_STORE);
}

/* One generator of a comprehension, recursively. depth = items between the result
   collection and the top of the stack while the element is computed. */
static void comprehension_generator(Compiler *c, const ComprehensionSeq *gens, int gi,
                                    int depth, const Expr *e) {
  const Comprehension *g = gens->items[gi];
  int start = new_label(c), anchor = new_label(c), ifclean = new_label(c);
  if (gi == 0) {
    emit(c, OP_LOAD_FAST, 0);   /* .0 */
  } else {
    visit_expr(c, g->iter);
    emit(c, OP_GET_ITER, 0);
  }
  bind(c, start);
  emit(c, OP_FOR_ITER, anchor);
  store_target(c, g->target);
  for (int i = 0; i < g->ifs.count; i++) jump_if(c, g->ifs.items[i], ifclean, false);
  if (gi + 1 < gens->count) {
    comprehension_generator(c, gens, gi + 1, depth + 1, e);
  } else {
    switch (e->kind) {
      case EXPR_GENERATOREXP:
        visit_expr(c, e->v.GeneratorExp.elt);
        emit(c, OP_YIELD_VALUE, 0);
        emit(c, OP_POP_TOP, 0);
        break;
      case EXPR_LISTCOMP:
        visit_expr(c, e->v.ListComp.elt);
        emit(c, OP_LIST_APPEND, depth + 1);
        break;
      case EXPR_SETCOMP:
        visit_expr(c, e->v.SetComp.elt);
        emit(c, OP_SET_ADD, depth + 1);
        break;
      default:
        visit_expr(c, e->v.DictComp.key);
        visit_expr(c, e->v.DictComp.value);
        emit(c, OP_MAP_ADD, depth + 1);
        break;
    }
  }
  bind(c, ifclean);
  emit(c, OP_JUMP_BACKWARD, start);
  bind(c, anchor);
}

static void visit_comprehension(Compiler *c, const Expr *e, const ComprehensionSeq *gens) {
  Scope *sc = symtable_child(c->u->scope, e);
  enter_unit(c, sc, e->loc);
  CHECK(c);
  c->u->argcount = 1;
  emit_prologue(c);
  bool gen = e->kind == EXPR_GENERATOREXP;
  if (!gen) emit(c, e->kind == EXPR_LISTCOMP ? OP_BUILD_LIST : e->kind == EXPR_SETCOMP ? OP_BUILD_SET : OP_BUILD_MAP, 0);
  comprehension_generator(c, gens, 0, 1, e);
  if (gen) load_none(c);
  emit(c, OP_RETURN_VALUE, 0);
  Object *code = leave_unit(c, 0);
  make_function(c, code, 0);
  visit_expr(c, gens->items[0]->iter);
  emit(c, OP_GET_ITER, 0);
  emit(c, OP_CALL, 0);   /* [func, iter]: the iterator rides in the self slot */
}

/* ---- targets ------------------------------------------------------------------ */

static void unpack_targets(Compiler *c, const ExprSeq *elts, Loc loc) {
  int n = elts->count, star = -1;
  for (int i = 0; i < n; i++) {
    if (elts->items[i]->kind != EXPR_STARRED) continue;
    if (star >= 0) {
      error_at(c, loc, "multiple starred expressions in assignment");   /* the whole target */
      return;
    }
    star = i;
  }
  if (star >= 0) {
    if (star > 255 || n - star - 1 > 255) {
      error_at(c, loc, "too many expressions in star-unpacking assignment");
      return;
    }
    emit(c, OP_UNPACK_EX, star | (n - star - 1) << 8);
  } else {
    emit(c, OP_UNPACK_SEQUENCE, n);
  }
  for (int i = 0; i < n; i++) {
    const Expr *t = elts->items[i];
    store_target(c, t->kind == EXPR_STARRED ? t->v.Starred.value : t);
  }
}

/* Store the value on top of the stack into target t. */
static void store_target(Compiler *c, const Expr *t) {
  CHECK(c);
  Loc saved = c->u->loc;
  c->u->loc = t->loc;
  switch (t->kind) {
    case EXPR_NAME: compile_name(c, t->v.Name.id, NAME_STORE); break;
    case EXPR_ATTRIBUTE:
      if (forbidden_name(c, t->v.Attribute.attr, NAME_STORE)) break;
      visit_expr(c, t->v.Attribute.value);
      c->u->loc = t->loc;
      emit(c, OP_STORE_ATTR, add_name(c, mangle(c, t->v.Attribute.attr)));
      break;
    case EXPR_SUBSCRIPT:
      visit_expr(c, t->v.Subscript.value);
      visit_expr(c, t->v.Subscript.slice);
      emit(c, OP_STORE_SUBSCR, 0);
      break;
    case EXPR_TUPLE: unpack_targets(c, &t->v.Tuple.elts, t->loc); break;
    case EXPR_LIST: unpack_targets(c, &t->v.List.elts, t->loc); break;
    case EXPR_STARRED: error_at(c, t->loc, "starred assignment target must be in a list or tuple"); break;
    default: error_at(c, t->loc, "cannot assign to expression"); break;
  }
  c->u->loc = saved;
}

static void delete_target(Compiler *c, const Expr *t) {
  CHECK(c);
  Loc saved = c->u->loc;
  c->u->loc = t->loc;
  switch (t->kind) {
    case EXPR_NAME: compile_name(c, t->v.Name.id, NAME_DEL); break;
    case EXPR_ATTRIBUTE:
      visit_expr(c, t->v.Attribute.value);
      c->u->loc = t->loc;
      emit(c, OP_DELETE_ATTR, add_name(c, mangle(c, t->v.Attribute.attr)));
      break;
    case EXPR_SUBSCRIPT:
      visit_expr(c, t->v.Subscript.value);
      visit_expr(c, t->v.Subscript.slice);
      emit(c, OP_DELETE_SUBSCR, 0);
      break;
    case EXPR_TUPLE:
      for (int i = 0; i < t->v.Tuple.elts.count; i++) delete_target(c, t->v.Tuple.elts.items[i]);
      break;
    case EXPR_LIST:
      for (int i = 0; i < t->v.List.elts.count; i++) delete_target(c, t->v.List.elts.items[i]);
      break;
    default: error_at(c, t->loc, "cannot delete expression"); break;
  }
  c->u->loc = saved;
}

/* ---- expression visitor --------------------------------------------------------- */

static void visit_slice_or_index(Compiler *c, const Expr *e) {
  if (e->kind == EXPR_SLICE) {
    int n = 2;
    if (e->v.Slice.lower) visit_expr(c, e->v.Slice.lower);
    else load_none(c);
    if (e->v.Slice.upper) visit_expr(c, e->v.Slice.upper);
    else load_none(c);
    if (e->v.Slice.step) {
      visit_expr(c, e->v.Slice.step);
      n = 3;
    }
    emit(c, OP_BUILD_SLICE, n);
  } else {
    visit_expr(c, e);
  }
}

static void visit_expr(Compiler *c, const Expr *e) {
  CHECK(c);
  Unit *u = c->u;
  Loc saved = u->loc;
  u->loc = e->loc;
  switch (e->kind) {
    case EXPR_BOOLOP: visit_boolop(c, e); break;
    case EXPR_NAMEDEXPR:
      visit_expr(c, e->v.NamedExpr.value);
      emit(c, OP_COPY, 1);
      store_target(c, e->v.NamedExpr.target);
      break;
    case EXPR_BINOP: {
      Object *k = NULL;
      const Expr *l = e->v.BinOp.left, *r = e->v.BinOp.right;
      if (l->kind == EXPR_CONSTANT && r->kind == EXPR_CONSTANT && l->v.Constant.value.kind == CONST_INT &&
          r->v.Constant.value.kind == CONST_INT) {
        Object *a = const_of(c, l), *b = const_of(c, r);
        AstOperator op = e->v.BinOp.op;
        if (a && b && obj_is_small(a) && obj_is_small(b) && (op == AST_ADD || op == AST_SUB || op == AST_MULT)) {
          int64_t x = small_value(a), y = small_value(b), z;
          bool ovf = op == AST_ADD ? __builtin_add_overflow(x, y, &z)
                   : op == AST_SUB ? __builtin_sub_overflow(x, y, &z) : __builtin_mul_overflow(x, y, &z);
          if (!ovf && small_fits(z)) k = small_new(z);
        }
        obj_xdecref(c->vm, a);
        obj_xdecref(c->vm, b);
      }
      if (k) {
        load_const(c, k);
        break;
      }
      visit_expr(c, l);
      visit_expr(c, r);
      emit(c, OP_BINARY_OP, binop_arg(e->v.BinOp.op));
      break;
    }
    case EXPR_UNARYOP: {
      if (e->v.UnaryOp.op == AST_USUB) {
        Object *k = const_of(c, e);
        if (k) {
          load_const(c, k);
          break;
        }
        CHECK(c);
      }
      visit_expr(c, e->v.UnaryOp.operand);
      static const int ops[] = {0, OP_UNARY_INVERT, OP_UNARY_NOT, OP_UNARY_POSITIVE, OP_UNARY_NEGATIVE};
      emit(c, ops[e->v.UnaryOp.op], 0);
      break;
    }
    case EXPR_LAMBDA: visit_lambda(c, e); break;
    case EXPR_IFEXP: {
      int end = new_label(c), other = new_label(c);
      jump_if(c, e->v.IfExp.test, other, false);
      visit_expr(c, e->v.IfExp.body);
      emit(c, OP_JUMP, end);
      bind(c, other);
      visit_expr(c, e->v.IfExp.orelse);
      bind(c, end);
      break;
    }
    case EXPR_DICT: visit_dict(c, e); break;
    case EXPR_SET: build_sequence(c, &e->v.Set.elts, OP_BUILD_SET, OP_SET_UPDATE, OP_SET_ADD, false); break;
    case EXPR_LISTCOMP: visit_comprehension(c, e, &e->v.ListComp.generators); break;
    case EXPR_SETCOMP: visit_comprehension(c, e, &e->v.SetComp.generators); break;
    case EXPR_DICTCOMP: visit_comprehension(c, e, &e->v.DictComp.generators); break;
    case EXPR_GENERATOREXP: visit_comprehension(c, e, &e->v.GeneratorExp.generators); break;
    case EXPR_YIELD:
      if (e->v.Yield.value) visit_expr(c, e->v.Yield.value);
      else load_none(c);
      emit(c, OP_YIELD_VALUE, 0);
      break;
    case EXPR_YIELDFROM: {
      int send = new_label(c), exit = new_label(c);
      visit_expr(c, e->v.YieldFrom.value);
      emit(c, OP_GET_YIELD_FROM_ITER, 0);
      load_none(c);
      bind(c, send);
      emit(c, OP_SEND, exit);
      emit(c, OP_YIELD_VALUE, 1);
      emit(c, OP_JUMP_BACKWARD, send);
      bind(c, exit);
      break;
    }
    case EXPR_COMPARE: visit_compare(c, e); break;
    case EXPR_CALL: visit_call(c, e); break;
    case EXPR_FORMATTEDVALUE: visit_fstring_part(c, e); break;
    case EXPR_JOINEDSTR: visit_joinedstr(c, e); break;
    case EXPR_CONSTANT: load_const(c, const_value(c, &e->v.Constant.value)); break;
    case EXPR_ATTRIBUTE:
      visit_expr(c, e->v.Attribute.value);
      u->loc = e->loc;
      emit(c, OP_LOAD_ATTR, add_name(c, mangle(c, e->v.Attribute.attr)));
      break;
    case EXPR_SUBSCRIPT:
      visit_expr(c, e->v.Subscript.value);
      visit_slice_or_index(c, e->v.Subscript.slice);
      u->loc = e->loc;
      emit(c, OP_BINARY_SUBSCR, 0);
      break;
    case EXPR_STARRED: error_at(c, e->loc, "can't use starred expression here"); break;
    case EXPR_NAME: compile_name(c, e->v.Name.id, NAME_LOAD); break;
    case EXPR_LIST: build_sequence(c, &e->v.List.elts, OP_BUILD_LIST, OP_LIST_EXTEND, OP_LIST_APPEND, false); break;
    case EXPR_TUPLE: {
      Object *k = has_starred(&e->v.Tuple.elts) ? NULL : const_of(c, e);
      if (k) load_const(c, k);
      else build_sequence(c, &e->v.Tuple.elts, OP_BUILD_LIST, OP_LIST_EXTEND, OP_LIST_APPEND, true);
      break;
    }
    case EXPR_SLICE: visit_slice_or_index(c, e); break;
  }
  u->loc = saved;
}

/* ---- unwinding for break / continue / return ------------------------------------ */

static void call_exit_with_nones(Compiler *c) {
  load_none(c);
  load_none(c);
  load_none(c);
  emit(c, OP_CALL, 2);   /* [exit, None, None, None]: None rides in the self slot */
}

static void unwind_fblock(Compiler *c, const FBlock *b, bool preserve_tos) {
  switch (b->kind) {
    case FB_WHILE_LOOP: case FB_EXCEPTION_HANDLER: return;
    case FB_FOR_LOOP:
      if (preserve_tos) emit(c, OP_SWAP, 2);
      emit(c, OP_POP_TOP, 0);
      return;
    case FB_TRY_EXCEPT: pop_handler(c); return;
    case FB_FINALLY_TRY:
      pop_handler(c);
      if (preserve_tos && !push_fblock(c, FB_POP_VALUE, -1, -1, NULL)) return;
      visit_stmts(c, (const StmtSeq *)b->datum);
      if (preserve_tos) pop_fblock(c);
      return;
    case FB_FINALLY_END:
      if (preserve_tos) emit(c, OP_SWAP, 2);
      emit(c, OP_POP_TOP, 0);
      if (preserve_tos) emit(c, OP_SWAP, 2);
      pop_handler(c);
      emit(c, OP_POP_EXCEPT, 0);
      return;
    case FB_WITH: {
      Loc saved = c->u->loc;
      c->u->loc = ((const Stmt *)b->datum)->loc;
      pop_handler(c);
      if (preserve_tos) emit(c, OP_SWAP, 2);
      call_exit_with_nones(c);
      emit(c, OP_POP_TOP, 0);
      c->u->loc = saved;
      return;
    }
    case FB_HANDLER_CLEANUP:
      if (b->datum) pop_handler(c);
      if (preserve_tos) emit(c, OP_SWAP, 2);
      pop_handler(c);
      emit(c, OP_POP_EXCEPT, 0);
      if (b->datum) {
        load_none(c);
        compile_name(c, (const char *)b->datum, NAME_STORE);
        compile_name(c, (const char *)b->datum, NAME_DEL);
      }
      return;
    case FB_POP_VALUE:
      if (preserve_tos) emit(c, OP_SWAP, 2);
      emit(c, OP_POP_TOP, 0);
      return;
  }
}

/* Unwind the fblock stack; stop at the innermost loop when loop is not NULL. */
static void unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop) {
  Unit *u = c->u;
  if (u->nfb == 0 || c->failed) return;
  FBlock *top = &u->fblocks[u->nfb - 1];
  if (loop && (top->kind == FB_WHILE_LOOP || top->kind == FB_FOR_LOOP)) {
    *loop = top;
    return;
  }
  FBlock copy = *top;
  u->nfb--;
  unwind_fblock(c, &copy, preserve_tos);
  unwind_fblock_stack(c, preserve_tos, loop);
  u->fblocks[u->nfb++] = copy;
}

typedef struct HandlerSave {
  Handler h[MAX_FBLOCKS * 2 + 4];
  int nh;
} HandlerSave;

static void save_handlers(Compiler *c, HandlerSave *s) {
  s->nh = c->u->nh;
  memcpy(s->h, c->u->hstack, sizeof(Handler) * (size_t)s->nh);
}

static void restore_handlers(Compiler *c, const HandlerSave *s) {
  c->u->nh = s->nh;
  memcpy(c->u->hstack, s->h, sizeof(Handler) * (size_t)s->nh);
}

static void visit_return(Compiler *c, const Stmt *s) {
  if (!symtable_is_function(c->u->scope)) {
    error_at(c, s->loc, "'return' outside function");
    return;
  }
  if (s->v.Return.value) visit_expr(c, s->v.Return.value);
  else load_none(c);
  HandlerSave hs;
  save_handlers(c, &hs);
  unwind_fblock_stack(c, true, NULL);
  c->u->loc = s->loc;
  emit(c, OP_RETURN_VALUE, 0);
  restore_handlers(c, &hs);
}

static void visit_break_continue(Compiler *c, const Stmt *s, bool is_break) {
  FBlock *loop = NULL;
  HandlerSave hs;
  save_handlers(c, &hs);
  int depth = c->u->depth;
  unwind_fblock_stack(c, false, &loop);
  CHECK(c);
  if (!loop) {
    error_at(c, s->loc, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    return;
  }
  c->u->loc = s->loc;
  if (is_break) {
    unwind_fblock(c, loop, false);
    emit(c, OP_JUMP, loop->exit);
  } else {
    emit(c, OP_JUMP_BACKWARD, loop->block);
  }
  restore_handlers(c, &hs);
  c->u->depth = depth;
}

/* ---- statements ------------------------------------------------------------------ */

static void visit_for(Compiler *c, const Stmt *s) {
  int start = new_label(c), cleanup = new_label(c), end = new_label(c);
  visit_expr(c, s->v.For.iter);
  emit(c, OP_GET_ITER, 0);
  bind(c, start);
  if (!push_fblock(c, FB_FOR_LOOP, start, end, NULL)) return;
  c->u->loc = s->loc;   /* as 3.11: an error in next() underlines the whole statement */
  emit(c, OP_FOR_ITER, cleanup);
  store_target(c, s->v.For.target);
  visit_stmts(c, &s->v.For.body);
  pop_fblock(c);
  c->u->loc = s->v.For.iter->loc;
  emit(c, OP_JUMP_BACKWARD, start);
  bind(c, cleanup);
  visit_stmts(c, &s->v.For.orelse);
  bind(c, end);
}

static bool is_const_true(const Expr *e) {
  if (e->kind != EXPR_CONSTANT) return false;
  const AstConst *k = &e->v.Constant.value;
  return k->kind == CONST_TRUE || (k->kind == CONST_INT && strcmp(k->v.i.digits, "0") != 0) ||
         (k->kind == CONST_STR && k->v.s.len > 0);
}

static void visit_while(Compiler *c, const Stmt *s) {
  int start = new_label(c), anchor = new_label(c), end = new_label(c);
  bind(c, start);
  if (!is_const_true(s->v.While.test)) jump_if(c, s->v.While.test, anchor, false);
  if (!push_fblock(c, FB_WHILE_LOOP, start, end, NULL)) return;
  visit_stmts(c, &s->v.While.body);
  pop_fblock(c);
  c->u->loc = s->v.While.test->loc;
  emit(c, OP_JUMP_BACKWARD, start);
  bind(c, anchor);
  visit_stmts(c, &s->v.While.orelse);
  bind(c, end);
}

static void visit_if(Compiler *c, const Stmt *s) {
  int end = new_label(c);
  int next = s->v.If.orelse.count ? new_label(c) : end;
  jump_if(c, s->v.If.test, next, false);
  visit_stmts(c, &s->v.If.body);
  if (s->v.If.orelse.count) {
    emit(c, OP_JUMP, end);
    bind(c, next);
    visit_stmts(c, &s->v.If.orelse);
  }
  bind(c, end);
}

/* [prev, exc2] at a cleanup handler: restore the handled exception and re-raise. */
static void pop_except_and_reraise(Compiler *c) {
  emit(c, OP_SWAP, 2);
  emit(c, OP_POP_EXCEPT, 0);
  emit(c, OP_RERAISE, 0);
}

static void visit_try_except(Compiler *c, const Stmt *s) {
  int except = new_label(c), end = new_label(c), cleanup = new_label(c);
  push_handler(c, except);
  if (!push_fblock(c, FB_TRY_EXCEPT, -1, -1, NULL)) return;
  visit_stmts(c, &s->v.Try.body);
  pop_fblock(c);
  pop_handler(c);
  visit_stmts(c, &s->v.Try.orelse);
  emit(c, OP_JUMP, end);
  bind(c, except);
  c->u->loc = s->loc;
  push_handler(c, cleanup);
  emit(c, OP_PUSH_EXC_INFO, 0);
  if (!push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL)) return;
  HandlerSave hs;
  save_handlers(c, &hs);
  int n = s->v.Try.handlers.count;
  for (int i = 0; i < n && !c->failed; i++) {
    const ExceptHandler *h = s->v.Try.handlers.items[i];
    restore_handlers(c, &hs);
    c->u->loc = h->loc;
    if (!h->type && i < n - 1) {
      error_at(c, h->loc, "default 'except:' must be last");
      return;
    }
    int next = new_label(c);
    if (h->type) {
      visit_expr(c, h->type);
      c->u->loc = h->loc;
      emit(c, OP_CHECK_EXC_MATCH, 0);
      emit(c, OP_POP_JUMP_IF_FALSE, next);
    }
    if (h->name) {
      int cleanup_end = new_label(c);
      compile_name(c, h->name, NAME_STORE);
      push_handler(c, cleanup_end);
      if (!push_fblock(c, FB_HANDLER_CLEANUP, cleanup_end, -1, h->name)) return;
      visit_stmts(c, &h->body);
      pop_fblock(c);
      c->u->loc = h->loc;
      pop_handler(c);
      pop_handler(c);
      emit(c, OP_POP_EXCEPT, 0);
      load_none(c);
      compile_name(c, h->name, NAME_STORE);
      compile_name(c, h->name, NAME_DEL);
      emit(c, OP_JUMP, end);
      restore_handlers(c, &hs);
      bind(c, cleanup_end);
      load_none(c);
      compile_name(c, h->name, NAME_STORE);
      compile_name(c, h->name, NAME_DEL);
      emit(c, OP_RERAISE, 0);
    } else {
      emit(c, OP_POP_TOP, 0);
      if (!push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, NULL)) return;
      visit_stmts(c, &h->body);
      pop_fblock(c);
      c->u->loc = h->loc;
      pop_handler(c);
      emit(c, OP_POP_EXCEPT, 0);
      emit(c, OP_JUMP, end);
    }
    bind(c, next);
  }
  CHECK(c);
  restore_handlers(c, &hs);
  pop_fblock(c);
  emit(c, OP_RERAISE, 0);
  pop_handler(c);
  bind(c, cleanup);
  pop_except_and_reraise(c);
  bind(c, end);
}

static void visit_try_finally(Compiler *c, const Stmt *s) {
  int finally = new_label(c), exit = new_label(c), cleanup = new_label(c);
  push_handler(c, finally);
  if (!push_fblock(c, FB_FINALLY_TRY, -1, -1, &s->v.Try.finalbody)) return;
  if (s->v.Try.handlers.count) visit_try_except(c, s);
  else visit_stmts(c, &s->v.Try.body);
  pop_fblock(c);
  pop_handler(c);
  visit_stmts(c, &s->v.Try.finalbody);
  emit(c, OP_JUMP, exit);
  bind(c, finally);
  push_handler(c, cleanup);
  emit(c, OP_PUSH_EXC_INFO, 0);
  if (!push_fblock(c, FB_FINALLY_END, -1, -1, NULL)) return;
  visit_stmts(c, &s->v.Try.finalbody);
  pop_fblock(c);
  emit(c, OP_RERAISE, 0);
  pop_handler(c);
  bind(c, cleanup);
  pop_except_and_reraise(c);
  bind(c, exit);
}

static void visit_with(Compiler *c, const Stmt *s, int pos) {
  const WithItem *item = s->v.With.items.items[pos];
  int final = new_label(c), exit = new_label(c), cleanup = new_label(c), suppress = new_label(c);
  visit_expr(c, item->context_expr);
  c->u->loc = s->loc;
  emit(c, OP_BEFORE_WITH, 0);
  c->u->depth--;   /* the handler keeps __exit__ but not __enter__'s result */
  push_handler(c, final);
  c->u->depth++;
  if (!push_fblock(c, FB_WITH, -1, -1, s)) return;
  if (item->optional_vars) store_target(c, item->optional_vars);
  else emit(c, OP_POP_TOP, 0);
  if (pos + 1 < s->v.With.items.count) visit_with(c, s, pos + 1);
  else visit_stmts(c, &s->v.With.body);
  CHECK(c);
  pop_fblock(c);
  pop_handler(c);
  c->u->loc = s->loc;
  call_exit_with_nones(c);
  emit(c, OP_POP_TOP, 0);
  emit(c, OP_JUMP, exit);
  bind(c, final);   /* [exit, exc] */
  push_handler(c, cleanup);
  emit(c, OP_PUSH_EXC_INFO, 0);     /* [exit, prev, exc] */
  emit(c, OP_WITH_EXCEPT_START, 0); /* [exit, prev, exc, res] */
  emit(c, OP_POP_JUMP_IF_TRUE, suppress);
  emit(c, OP_RERAISE, 0);
  pop_handler(c);
  bind(c, cleanup);
  pop_except_and_reraise(c);
  bind(c, suppress);   /* [exit, prev, exc] */
  push_handler(c, cleanup);
  emit(c, OP_POP_TOP, 0);
  pop_handler(c);
  emit(c, OP_POP_EXCEPT, 0);
  emit(c, OP_POP_TOP, 0);
  bind(c, exit);
}

static void visit_import(Compiler *c, const Stmt *s) {
  for (int i = 0; i < s->v.Import.names.count; i++) {
    const Alias *a = s->v.Import.names.items[i];
    load_const(c, small_new(0));
    load_none(c);
    emit(c, OP_IMPORT_NAME, add_name(c, a->name));
    if (a->asname) {
      const char *dot = strchr(a->name, '.');
      while (dot) {   /* import a.b.c as d: walk to the last component */
        const char *next = strchr(dot + 1, '.');
        size_t n = next ? (size_t)(next - dot - 1) : strlen(dot + 1);
        char *part = ast_strndup(c->arena, dot + 1, n);
        if (!part) return fail_nomem(c);
        emit(c, OP_IMPORT_FROM, add_name(c, part));
        emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0);
        dot = next;
      }
      compile_name(c, a->asname, NAME_STORE);
    } else {
      const char *dot = strchr(a->name, '.');
      if (dot) {
        char *first = ast_strndup(c->arena, a->name, (size_t)(dot - a->name));
        if (!first) return fail_nomem(c);
        compile_name(c, first, NAME_STORE);
      } else {
        compile_name(c, a->name, NAME_STORE);
      }
    }
  }
}

static void visit_import_from(Compiler *c, const Stmt *s) {
  const AliasSeq *names = &s->v.ImportFrom.names;
  load_const(c, small_new(s->v.ImportFrom.level));
  Object *fromlist = tuple_alloc(c->vm, names->count);
  if (!fromlist) return fail_nomem(c);
  for (int i = 0; i < names->count; i++) TUPLE_ITEMS(fromlist)[i] = intern(c, names->items[i]->name);
  load_const(c, fromlist);
  emit(c, OP_IMPORT_NAME, add_name(c, s->v.ImportFrom.module ? s->v.ImportFrom.module : ""));
  for (int i = 0; i < names->count; i++) {
    const Alias *a = names->items[i];
    if (strcmp(a->name, "*") == 0) {
      emit(c, OP_IMPORT_STAR, 0);
      return;
    }
    emit(c, OP_IMPORT_FROM, add_name(c, a->name));
    compile_name(c, a->asname ? a->asname : a->name, NAME_STORE);
  }
  emit(c, OP_POP_TOP, 0);
}

static void visit_augassign(Compiler *c, const Stmt *s) {
  const Expr *t = s->v.AugAssign.target;
  int op = binop_arg(s->v.AugAssign.op) | BINOP_INPLACE;
  Loc loc = s->loc;
  switch (t->kind) {
    case EXPR_NAME:
      c->u->loc = t->loc;
      compile_name(c, t->v.Name.id, NAME_LOAD);
      visit_expr(c, s->v.AugAssign.value);
      c->u->loc = loc;
      emit(c, OP_BINARY_OP, op);
      c->u->loc = t->loc;
      compile_name(c, t->v.Name.id, NAME_STORE);
      break;
    case EXPR_ATTRIBUTE: {
      int name = add_name(c, mangle(c, t->v.Attribute.attr));
      visit_expr(c, t->v.Attribute.value);
      c->u->loc = t->loc;
      emit(c, OP_COPY, 1);
      emit(c, OP_LOAD_ATTR, name);
      visit_expr(c, s->v.AugAssign.value);
      c->u->loc = loc;
      emit(c, OP_BINARY_OP, op);
      emit(c, OP_SWAP, 2);
      c->u->loc = t->loc;
      emit(c, OP_STORE_ATTR, name);
      break;
    }
    case EXPR_SUBSCRIPT:
      visit_expr(c, t->v.Subscript.value);
      visit_slice_or_index(c, t->v.Subscript.slice);
      c->u->loc = t->loc;
      emit(c, OP_COPY, 2);
      emit(c, OP_COPY, 2);
      emit(c, OP_BINARY_SUBSCR, 0);
      visit_expr(c, s->v.AugAssign.value);
      c->u->loc = loc;
      emit(c, OP_BINARY_OP, op);
      emit(c, OP_SWAP, 3);
      emit(c, OP_SWAP, 2);
      c->u->loc = t->loc;
      emit(c, OP_STORE_SUBSCR, 0);
      break;
    default: error_at(c, t->loc, "illegal expression for augmented assignment"); break;
  }
}

static void visit_annassign(Compiler *c, const Stmt *s) {
  const Expr *t = s->v.AnnAssign.target;
  if (s->v.AnnAssign.value) {
    visit_expr(c, s->v.AnnAssign.value);
    store_target(c, t);
  }
  bool fn = symtable_is_function(c->u->scope);
  if (t->kind == EXPR_NAME && s->v.AnnAssign.simple) {
    if (fn) return;
    visit_expr(c, s->v.AnnAssign.annotation);
    c->u->loc = s->loc;
    emit(c, OP_LOAD_NAME, add_name(c, "__annotations__"));
    load_const(c, intern(c, mangle(c, t->v.Name.id)));
    emit(c, OP_STORE_SUBSCR, 0);
  } else {
    if (t->kind == EXPR_ATTRIBUTE && !s->v.AnnAssign.value) {
      visit_expr(c, t->v.Attribute.value);
      emit(c, OP_POP_TOP, 0);
    } else if (t->kind == EXPR_SUBSCRIPT && !s->v.AnnAssign.value) {
      visit_expr(c, t->v.Subscript.value);
      emit(c, OP_POP_TOP, 0);
      visit_slice_or_index(c, t->v.Subscript.slice);
      emit(c, OP_POP_TOP, 0);
    }
    if (!fn) {
      visit_expr(c, s->v.AnnAssign.annotation);
      emit(c, OP_POP_TOP, 0);
    }
  }
}

static void visit_stmt(Compiler *c, const Stmt *s) {
  CHECK(c);
  Unit *u = c->u;
  u->loc = s->loc;
  switch (s->kind) {
    case STMT_FUNCTIONDEF: visit_functiondef(c, s); break;
    case STMT_CLASSDEF: visit_classdef(c, s); break;
    case STMT_RETURN: visit_return(c, s); break;
    case STMT_DELETE:
      for (int i = 0; i < s->v.Delete.targets.count; i++) delete_target(c, s->v.Delete.targets.items[i]);
      break;
    case STMT_ASSIGN: {
      const ExprSeq *t = &s->v.Assign.targets;
      visit_expr(c, s->v.Assign.value);
      for (int i = 0; i < t->count; i++) {
        if (i < t->count - 1) emit(c, OP_COPY, 1);
        store_target(c, t->items[i]);
      }
      break;
    }
    case STMT_AUGASSIGN: visit_augassign(c, s); break;
    case STMT_ANNASSIGN: visit_annassign(c, s); break;
    case STMT_FOR: visit_for(c, s); break;
    case STMT_WHILE: visit_while(c, s); break;
    case STMT_IF: visit_if(c, s); break;
    case STMT_WITH: visit_with(c, s, 0); break;
    case STMT_RAISE: {
      int n = 0;
      if (s->v.Raise.exc) {
        visit_expr(c, s->v.Raise.exc);
        n++;
        if (s->v.Raise.cause) {
          visit_expr(c, s->v.Raise.cause);
          n++;
        }
      }
      u->loc = s->loc;
      emit(c, OP_RAISE_VARARGS, n);
      break;
    }
    case STMT_TRY:
      if (s->v.Try.finalbody.count) visit_try_finally(c, s);
      else visit_try_except(c, s);
      break;
    case STMT_ASSERT: {
      int end = new_label(c);
      jump_if(c, s->v.Assert.test, end, true);
      u->loc = s->v.Assert.test->loc;
      emit(c, OP_LOAD_ASSERTION_ERROR, 0);
      if (s->v.Assert.msg) {
        visit_expr(c, s->v.Assert.msg);
        u->loc = s->v.Assert.test->loc;
        emit(c, OP_CALL, 0);   /* [AssertionError, msg]: msg rides in the self slot */
      }
      emit(c, OP_RAISE_VARARGS, 1);
      bind(c, end);
      break;
    }
    case STMT_IMPORT: visit_import(c, s); break;
    case STMT_IMPORTFROM: visit_import_from(c, s); break;
    case STMT_GLOBAL: case STMT_NONLOCAL: case STMT_PASS: break;
    case STMT_EXPR: {
      const Expr *e = s->v.Expr.value;
      if (c->interactive && !u->parent) {
        visit_expr(c, e);
        emit(c, OP_PRINT_EXPR, 0);
      } else if (e->kind != EXPR_CONSTANT) {
        visit_expr(c, e);
        u->loc = s->loc;
        emit(c, OP_POP_TOP, 0);
      }
      break;
    }
    case STMT_BREAK: visit_break_continue(c, s, true); break;
    case STMT_CONTINUE: visit_break_continue(c, s, false); break;
  }
}

static void visit_stmts(Compiler *c, const StmtSeq *seq) {
  for (int i = 0; i < seq->count && !c->failed; i++) visit_stmt(c, seq->items[i]);
}

/* Does the body contain an annotated assignment (outside nested scopes)? */
static bool find_ann(const StmtSeq *body) {
  for (int i = 0; i < body->count; i++) {
    const Stmt *s = body->items[i];
    switch (s->kind) {
      case STMT_ANNASSIGN: return true;
      case STMT_FOR: if (find_ann(&s->v.For.body) || find_ann(&s->v.For.orelse)) return true; break;
      case STMT_WHILE: if (find_ann(&s->v.While.body) || find_ann(&s->v.While.orelse)) return true; break;
      case STMT_IF: if (find_ann(&s->v.If.body) || find_ann(&s->v.If.orelse)) return true; break;
      case STMT_WITH: if (find_ann(&s->v.With.body)) return true; break;
      case STMT_TRY:
        if (find_ann(&s->v.Try.body) || find_ann(&s->v.Try.orelse) || find_ann(&s->v.Try.finalbody)) return true;
        for (int j = 0; j < s->v.Try.handlers.count; j++)
          if (find_ann(&s->v.Try.handlers.items[j]->body)) return true;
        break;
      default: break;
    }
  }
  return false;
}

/* ---- entry point ------------------------------------------------------------------ */

Object *comp_compile(VM *vm, const Mod *mod, Arena *arena, const char *filename, CompMode mode) {
  Compiler c = {vm, arena, filename, NULL, NULL, NULL, mode, false, mode == COMP_SINGLE};
  c.st = symtable_build(vm, arena, mod, filename);
  if (!c.st) return NULL;
  c.filename_obj = str_from_cstr(vm, filename);
  if (!c.filename_obj) return NULL;
  Loc start = {1, 0, 1, 0};
  enter_unit(&c, c.st->top, start);
  if (!c.failed) {
    if (mod->kind == MOD_EXPRESSION) {
      visit_expr(&c, mod->v.Expression.body);
      emit(&c, OP_RETURN_VALUE, 0);
    } else {
      const StmtSeq *body = mod->kind == MOD_MODULE ? &mod->v.Module.body : &mod->v.Interactive.body;
      if (find_ann(body)) emit(&c, OP_SETUP_ANNOTATIONS, 0);
      const Expr *doc = mod->kind == MOD_MODULE ? docstring_of(body) : NULL;
      int first = 0;
      if (doc) {
        c.u->loc = body->items[0]->loc;
        load_const(&c, const_value(&c, &doc->v.Constant.value));
        compile_name(&c, "__doc__", NAME_STORE);
        first = 1;
      }
      for (int i = first; i < body->count && !c.failed; i++) visit_stmt(&c, body->items[i]);
      c.u->loc = (Loc){0, -1, 0, -1};
      if (body->count) {
        const Stmt *last = body->items[body->count - 1];
        c.u->loc = (Loc){last->end_lineno, -1, last->end_lineno, -1};
      }
    }
  }
  Object *code = c.u ? leave_unit(&c, 0) : NULL;
  while (c.u) {   /* error inside a nested unit: drop the partial units */
    Object *partial = leave_unit(&c, 0);
    obj_xdecref(vm, partial);
  }
  obj_decref(vm, c.filename_obj);
  if (c.failed) {
    obj_xdecref(vm, code);
    return NULL;
  }
  return code;
}
