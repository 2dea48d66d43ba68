/*
 * ast: the arena, the node constructors the grammar calls, and the dumper.
 *
 * Constructors follow CPython 3.11's location rules: a node spans from its first
 * to its last token (closing brackets included for calls, subscripts and displays,
 * parentheses excluded for a parenthesised expression, included for tuples and
 * generator expressions). Statements end where their last child ends.
 *
 * Checks LALR(1) cannot express live here, with CPython's messages: assignment,
 * deletion and augmented/annotated targets (set_context, mirroring
 * _PyPegen_get_invalid_target and _PyPegen_get_expr_name), keyword arguments and
 * argument order, parameter order. The first error is recorded in the Parser;
 * afterwards every constructor returns NULL.
 *
 * The dumper streams CPython's ast.dump(indent=2) layout without building strings:
 * whether a node prints on one line depends only on how many fields it prints and
 * whether they are "simple" (scalars, empty lists, field-less nodes), which is
 * known from the tree itself.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parser/ast.h"
#include "parser/parse.h"
#include "gc/heap.h"   /* for heap_alloc(): arena blocks */
#include "runtime/unicode.h"   /* for unicode_lookup_name(): \N{...} escapes */

/* ==== arena ====================================================================== */

struct ArenaBlock {
  ArenaBlock *prev;
  size_t size;          /* whole block, header included */
};

#define ARENA_BLOCK 16384
#define ARENA_ALIGN 16

Arena *ast_arena_new(VM *vm) {
  Arena *a = heap_alloc(vm, sizeof *a);
  if (!a) return NULL;
  memset(a, 0, sizeof *a);
  a->vm = vm;
  return a;
}

void ast_arena_free(Arena *a) {
  if (!a) return;
  ArenaBlock *b = a->head;
  while (b) {
    ArenaBlock *prev = b->prev;
    heap_free(a->vm, b, b->size);
    b = prev;
  }
  heap_free(a->vm, a, sizeof *a);
}

void *ast_alloc(Arena *a, size_t n) {
  n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  if (n == 0) n = ARENA_ALIGN;
  if ((size_t)(a->limit - a->next) < n || !a->next) {
    size_t hdr = (sizeof(ArenaBlock) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    size_t size = hdr + n > ARENA_BLOCK ? hdr + n : ARENA_BLOCK;
    ArenaBlock *b = heap_alloc(a->vm, size);
    if (!b) {
      a->failed = 1;
      return NULL;
    }
    b->size = size;
    b->prev = a->head;
    a->head = b;
    a->next = (char *)b + hdr;
    a->limit = (char *)b + size;
  }
  void *r = a->next;
  a->next += n;
  memset(r, 0, n);
  return r;
}

char *ast_strndup(Arena *a, const char *s, size_t n) {
  char *r = ast_alloc(a, n + 1);
  if (!r) return NULL;
  memcpy(r, s, n);
  r[n] = 0;
  return r;
}

/* ==== helpers ==================================================================== */

/* Builders private to the parser. */
struct IfChain {        /* if/elif clauses, built left to right */
  int count, cap;
  struct { int tok; Expr *test; StmtSeq *body; } *items;
};
struct Params {
  Arguments *a;
  int saw_default;      /* a positional parameter with default was seen */
  int saw_star;         /* '*' or '*name' seen */
  int saw_kwarg;
  int saw_slash;
  int bare_star_tok;    /* index of a bare '*' still waiting for a named arg, or -1 */
};
struct CallArgs {
  ExprSeq args;
  KeywordSeq keywords;
  int saw_keyword, saw_dstar;
  Expr *genexp;         /* an unparenthesised generator argument */
  int trailing_comma;
};
struct DictItems {
  ExprSeq keys, values;
};

static void *alloc(Parser *p, size_t n) {
  void *r = ast_alloc(p->arena, n);
  if (!r && !p->failed) {
    p->failed = 1;
    p->err->type = "MemoryError";
    snprintf(p->err->msg, sizeof p->err->msg, "out of memory");
  }
  return r;
}

/* Append x to a typed sequence, doubling its array in the arena. */
#define SEQ_PUSH(p, seq, x)                                                     \
  do {                                                                          \
    if ((seq)->count == (seq)->cap) {                                           \
      int nc_ = (seq)->cap ? (seq)->cap * 2 : 4;                                \
      void *ni_ = alloc((p), (size_t)nc_ * sizeof *(seq)->items);               \
      if (!ni_) break;                                                          \
      if ((seq)->count) memcpy(ni_, (seq)->items, (size_t)(seq)->count * sizeof *(seq)->items); \
      (seq)->items = ni_;                                                       \
      (seq)->cap = nc_;                                                         \
    }                                                                           \
    (seq)->items[(seq)->count++] = (x);                                         \
  } while (0)

static Loc tloc(Parser *p, int t) {
  Token *k = &p->toks[t];
  return (Loc){k->lineno, k->col, k->end_lineno, k->end_col};
}
static Loc span(Loc a, Loc b) {
  return (Loc){a.lineno, a.col_offset, b.end_lineno, b.end_col_offset};
}
static char *tok_text(Parser *p, int t) {
  return ast_strndup(p->arena, p->toks[t].start, (size_t)p->toks[t].len);
}

static Expr *new_expr(Parser *p, ExprKind k, Loc loc) {
  Expr *e = alloc(p, sizeof *e);
  if (!e) return NULL;
  e->kind = k;
  e->loc = loc;
  return e;
}
static Stmt *new_stmt(Parser *p, StmtKind k, Loc loc) {
  Stmt *s = alloc(p, sizeof *s);
  if (!s) return NULL;
  s->kind = k;
  s->loc = loc;
  return s;
}

static StmtSeq sseq(StmtSeq *s) { return s ? *s : (StmtSeq){0}; }
static ExprSeq eseq(ExprSeq *s) { return s ? *s : (ExprSeq){0}; }

/* End of a statement block: its last statement. */
static Loc body_end(StmtSeq *b, Loc fallback) {
  return b && b->count ? b->items[b->count - 1]->loc : fallback;
}

/* ==== module roots and sequences ================================================ */

void ast_set_module(Parser *p, StmtSeq *body) {
  if (p->failed) return;
  Mod *m = alloc(p, sizeof *m);
  if (!m) return;
  m->kind = MOD_MODULE;
  m->v.Module.body = sseq(body);
  p->result = m;
}

void ast_set_interactive(Parser *p, StmtSeq *body) {
  if (p->failed) return;
  Mod *m = alloc(p, sizeof *m);
  if (!m) return;
  m->kind = MOD_INTERACTIVE;
  m->v.Interactive.body = sseq(body);
  p->result = m;
}

void ast_set_expression(Parser *p, Expr *body) {
  if (p->failed) return;
  p->fresult = body;
  Mod *m = alloc(p, sizeof *m);
  if (!m) return;
  m->kind = MOD_EXPRESSION;
  m->v.Expression.body = body;
  p->result = m;
}

StmtSeq *ast_stmts_push(Parser *p, StmtSeq *seq, Stmt *s) {
  if (p->failed) return NULL;
  if (!seq && !(seq = alloc(p, sizeof *seq))) return NULL;
  SEQ_PUSH(p, seq, s);
  return seq;
}

StmtSeq *ast_stmts_extend(Parser *p, StmtSeq *seq, StmtSeq *more) {
  if (p->failed || !seq || !more) return NULL;
  for (int i = 0; i < more->count; i++) SEQ_PUSH(p, seq, more->items[i]);
  return seq;
}

ExprSeq *ast_exprs_push(Parser *p, ExprSeq *seq, Expr *e) {
  if (p->failed) return NULL;
  if (!seq && !(seq = alloc(p, sizeof *seq))) return NULL;
  SEQ_PUSH(p, seq, e);
  return seq;
}

IdentSeq *ast_names_push(Parser *p, IdentSeq *seq, int t) {
  if (p->failed) return NULL;
  if (!seq && !(seq = alloc(p, sizeof *seq))) return NULL;
  SEQ_PUSH(p, seq, tok_text(p, t));
  p->toks[t].flags = 0;
  return seq;
}

AliasSeq *ast_aliases_push(Parser *p, AliasSeq *seq, Alias *a) {
  if (p->failed) return NULL;
  if (!seq && !(seq = alloc(p, sizeof *seq))) return NULL;
  SEQ_PUSH(p, seq, a);
  return seq;
}

ExceptHandlerSeq *ast_handlers_push(Parser *p, ExceptHandlerSeq *seq, ExceptHandler *h) {
  if (p->failed) return NULL;
  if (!seq && !(seq = alloc(p, sizeof *seq))) return NULL;
  SEQ_PUSH(p, seq, h);
  return seq;
}

WithItemSeq *ast_withitems_push(Parser *p, WithItemSeq *seq, WithItem *w) {
  if (p->failed) return NULL;
  if (!seq && !(seq = alloc(p, sizeof *seq))) return NULL;
  SEQ_PUSH(p, seq, w);
  return seq;
}

/* ==== targets ==================================================================== */

/* _PyPegen_get_expr_name */
static const char *expr_name(const Expr *e) {
  switch (e->kind) {
  case EXPR_ATTRIBUTE: return "attribute";
  case EXPR_SUBSCRIPT: return "subscript";
  case EXPR_STARRED: return "starred";
  case EXPR_NAME: return "name";
  case EXPR_LIST: return "list";
  case EXPR_TUPLE: return "tuple";
  case EXPR_LAMBDA: return "lambda";
  case EXPR_CALL: return "function call";
  case EXPR_BOOLOP: case EXPR_BINOP: case EXPR_UNARYOP: return "expression";
  case EXPR_GENERATOREXP: return "generator expression";
  case EXPR_YIELD: case EXPR_YIELDFROM: return "yield expression";
  case EXPR_LISTCOMP: return "list comprehension";
  case EXPR_SETCOMP: return "set comprehension";
  case EXPR_DICTCOMP: return "dict comprehension";
  case EXPR_DICT: return "dict literal";
  case EXPR_SET: return "set display";
  case EXPR_JOINEDSTR: case EXPR_FORMATTEDVALUE: return "f-string expression";
  case EXPR_CONSTANT:
    switch (e->v.Constant.value.kind) {
    case CONST_NONE: return "None";
    case CONST_TRUE: return "True";
    case CONST_FALSE: return "False";
    case CONST_ELLIPSIS: return "ellipsis";
    default: return "literal";
    }
  case EXPR_COMPARE: return "comparison";
  case EXPR_IFEXP: return "conditional expression";
  case EXPR_NAMEDEXPR: return "named expression";
  case EXPR_SLICE: return "slice";
  }
  return "expression";
}

enum { T_STAR, T_DEL, T_FOR };

/* _PyPegen_get_invalid_target */
static Expr *invalid_target(Expr *e, int type) {
  if (!e) return NULL;
  switch (e->kind) {
  case EXPR_LIST: case EXPR_TUPLE: {
    ExprSeq *s = e->kind == EXPR_LIST ? &e->v.List.elts : &e->v.Tuple.elts;
    for (int i = 0; i < s->count; i++) {
      Expr *c = invalid_target(s->items[i], type);
      if (c) return c;
    }
    return NULL;
  }
  case EXPR_STARRED:
    if (type == T_DEL) return e;
    return invalid_target(e->v.Starred.value, type);
  case EXPR_COMPARE:
    if (type == T_FOR) {
      if (e->v.Compare.ops.items[0] == AST_IN) return invalid_target(e->v.Compare.left, type);
      return NULL;
    }
    return e;
  case EXPR_NAME: case EXPR_SUBSCRIPT: case EXPR_ATTRIBUTE:
    return NULL;
  default:
    return e;
  }
}

/* Set ctx on a valid target tree. */
static void set_ctx(Expr *e, ExprContext ctx) {
  switch (e->kind) {
  case EXPR_NAME: e->v.Name.ctx = ctx; break;
  case EXPR_ATTRIBUTE: e->v.Attribute.ctx = ctx; break;
  case EXPR_SUBSCRIPT: e->v.Subscript.ctx = ctx; break;
  case EXPR_STARRED: e->v.Starred.ctx = ctx; set_ctx(e->v.Starred.value, ctx); break;
  case EXPR_LIST:
    e->v.List.ctx = ctx;
    for (int i = 0; i < e->v.List.elts.count; i++) set_ctx(e->v.List.elts.items[i], ctx);
    break;
  case EXPR_TUPLE:
    e->v.Tuple.ctx = ctx;
    for (int i = 0; i < e->v.Tuple.elts.count; i++) set_ctx(e->v.Tuple.elts.items[i], ctx);
    break;
  default: break;
  }
}

/* Turn e into a target of the given type, or record CPython's error. 0 on error. */
static int make_target(Parser *p, Expr *e, int type) {
  if (p->failed || !e) return 0;
  Expr *bad = invalid_target(e, type);
  if (bad) {
    parse_error_loc(p, bad->loc, type == T_DEL ? "cannot delete %s" : "cannot assign to %s",
                    expr_name(bad));
    return 0;
  }
  set_ctx(e, type == T_DEL ? AST_DEL : AST_STORE);
  return 1;
}

/* ==== statements ================================================================= */

Stmt *ast_expr_stmt(Parser *p, Expr *e) {
  if (p->failed) return NULL;
  Stmt *s = new_stmt(p, STMT_EXPR, e->loc);
  if (s) s->v.Expr.value = e;
  return s;
}

Stmt *ast_simple(Parser *p, StmtKind kind, int tok) {
  if (p->failed) return NULL;
  return new_stmt(p, kind, tloc(p, tok));
}

Stmt *ast_delete(Parser *p, int del_tok, ExprSeq *targets, int comma_tok) {
  if (p->failed) return NULL;
  for (int i = 0; i < targets->count; i++)
    if (!make_target(p, targets->items[i], T_DEL)) return NULL;
  Loc end = comma_tok ? tloc(p, comma_tok) : targets->items[targets->count - 1]->loc;
  Stmt *s = new_stmt(p, STMT_DELETE, span(tloc(p, del_tok), end));
  if (s) s->v.Delete.targets = *targets;
  return s;
}

Stmt *ast_return(Parser *p, int tok, Expr *value) {
  if (p->failed) return NULL;
  Stmt *s = new_stmt(p, STMT_RETURN, span(tloc(p, tok), value ? value->loc : tloc(p, tok)));
  if (s) s->v.Return.value = value;
  return s;
}

Stmt *ast_raise(Parser *p, int tok, Expr *exc, Expr *cause) {
  if (p->failed) return NULL;
  Loc end = cause ? cause->loc : exc ? exc->loc : tloc(p, tok);
  Stmt *s = new_stmt(p, STMT_RAISE, span(tloc(p, tok), end));
  if (s) s->v.Raise.exc = exc, s->v.Raise.cause = cause;
  return s;
}

Stmt *ast_global(Parser *p, StmtKind kind, int tok, IdentSeq *names) {
  if (p->failed) return NULL;
  /* the names are the tokens after tok, separated by commas */
  Stmt *s = new_stmt(p, kind, span(tloc(p, tok), tloc(p, tok + 2 * names->count - 1)));
  if (!s) return NULL;
  if (kind == STMT_GLOBAL) s->v.Global.names = *names;
  else s->v.Nonlocal.names = *names;
  return s;
}

Stmt *ast_assert(Parser *p, int tok, Expr *test, Expr *msg) {
  if (p->failed) return NULL;
  Stmt *s = new_stmt(p, STMT_ASSERT, span(tloc(p, tok), (msg ? msg : test)->loc));
  if (s) s->v.Assert.test = test, s->v.Assert.msg = msg;
  return s;
}

Stmt *ast_augassign(Parser *p, Expr *target, int op, Expr *value) {
  if (p->failed) return NULL;
  if (target->kind != EXPR_NAME && target->kind != EXPR_ATTRIBUTE &&
      target->kind != EXPR_SUBSCRIPT) {
    parse_error_loc(p, target->loc, "'%s' is an illegal expression for augmented assignment",
                    expr_name(target));
    return NULL;
  }
  set_ctx(target, AST_STORE);
  Stmt *s = new_stmt(p, STMT_AUGASSIGN, span(target->loc, value->loc));
  if (s) s->v.AugAssign.target = target, s->v.AugAssign.op = op, s->v.AugAssign.value = value;
  return s;
}

Stmt *ast_annassign(Parser *p, Expr *target, Expr *annotation, Expr *value) {
  if (p->failed) return NULL;
  if (target->kind == EXPR_TUPLE || target->kind == EXPR_LIST) {
    Expr *first = target->kind == EXPR_TUPLE && !target->parenthesized && target->v.Tuple.elts.count
                      ? target->v.Tuple.elts.items[0] : target;
    parse_error_loc(p, first->loc, "only single target (not %s) can be annotated",
                    target->kind == EXPR_TUPLE ? "tuple" : "list");
    return NULL;
  }
  if (target->kind != EXPR_NAME && target->kind != EXPR_ATTRIBUTE &&
      target->kind != EXPR_SUBSCRIPT) {
    parse_error_loc(p, target->loc, "illegal target for annotation");
    return NULL;
  }
  set_ctx(target, AST_STORE);
  Stmt *s = new_stmt(p, STMT_ANNASSIGN, span(target->loc, (value ? value : annotation)->loc));
  if (!s) return NULL;
  s->v.AnnAssign.target = target;
  s->v.AnnAssign.annotation = annotation;
  s->v.AnnAssign.value = value;
  s->v.AnnAssign.simple = target->kind == EXPR_NAME && !target->parenthesized;
  return s;
}

ExprSeq *ast_assign_target(Parser *p, ExprSeq *targets, Expr *e, int eq_tok) {
  if (p->failed) return NULL;
  (void)eq_tok;
  return ast_exprs_push(p, targets, e);
}

/* The bitwise_or-level kinds CPython's invalid_named_expression accepts as `a` in
   "cannot assign to %s here. Maybe you meant '==' instead of '='?". */
static int bitwise_or_level(const Expr *e) {
  if (e->parenthesized) return 1;
  switch (e->kind) {
  case EXPR_BOOLOP: case EXPR_COMPARE: case EXPR_IFEXP: case EXPR_LAMBDA:
  case EXPR_NAMEDEXPR: case EXPR_STARRED: case EXPR_YIELD: case EXPR_YIELDFROM:
    return 0;
  case EXPR_UNARYOP: return e->v.UnaryOp.op != AST_NOT;
  case EXPR_TUPLE: return 0;
  default: return 1;
  }
}

Stmt *ast_assign(Parser *p, ExprSeq *targets, Expr *value) {
  if (p->failed) return NULL;
  for (int i = 0; i < targets->count; i++) {
    Expr *t = targets->items[i];
    if (t->kind == EXPR_YIELD || t->kind == EXPR_YIELDFROM) {
      parse_error_loc(p, t->loc, "assignment to yield expression not possible");
      return NULL;
    }
    Expr *bad = invalid_target(t, T_STAR);
    if (bad) {
      /* invalid_named_expression fires first for `a = b` with a single `=` */
      int simple = targets->count == 1 && bitwise_or_level(t) && bitwise_or_level(value) &&
                   t->kind != EXPR_LIST && t->kind != EXPR_GENERATOREXP &&
                   !(t->kind == EXPR_TUPLE) &&
                   !(t->kind == EXPR_CONSTANT && !t->parenthesized &&
                     (t->v.Constant.value.kind == CONST_TRUE || t->v.Constant.value.kind == CONST_FALSE ||
                      t->v.Constant.value.kind == CONST_NONE));
      if (simple)
        parse_error_loc(p, bad->loc, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                        expr_name(bad));
      else
        parse_error_loc(p, bad->loc, "cannot assign to %s", expr_name(bad));
      return NULL;
    }
  }
  for (int i = 0; i < targets->count; i++) set_ctx(targets->items[i], AST_STORE);
  Stmt *s = new_stmt(p, STMT_ASSIGN, span(targets->items[0]->loc, value->loc));
  if (s) s->v.Assign.targets = *targets, s->v.Assign.value = value;
  return s;
}

Stmt *ast_import(Parser *p, int tok, AliasSeq *names) {
  if (p->failed) return NULL;
  Stmt *s = new_stmt(p, STMT_IMPORT, span(tloc(p, tok), names->items[names->count - 1]->loc));
  if (s) s->v.Import.names = *names;
  return s;
}

Stmt *ast_import_from(Parser *p, int tok, int level, Token *module, AliasSeq *names) {
  if (p->failed) return NULL;
  /* the statement ends at its last token: the last alias, ')' or '*' */
  Loc end = names->items[names->count - 1]->loc;
  int last = p->ntoks - 1;
  while (last > tok && (p->toks[last].kind == LEX_NEWLINE || p->toks[last].kind == LEX_SEMI ||
                        p->toks[last].kind == LEX_ENDMARKER || p->toks[last].kind == LEX_DEDENT ||
                        p->toks[last].kind == LEX_INDENT))
    last--;
  if (p->toks[last].kind == LEX_RPAR || p->toks[last].kind == LEX_COMMA) end = tloc(p, last);
  Stmt *s = new_stmt(p, STMT_IMPORTFROM, span(tloc(p, tok), end));
  if (!s) return NULL;
  s->v.ImportFrom.module = module ? ast_strndup(p->arena, module->start, (size_t)module->len) : NULL;
  s->v.ImportFrom.names = *names;
  s->v.ImportFrom.level = level;
  return s;
}

AliasSeq *ast_alias_star(Parser *p, int star_tok) {
  if (p->failed) return NULL;
  Alias *a = alloc(p, sizeof *a);
  if (!a) return NULL;
  a->name = "*";
  a->loc = tloc(p, star_tok);
  return ast_aliases_push(p, NULL, a);
}

AliasSeq *ast_import_close(Parser *p, AliasSeq *names, int rpar_tok) {
  (void)rpar_tok;
  return p->failed ? NULL : names;
}

void ast_import_trailing_comma(Parser *p, int comma_tok) {
  if (p->failed) return;
  Loc l = tloc(p, comma_tok);   /* CPython points at the token after the comma */
  l.lineno = l.end_lineno;
  l.col_offset = l.end_col_offset;
  parse_error_loc(p, l, "trailing comma not allowed without surrounding parentheses");
}

/* A dotted name is kept as a pseudo-token spanning its text (the buffer holds the
   name contiguously only without spaces, so the text is rebuilt here). */
Token *ast_dotted_name(Parser *p, Token *prefix, int name_tok) {
  if (p->failed) return NULL;
  Token *n = &p->toks[name_tok];
  Token *t = alloc(p, sizeof *t);
  if (!t) return NULL;
  if (!prefix) {
    *t = *n;
    return t;
  }
  size_t len = (size_t)prefix->len + 1 + (size_t)n->len;
  char *s = alloc(p, len + 1);
  if (!s) return NULL;
  memcpy(s, prefix->start, (size_t)prefix->len);
  s[prefix->len] = '.';
  memcpy(s + prefix->len + 1, n->start, (size_t)n->len);
  *t = *prefix;
  t->start = s;
  t->len = (int)len;
  t->end_lineno = n->end_lineno;
  t->end_col = n->end_col;
  return t;
}

Alias *ast_alias(Parser *p, Token *dotted, int as_tok) {
  if (p->failed) return NULL;
  Alias *a = alloc(p, sizeof *a);
  if (!a) return NULL;
  a->name = ast_strndup(p->arena, dotted->start, (size_t)dotted->len);
  a->loc = (Loc){dotted->lineno, dotted->col, dotted->end_lineno, dotted->end_col};
  if (as_tok) {
    a->asname = tok_text(p, as_tok);
    a->loc = span(a->loc, tloc(p, as_tok));
  }
  return a;
}

Alias *ast_alias_name(Parser *p, int name_tok, int as_tok) {
  if (p->failed) return NULL;
  return ast_alias(p, &p->toks[name_tok], as_tok);
}

Stmt *ast_decorate(Parser *p, ExprSeq *decorators, Stmt *def) {
  if (p->failed) return NULL;
  if (def->kind == STMT_FUNCTIONDEF) def->v.FunctionDef.decorator_list = *decorators;
  else def->v.ClassDef.decorator_list = *decorators;
  return def;
}

IfChain *ast_if_chain(Parser *p, IfChain *c, int tok, Expr *test, StmtSeq *body) {
  if (p->failed) return NULL;
  if (!c && !(c = alloc(p, sizeof *c))) return NULL;
  if (c->count == c->cap) {
    int nc = c->cap ? c->cap * 2 : 4;
    void *ni = alloc(p, (size_t)nc * sizeof *c->items);
    if (!ni) return NULL;
    if (c->count) memcpy(ni, c->items, (size_t)c->count * sizeof *c->items);
    c->items = ni;
    c->cap = nc;
  }
  c->items[c->count].tok = tok;
  c->items[c->count].test = test;
  c->items[c->count].body = body;
  c->count++;
  return c;
}

Stmt *ast_if(Parser *p, IfChain *c, StmtSeq *orelse) {
  if (p->failed) return NULL;
  Stmt *s = NULL;
  StmtSeq *tail = orelse;
  for (int i = c->count - 1; i >= 0; i--) {
    Loc end = tail && tail->count ? body_end(tail, (Loc){0}) : body_end(c->items[i].body, (Loc){0});
    s = new_stmt(p, STMT_IF, span(tloc(p, c->items[i].tok), end));
    if (!s) return NULL;
    s->v.If.test = c->items[i].test;
    s->v.If.body = sseq(c->items[i].body);
    s->v.If.orelse = sseq(tail);
    if (i > 0 && !(tail = ast_stmts_push(p, NULL, s))) return NULL;
  }
  return s;
}

Stmt *ast_while(Parser *p, int tok, Expr *test, StmtSeq *body, StmtSeq *orelse) {
  if (p->failed) return NULL;
  Stmt *s = new_stmt(p, STMT_WHILE, span(tloc(p, tok), body_end(orelse ? orelse : body, test->loc)));
  if (s) s->v.While.test = test, s->v.While.body = sseq(body), s->v.While.orelse = sseq(orelse);
  return s;
}

Stmt *ast_for(Parser *p, int tok, Expr *target, Expr *iter, StmtSeq *body, StmtSeq *orelse) {
  if (p->failed) return NULL;
  if (!make_target(p, target, T_FOR)) return NULL;
  Stmt *s = new_stmt(p, STMT_FOR, span(tloc(p, tok), body_end(orelse ? orelse : body, iter->loc)));
  if (!s) return NULL;
  s->v.For.target = target;
  s->v.For.iter = iter;
  s->v.For.body = sseq(body);
  s->v.For.orelse = sseq(orelse);
  return s;
}

Stmt *ast_try(Parser *p, int tok, StmtSeq *body, ExceptHandlerSeq *handlers,
              StmtSeq *orelse, StmtSeq *finalbody) {
  if (p->failed) return NULL;
  Loc end = finalbody ? body_end(finalbody, (Loc){0})
          : orelse ? body_end(orelse, (Loc){0})
          : handlers ? handlers->items[handlers->count - 1]->loc : body_end(body, (Loc){0});
  Stmt *s = new_stmt(p, STMT_TRY, span(tloc(p, tok), end));
  if (!s) return NULL;
  s->v.Try.body = sseq(body);
  s->v.Try.handlers = handlers ? *handlers : (ExceptHandlerSeq){0};
  s->v.Try.orelse = sseq(orelse);
  s->v.Try.finalbody = sseq(finalbody);
  return s;
}

ExceptHandler *ast_handler(Parser *p, int tok, Expr *type, int name_tok, StmtSeq *body) {
  if (p->failed) return NULL;
  ExceptHandler *h = alloc(p, sizeof *h);
  if (!h) return NULL;
  h->type = type;
  h->name = name_tok ? tok_text(p, name_tok) : NULL;
  h->body = sseq(body);
  h->loc = span(tloc(p, tok), body_end(body, tloc(p, tok)));
  return h;
}

Stmt *ast_with(Parser *p, int tok, WithItemSeq *items, StmtSeq *body) {
  if (p->failed) return NULL;
  /* `with (a, b):` is two items in 3.11 (the parenthesised form is tried first) */
  if (items->count == 1 && !items->items[0]->optional_vars) {
    Expr *e = items->items[0]->context_expr;
    if (e->kind == EXPR_TUPLE && e->parenthesized && e->v.Tuple.elts.count) {
      int ok = 1;
      for (int i = 0; i < e->v.Tuple.elts.count; i++)
        if (e->v.Tuple.elts.items[i]->kind == EXPR_STARRED) ok = 0;
      if (ok) {
        WithItemSeq *n = NULL;
        for (int i = 0; i < e->v.Tuple.elts.count; i++)
          n = ast_withitems_push(p, n, ast_withitem(p, e->v.Tuple.elts.items[i], NULL));
        if (!n) return NULL;
        items = n;
      }
    }
  }
  Stmt *s = new_stmt(p, STMT_WITH, span(tloc(p, tok), body_end(body, tloc(p, tok))));
  if (s) s->v.With.items = *items, s->v.With.body = sseq(body);
  return s;
}

WithItem *ast_withitem(Parser *p, Expr *ctx, Expr *vars) {
  if (p->failed) return NULL;
  if (vars && !make_target(p, vars, T_STAR)) return NULL;
  WithItem *w = alloc(p, sizeof *w);
  if (w) w->context_expr = ctx, w->optional_vars = vars;
  return w;
}

WithItemSeq *ast_wp_add(Parser *p, WithItemSeq *seq, Expr *ctx, Expr *vars) {
  return ast_withitems_push(p, seq, ast_withitem(p, ctx, vars));
}

WithItemSeq *ast_withitems_from(Parser *p, ExprSeq *plain, Expr *ctx, Expr *vars) {
  if (p->failed) return NULL;
  WithItemSeq *seq = NULL;
  for (int i = 0; i < plain->count; i++)
    if (!(seq = ast_withitems_push(p, seq, ast_withitem(p, plain->items[i], NULL)))) return NULL;
  return ast_wp_add(p, seq, ctx, vars);
}

static Arguments *empty_arguments(Parser *p) { return alloc(p, sizeof(Arguments)); }

Stmt *ast_funcdef(Parser *p, int tok, int name_tok, Params *params, Expr *returns,
                  StmtSeq *body) {
  if (p->failed) return NULL;
  if (params && params->bare_star_tok >= 0) {
    parse_error_loc(p, tloc(p, params->bare_star_tok), "named arguments must follow bare *");
    return NULL;
  }
  Stmt *s = new_stmt(p, STMT_FUNCTIONDEF, span(tloc(p, tok), body_end(body, tloc(p, tok))));
  if (!s) return NULL;
  s->v.FunctionDef.name = tok_text(p, name_tok);
  s->v.FunctionDef.args = params ? params->a : empty_arguments(p);
  s->v.FunctionDef.body = sseq(body);
  s->v.FunctionDef.returns = returns;
  return s;
}

Stmt *ast_classdef(Parser *p, int tok, int name_tok, CallArgs *args, StmtSeq *body) {
  if (p->failed) return NULL;
  if (args && args->genexp) {
    /* CPython's grammar has no generator argument here: it fails at the `for` */
    int d = 0, i = tok;
    for (; i < p->ntoks; i++) {
      int k = p->toks[i].kind;
      d += (k == LEX_LPAR || k == LEX_LSQB || k == LEX_LBRACE) - (k == LEX_RPAR || k == LEX_RSQB || k == LEX_RBRACE);
      if (d == 1 && k == LEX_KW_FOR) break;
    }
    parse_error_loc(p, i < p->ntoks ? tloc(p, i) : args->genexp->loc, "invalid syntax");
    return NULL;
  }
  Stmt *s = new_stmt(p, STMT_CLASSDEF, span(tloc(p, tok), body_end(body, tloc(p, tok))));
  if (!s) return NULL;
  s->v.ClassDef.name = tok_text(p, name_tok);
  if (args) s->v.ClassDef.bases = args->args, s->v.ClassDef.keywords = args->keywords;
  s->v.ClassDef.body = sseq(body);
  return s;
}

/* ---- parameters ---- */

static int arg_exists(Arguments *a, const char *name) {
  ArgSeq *seqs[3] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
  for (int k = 0; k < 3; k++)
    for (int i = 0; i < seqs[k]->count; i++)
      if (!strcmp(seqs[k]->items[i]->arg, name)) return 1;
  return (a->vararg && !strcmp(a->vararg->arg, name)) || (a->kwarg && !strcmp(a->kwarg->arg, name));
}

Params *ast_params_add(Parser *p, Params *ps, int kind, int tok, Expr *annotation, Expr *def) {
  if (p->failed) return NULL;
  if (!ps) {
    if (!(ps = alloc(p, sizeof *ps)) || !(ps->a = empty_arguments(p))) return NULL;
    ps->bare_star_tok = -1;
    if (kind == PARAM_SLASH) {
      parse_error_loc(p, tloc(p, tok), "at least one argument must precede /");
      return NULL;
    }
  }
  Arguments *a = ps->a;
  if (ps->saw_kwarg) {
    parse_error_loc(p, tloc(p, tok), "arguments cannot follow var-keyword argument");
    return NULL;
  }
  Arg *arg = NULL;
  if (kind == PARAM_NAME || kind == PARAM_VARARG || kind == PARAM_KWARG) {
    if (!(arg = alloc(p, sizeof *arg))) return NULL;
    arg->arg = tok_text(p, tok);
    arg->annotation = annotation;
    arg->loc = annotation ? span(tloc(p, tok), annotation->loc) : tloc(p, tok);
    if (arg_exists(a, arg->arg)) {
      parse_error_loc(p, tloc(p, tok), "duplicate argument '%s' in function definition", arg->arg);
      return NULL;
    }
  }
  switch (kind) {
  case PARAM_NAME:
    ps->bare_star_tok = -1;
    if (ps->saw_star) {
      SEQ_PUSH(p, &a->kwonlyargs, arg);
      SEQ_PUSH(p, &a->kw_defaults, def);
    } else {
      if (!def && ps->saw_default) {
        parse_error_loc(p, arg->loc, "non-default argument follows default argument");
        return NULL;
      }
      if (def) {
        ps->saw_default = 1;
        SEQ_PUSH(p, &a->defaults, def);
      }
      SEQ_PUSH(p, &a->args, arg);
    }
    break;
  case PARAM_STAR: case PARAM_VARARG:
    if (ps->saw_star) {
      parse_error_loc(p, tloc(p, kind == PARAM_STAR ? tok : tok - 1), "* argument may appear only once");
      return NULL;
    }
    ps->saw_star = 1;
    if (kind == PARAM_VARARG) a->vararg = arg;
    else ps->bare_star_tok = tok;
    break;
  case PARAM_KWARG:
    if (ps->bare_star_tok >= 0) {
      parse_error_loc(p, tloc(p, ps->bare_star_tok), "named arguments must follow bare *");
      return NULL;
    }
    ps->saw_kwarg = 1;
    a->kwarg = arg;
    break;
  case PARAM_SLASH:
    if (ps->saw_slash) {
      parse_error_loc(p, tloc(p, tok), "/ may appear only once");
      return NULL;
    }
    if (ps->saw_star) {
      parse_error_loc(p, tloc(p, tok), "/ must be ahead of *");
      return NULL;
    }
    ps->saw_slash = 1;
    a->posonlyargs = a->args;
    a->args = (ArgSeq){0};
    break;
  }
  return ps;
}

Params *ast_params_bad_default(Parser *p, Params *ps, int kind, int name_tok, int eq_tok,
                               Expr *def) {
  if (p->failed) return NULL;
  (void)ps; (void)name_tok; (void)def;
  parse_error_loc(p, tloc(p, eq_tok), kind == PARAM_VARARG
                                         ? "var-positional argument cannot have default value"
                                         : "var-keyword argument cannot have default value");
  return NULL;
}

/* ==== expressions ================================================================ */

Expr *ast_tuple_or_single(Parser *p, ExprSeq *elts) {
  if (p->failed) return NULL;
  if (elts->count == 1) return elts->items[0];
  Expr *e = new_expr(p, EXPR_TUPLE, span(elts->items[0]->loc, elts->items[elts->count - 1]->loc));
  if (e) e->v.Tuple.elts = *elts, e->v.Tuple.ctx = AST_LOAD;
  return e;
}

Expr *ast_tuple_trailing(Parser *p, ExprSeq *elts, int comma_tok) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_TUPLE, span(elts->items[0]->loc, tloc(p, comma_tok)));
  if (e) e->v.Tuple.elts = *elts, e->v.Tuple.ctx = AST_LOAD;
  return e;
}

Expr *ast_yield(Parser *p, int tok, Expr *value) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_YIELD, span(tloc(p, tok), value ? value->loc : tloc(p, tok)));
  if (e) e->v.Yield.value = value;
  return e;
}

Expr *ast_yield_from(Parser *p, int tok, Expr *value) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_YIELDFROM, span(tloc(p, tok), value->loc));
  if (e) e->v.YieldFrom.value = value;
  return e;
}

Expr *ast_namedexpr(Parser *p, Expr *target, Expr *value) {
  if (p->failed) return NULL;
  if (target->kind != EXPR_NAME) {
    parse_error_loc(p, target->loc, "cannot use assignment expressions with %s", expr_name(target));
    return NULL;
  }
  target->v.Name.ctx = AST_STORE;
  Expr *e = new_expr(p, EXPR_NAMEDEXPR, span(target->loc, value->loc));
  if (e) e->v.NamedExpr.target = target, e->v.NamedExpr.value = value;
  return e;
}

Expr *ast_ifexp(Parser *p, Expr *test, Expr *body, Expr *orelse) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_IFEXP, span(body->loc, orelse->loc));
  if (e) e->v.IfExp.test = test, e->v.IfExp.body = body, e->v.IfExp.orelse = orelse;
  return e;
}

Expr *ast_lambda(Parser *p, int tok, Params *params, Expr *body) {
  if (p->failed) return NULL;
  if (params && params->bare_star_tok >= 0) {
    parse_error_loc(p, tloc(p, params->bare_star_tok), "named arguments must follow bare *");
    return NULL;
  }
  Expr *e = new_expr(p, EXPR_LAMBDA, span(tloc(p, tok), body->loc));
  if (!e) return NULL;
  e->v.Lambda.args = params ? params->a : empty_arguments(p);
  e->v.Lambda.body = body;
  return e;
}

Expr *ast_boolop(Parser *p, AstBoolOp op, Expr *left, Expr *right) {
  if (p->failed) return NULL;
  if (left->kind == EXPR_BOOLOP && left->v.BoolOp.op == op && !left->parenthesized) {
    SEQ_PUSH(p, &left->v.BoolOp.values, right);
    left->end_lineno = right->end_lineno;
    left->end_col_offset = right->end_col_offset;
    return left;
  }
  Expr *e = new_expr(p, EXPR_BOOLOP, span(left->loc, right->loc));
  if (!e) return NULL;
  e->v.BoolOp.op = op;
  SEQ_PUSH(p, &e->v.BoolOp.values, left);
  SEQ_PUSH(p, &e->v.BoolOp.values, right);
  return e;
}

Expr *ast_unaryop(Parser *p, int tok, AstUnaryOp op, Expr *operand) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_UNARYOP, span(tloc(p, tok), operand->loc));
  if (e) e->v.UnaryOp.op = op, e->v.UnaryOp.operand = operand;
  return e;
}

Expr *ast_compare(Parser *p, Expr *left, int op, Expr *right) {
  if (p->failed) return NULL;
  Expr *e = left;
  if (!(left->kind == EXPR_COMPARE && !left->parenthesized)) {
    if (!(e = new_expr(p, EXPR_COMPARE, left->loc))) return NULL;
    e->v.Compare.left = left;
  }
  SEQ_PUSH(p, &e->v.Compare.ops, (AstCmpOp)op);
  SEQ_PUSH(p, &e->v.Compare.comparators, right);
  e->end_lineno = right->end_lineno;
  e->end_col_offset = right->end_col_offset;
  return e;
}

Expr *ast_starred(Parser *p, int tok, Expr *value) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_STARRED, span(tloc(p, tok), value->loc));
  if (e) e->v.Starred.value = value, e->v.Starred.ctx = AST_LOAD;
  return e;
}

Expr *ast_binop(Parser *p, Expr *left, AstOperator op, Expr *right) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_BINOP, span(left->loc, right->loc));
  if (e) e->v.BinOp.left = left, e->v.BinOp.op = op, e->v.BinOp.right = right;
  return e;
}

/* Index of the '(' matching the ')' at index r. */
static int matching_open(Parser *p, int r) {
  int depth = 0;
  for (int i = r; i >= 0; i--) {
    int k = p->toks[i].kind;
    if (k == LEX_RPAR || k == LEX_RSQB || k == LEX_RBRACE) depth++;
    else if (k == LEX_LPAR || k == LEX_LSQB || k == LEX_LBRACE) {
      if (--depth == 0) return i;
    }
  }
  return r;
}

Expr *ast_call(Parser *p, Expr *func, CallArgs *args, int rpar_tok) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_CALL, span(func->loc, tloc(p, rpar_tok)));
  if (!e) return NULL;
  e->v.Call.func = func;
  if (args) {
    if (args->genexp) {
      Expr *g = args->genexp;
      if (args->args.count + args->keywords.count > 1 || args->trailing_comma) {
        Comprehension *last = g->v.GeneratorExp.generators.items[g->v.GeneratorExp.generators.count - 1];
        Loc end = last->ifs.count ? last->ifs.items[last->ifs.count - 1]->loc : last->iter->loc;
        parse_error_loc(p, span(g->v.GeneratorExp.elt->loc, end),
                        "Generator expression must be parenthesized");
        return NULL;
      }
      g->loc = span(tloc(p, matching_open(p, rpar_tok)), tloc(p, rpar_tok));
    }
    e->v.Call.args = args->args;
    e->v.Call.keywords = args->keywords;
  }
  return e;
}

Expr *ast_subscript(Parser *p, Expr *value, Expr *slice, int rsqb_tok) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_SUBSCRIPT, span(value->loc, tloc(p, rsqb_tok)));
  if (!e) return NULL;
  e->v.Subscript.value = value;
  e->v.Subscript.slice = slice;
  e->v.Subscript.ctx = AST_LOAD;
  /* `a[*b]` is a tuple in 3.11 */
  if (slice->kind == EXPR_STARRED) {
    Expr *t = new_expr(p, EXPR_TUPLE, slice->loc);
    if (!t) return NULL;
    SEQ_PUSH(p, &t->v.Tuple.elts, slice);
    t->v.Tuple.ctx = AST_LOAD;
    e->v.Subscript.slice = t;
  }
  return e;
}

Expr *ast_attribute(Parser *p, Expr *value, int name_tok) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_ATTRIBUTE, span(value->loc, tloc(p, name_tok)));
  if (e) {
    e->v.Attribute.value = value;
    e->v.Attribute.attr = tok_text(p, name_tok);
    e->v.Attribute.ctx = AST_LOAD;
  }
  return e;
}

Expr *ast_paren(Parser *p, int lpar, ExprSeq *elts, int rpar) {
  if (p->failed) return NULL;
  if (elts && elts->count == 1) {
    Expr *e = elts->items[0];
    if (e->kind == EXPR_STARRED) {
      parse_error_loc(p, e->loc, "cannot use starred expression here");
      return NULL;
    }
    e->parenthesized = 1;
    return e;
  }
  return ast_paren_tuple(p, lpar, elts, rpar);
}

Expr *ast_paren_yield(Parser *p, int lpar, Expr *e, int rpar) {
  if (p->failed) return NULL;
  (void)lpar; (void)rpar;
  e->parenthesized = 1;
  return e;
}

Expr *ast_paren_tuple(Parser *p, int lpar, ExprSeq *elts, int rpar) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_TUPLE, span(tloc(p, lpar), tloc(p, rpar)));
  if (!e) return NULL;
  e->v.Tuple.elts = eseq(elts);
  e->v.Tuple.ctx = AST_LOAD;
  e->parenthesized = 1;
  return e;
}

Expr *ast_genexp(Parser *p, int lpar, Expr *elt, ComprehensionSeq *gens, int rpar) {
  if (p->failed) return NULL;
  if (elt->kind == EXPR_STARRED) {
    parse_error_loc(p, elt->loc, "iterable unpacking cannot be used in comprehension");
    return NULL;
  }
  Expr *e = new_expr(p, EXPR_GENERATOREXP, span(tloc(p, lpar), tloc(p, rpar)));
  if (e) e->v.GeneratorExp.elt = elt, e->v.GeneratorExp.generators = *gens;
  return e;
}

Expr *ast_list(Parser *p, int lsqb, ExprSeq *elts, int rsqb) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_LIST, span(tloc(p, lsqb), tloc(p, rsqb)));
  if (e) e->v.List.elts = eseq(elts), e->v.List.ctx = AST_LOAD;
  return e;
}

Expr *ast_listcomp(Parser *p, int lsqb, Expr *elt, ComprehensionSeq *gens, int rsqb) {
  if (p->failed) return NULL;
  if (elt->kind == EXPR_STARRED) {
    parse_error_loc(p, elt->loc, "iterable unpacking cannot be used in comprehension");
    return NULL;
  }
  Expr *e = new_expr(p, EXPR_LISTCOMP, span(tloc(p, lsqb), tloc(p, rsqb)));
  if (e) e->v.ListComp.elt = elt, e->v.ListComp.generators = *gens;
  return e;
}

Expr *ast_dict(Parser *p, int lbrace, DictItems *items, int rbrace) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_DICT, span(tloc(p, lbrace), tloc(p, rbrace)));
  if (e && items) e->v.Dict.keys = items->keys, e->v.Dict.values = items->values;
  return e;
}

Expr *ast_dictcomp(Parser *p, int lbrace, Expr *key, Expr *value, ComprehensionSeq *gens,
                   int rbrace) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_DICTCOMP, span(tloc(p, lbrace), tloc(p, rbrace)));
  if (e) e->v.DictComp.key = key, e->v.DictComp.value = value, e->v.DictComp.generators = *gens;
  return e;
}

Expr *ast_set(Parser *p, int lbrace, ExprSeq *elts, int rbrace) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_SET, span(tloc(p, lbrace), tloc(p, rbrace)));
  if (e) e->v.Set.elts = *elts;
  return e;
}

Expr *ast_setcomp(Parser *p, int lbrace, Expr *elt, ComprehensionSeq *gens, int rbrace) {
  if (p->failed) return NULL;
  if (elt->kind == EXPR_STARRED) {
    parse_error_loc(p, elt->loc, "iterable unpacking cannot be used in comprehension");
    return NULL;
  }
  Expr *e = new_expr(p, EXPR_SETCOMP, span(tloc(p, lbrace), tloc(p, rbrace)));
  if (e) e->v.SetComp.elt = elt, e->v.SetComp.generators = *gens;
  return e;
}

Expr *ast_name(Parser *p, int tok) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_NAME, tloc(p, tok));
  if (e) e->v.Name.id = tok_text(p, tok), e->v.Name.ctx = AST_LOAD;
  return e;
}

Expr *ast_keyword_const(Parser *p, int tok, AstConstKind kind) {
  if (p->failed) return NULL;
  Expr *e = new_expr(p, EXPR_CONSTANT, tloc(p, tok));
  if (e) e->v.Constant.value.kind = kind;
  return e;
}

Expr *ast_number(Parser *p, int tok) {
  if (p->failed) return NULL;
  Token *t = &p->toks[tok];
  Expr *e = new_expr(p, EXPR_CONSTANT, tloc(p, tok));
  if (!e) return NULL;
  char *clean = alloc(p, (size_t)t->len + 1);
  if (!clean) return NULL;
  int n = 0;
  for (int i = 0; i < t->len; i++)
    if (t->start[i] != '_') clean[n++] = t->start[i];
  clean[n] = 0;
  AstConst *c = &e->v.Constant.value;
  char last = clean[n - 1];
  int base = 10;
  if (n > 1 && clean[0] == '0' && strchr("xXoObB", clean[1]))
    base = (clean[1] | 32) == 'x' ? 16 : (clean[1] | 32) == 'o' ? 8 : 2;
  if (base == 10 && (last == 'j' || last == 'J')) {
    clean[n - 1] = 0;
    c->kind = CONST_COMPLEX;
    c->v.f = strtod(clean, NULL);
  } else if (base == 10 && strpbrk(clean, ".eE")) {
    c->kind = CONST_FLOAT;
    c->v.f = strtod(clean, NULL);
  } else {
    char *d = base == 10 ? clean : clean + 2;
    while (*d == '0' && d[1]) d++;
    for (char *q = d; *q; q++)
      if (*q >= 'A' && *q <= 'F') *q = (char)(*q | 32);
    c->kind = CONST_INT;
    c->v.i.digits = d;
    c->v.i.base = base;
  }
  return e;
}

DictItems *ast_dict_add(Parser *p, DictItems *items, Expr *key, Expr *value) {
  if (p->failed) return NULL;
  if (!items && !(items = alloc(p, sizeof *items))) return NULL;
  SEQ_PUSH(p, &items->keys, key);
  SEQ_PUSH(p, &items->values, value);
  return items;
}

ComprehensionSeq *ast_comp_for(Parser *p, ComprehensionSeq *gens, Expr *target, Expr *iter) {
  if (p->failed) return NULL;
  if (!make_target(p, target, T_FOR)) return NULL;
  if (!gens && !(gens = alloc(p, sizeof *gens))) return NULL;
  Comprehension *c = alloc(p, sizeof *c);
  if (!c) return NULL;
  c->target = target;
  c->iter = iter;
  SEQ_PUSH(p, gens, c);
  return gens;
}

ComprehensionSeq *ast_comp_if(Parser *p, ComprehensionSeq *gens, Expr *cond) {
  if (p->failed) return NULL;
  SEQ_PUSH(p, &gens->items[gens->count - 1]->ifs, cond);
  return gens;
}

/* ---- call arguments ---- */

CallArgs *ast_args_add(Parser *p, CallArgs *a, int kind, Expr *value, Expr *name, int tok) {
  if (p->failed) return NULL;
  if (!a && !(a = alloc(p, sizeof *a))) return NULL;
  if (a->genexp) {
    Expr *g = a->genexp;
    Comprehension *last = g->v.GeneratorExp.generators.items[g->v.GeneratorExp.generators.count - 1];
    Loc end = last->ifs.count ? last->ifs.items[last->ifs.count - 1]->loc : last->iter->loc;
    parse_error_loc(p, span(g->v.GeneratorExp.elt->loc, end), "Generator expression must be parenthesized");
    return NULL;
  }
  switch (kind) {
  case ARG_POS:
    if (a->saw_keyword || a->saw_dstar) {
      /* CPython: RAISE_SYNTAX_ERROR at the last token read, the one after the argument */
      parse_error_loc(p, tloc(p, p->ntoks - 1), a->saw_dstar ? "positional argument follows keyword argument unpacking"
                                                             : "positional argument follows keyword argument");
      return NULL;
    }
    SEQ_PUSH(p, &a->args, value);
    break;
  case ARG_STAR:
    if (a->saw_dstar) {
      Loc star = value->loc;   /* CPython underlines the '*' only */
      star.end_lineno = star.lineno;
      star.end_col_offset = star.col_offset + 1;
      parse_error_loc(p, star, "iterable argument unpacking follows keyword argument unpacking");
      return NULL;
    }
    SEQ_PUSH(p, &a->args, value);
    break;
  case ARG_KEYWORD: case ARG_DOUBLESTAR: {
    Keyword *k = alloc(p, sizeof *k);
    if (!k) return NULL;
    if (kind == ARG_KEYWORD) {
      if (name->kind != EXPR_NAME || name->parenthesized) {
        Loc l = span(name->loc, tloc(p, tok));
        if (name->kind == EXPR_CONSTANT && !name->parenthesized &&
            (name->v.Constant.value.kind == CONST_TRUE || name->v.Constant.value.kind == CONST_FALSE ||
             name->v.Constant.value.kind == CONST_NONE))
          parse_error_loc(p, l, "cannot assign to %s", expr_name(name));
        else
          parse_error_loc(p, l, "expression cannot contain assignment, perhaps you meant \"==\"?");
        return NULL;
      }
      k->arg = name->v.Name.id;
      k->loc = span(name->loc, value->loc);
      a->saw_keyword = 1;
    } else {
      k->loc = span(tloc(p, tok), value->loc);
      a->saw_dstar = 1;
    }
    k->value = value;
    SEQ_PUSH(p, &a->keywords, k);
    break;
  }
  }
  return a;
}

CallArgs *ast_args_named(Parser *p, CallArgs *a, Expr *target, Expr *value) {
  return ast_args_add(p, a, ARG_POS, ast_namedexpr(p, target, value), NULL, 0);
}

CallArgs *ast_args_star(Parser *p, CallArgs *a, int star_tok, Expr *value) {
  return ast_args_add(p, a, ARG_STAR, ast_starred(p, star_tok, value), NULL, 0);
}

CallArgs *ast_args_genexp(Parser *p, CallArgs *a, Expr *elt, ComprehensionSeq *gens) {
  if (p->failed) return NULL;
  Comprehension *last = gens->items[gens->count - 1];
  Loc end = last->ifs.count ? last->ifs.items[last->ifs.count - 1]->loc : last->iter->loc;
  if (a && (a->args.count || a->keywords.count)) {
    parse_error_loc(p, span(elt->loc, end), "Generator expression must be parenthesized");
    return NULL;
  }
  Expr *g = new_expr(p, EXPR_GENERATOREXP, span(elt->loc, end));
  if (!g) return NULL;
  g->v.GeneratorExp.elt = elt;
  g->v.GeneratorExp.generators = *gens;
  if (!(a = ast_args_add(p, a, ARG_POS, g, NULL, 0))) return NULL;
  a->genexp = g;
  return a;
}

void ast_args_trailing_comma(Parser *p, CallArgs *a, int comma_tok) {
  (void)comma_tok;
  if (!p->failed && a) a->trailing_comma = 1;
}

Expr *ast_slice(Parser *p, Expr *lower, int colon1, Expr *upper, int colon2, Expr *step) {
  if (p->failed) return NULL;
  Loc start = lower ? lower->loc : tloc(p, colon1);
  Loc end = step ? step->loc : colon2 ? tloc(p, colon2) : upper ? upper->loc : tloc(p, colon1);
  Expr *e = new_expr(p, EXPR_SLICE, span(start, end));
  if (e) e->v.Slice.lower = lower, e->v.Slice.upper = upper, e->v.Slice.step = step;
  return e;
}

/* ==== string literals ============================================================ */

/* A growable byte buffer in the arena. */
typedef struct SBuf { char *s; size_t n, cap; } SBuf;

static int sb_put(Parser *p, SBuf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 64;
    while (nc < b->n + n + 1) nc *= 2;
    char *ns = alloc(p, nc);
    if (!ns) return 0;
    if (b->n) memcpy(ns, b->s, b->n);
    b->s = ns;
    b->cap = nc;
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = 0;
  return 1;
}

static int put_utf8(Parser *p, SBuf *b, unsigned cp) {
  char u[4];
  int n;
  if (cp < 0x80) u[0] = (char)cp, n = 1;
  else if (cp < 0x800) u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
  else if (cp < 0x10000)
    u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
    u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
  else
    u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
  return sb_put(p, b, u, (size_t)n);
}

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Decode the escapes of s[0..n) (body of a non-raw literal) into b. loc is the
   token, for errors. Returns 0 on error (recorded). */
static int decode_escapes(Parser *p, SBuf *b, const char *s, size_t n, int bytes, Loc loc) {
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != '\\') j++;
    if (j > i && !sb_put(p, b, s + i, j - i)) return 0;
    if (j >= n) break;
    size_t esc = j;
    j++;   /* past the backslash */
    if (j >= n) {   /* an f-string chunk may end at a backslash before '{': kept as is */
      if (!sb_put(p, b, s + esc, 1)) return 0;
      break;
    }
    char c = s[j++];
    char ch;
    switch (c) {
    case '\n': break;
    case '\\': case '\'': case '"':
      ch = c; if (!sb_put(p, b, &ch, 1)) return 0; break;
    case 'a': ch = '\a'; if (!sb_put(p, b, &ch, 1)) return 0; break;
    case 'b': ch = '\b'; if (!sb_put(p, b, &ch, 1)) return 0; break;
    case 'f': ch = '\f'; if (!sb_put(p, b, &ch, 1)) return 0; break;
    case 'n': ch = '\n'; if (!sb_put(p, b, &ch, 1)) return 0; break;
    case 'r': ch = '\r'; if (!sb_put(p, b, &ch, 1)) return 0; break;
    case 't': ch = '\t'; if (!sb_put(p, b, &ch, 1)) return 0; break;
    case 'v': ch = '\v'; if (!sb_put(p, b, &ch, 1)) return 0; break;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      unsigned v = (unsigned)(c - '0');
      for (int k = 0; k < 2 && j < n && s[j] >= '0' && s[j] <= '7'; k++) v = v * 8 + (unsigned)(s[j++] - '0');
      if (bytes) {
        ch = (char)(v & 0xFF);
        if (!sb_put(p, b, &ch, 1)) return 0;
      } else if (!put_utf8(p, b, v)) return 0;
      break;
    }
    case 'x': case 'u': case 'U': {
      int want = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      if (bytes && c != 'x') goto keep;
      unsigned v = 0;
      int k = 0;
      for (; k < want && j < n && hexval((unsigned char)s[j]) >= 0; k++) v = v * 16 + (unsigned)hexval((unsigned char)s[j++]);
      if (k < want) {
        if (bytes)
          parse_error_loc(p, loc, "(value error) invalid \\x escape at position %zu", esc);
        else
          parse_error_loc(p, loc, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: truncated \\%s escape",
                          esc, j - 1, c == 'x' ? "xXX" : c == 'u' ? "uXXXX" : "UXXXXXXXX");
        return 0;
      }
      if (bytes) {
        ch = (char)v;
        if (!sb_put(p, b, &ch, 1)) return 0;
      } else {
        if (v > 0x10FFFF) {
          parse_error_loc(p, loc, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: illegal Unicode character",
                          esc, j - 1);
          return 0;
        }
        if (!put_utf8(p, b, v)) return 0;
      }
      break;
    }
    case 'N': {
      if (bytes) goto keep;
      /* CPython's rules: "\N{name}"; anything else is malformed, and the error
         spans from the backslash to where scanning stopped */
      const char *msg = "malformed \\N character escape";
      if (j < n && s[j] == '{') {
        size_t name = ++j;
        while (j < n && s[j] != '}') j++;
        if (j < n && j > name) {
          uint32_t cp;
          j++;
          if (unicode_lookup_name(s + name, j - 1 - name, &cp)) {
            if (!put_utf8(p, b, cp)) return 0;
            break;
          }
          msg = "unknown Unicode character name";
        }
      }
      parse_error_loc(p, loc, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                      esc, j - 1, msg);
      return 0;
    }
    default:
    keep:   /* invalid escape: CPython warns and keeps the backslash */
      if (!sb_put(p, b, s + esc, j - esc)) return 0;
      break;
    }
    i = j;
  }
  return 1;
}

/* Body of string token t (without prefix and quotes). */
static void str_body(const Token *t, const char **s, size_t *n) {
  const char *q = t->start;
  while (*q != '\'' && *q != '"') q++;
  int ql = (t->flags & LEX_STR_TRIPLE) ? 3 : 1;
  *s = q + ql;
  *n = (size_t)(t->start + t->len - ql - *s);
}

/* F-string assembly state: the parts so far and the pending literal. */
typedef struct FParts {
  ExprSeq values;
  SBuf lit;
  Loc loc;               /* every part gets the whole literal's location */
} FParts;

static int flush_lit(Parser *p, FParts *f) {
  if (!f->lit.n) return 1;
  Expr *c = new_expr(p, EXPR_CONSTANT, f->loc);
  if (!c) return 0;
  c->v.Constant.value.kind = CONST_STR;
  c->v.Constant.value.v.s.data = f->lit.s;
  c->v.Constant.value.v.s.len = f->lit.n;
  SEQ_PUSH(p, &f->values, c);
  f->lit = (SBuf){0};
  return 1;
}

static int fstring_parse(Parser *p, FParts *f, const Token *t, const char *s, const char *end,
                         int raw, int recurse);

/* CPython 3.11 reports f-string errors at the token after the literal. */
static Loc fpoint(Loc l) {
  return (Loc){l.end_lineno, l.end_col_offset, l.end_lineno, l.end_col_offset};
}

/* Position in the file of pointer q inside token t. */
static void tok_pos(const Token *t, const char *q, int *line, int *col) {
  int l = t->lineno, c = t->col;
  for (const char *r = t->start; r < q; r++) {
    if (*r == '\n') l++, c = 0;
    else c++;
  }
  *line = l;
  *col = c;
}

/* Parse one replacement field starting after '{' at s. Returns the position after
   its closing '}', or NULL on error. */
static const char *fstring_field(Parser *p, FParts *f, const Token *t, const char *s,
                                 const char *end, int raw, int recurse) {
  const char *expr_start = s;
  int depth = 0;
  char stack[200];
  char quote = 0;
  int quote_len = 0;
  const char *q = s;
  for (; q < end; q++) {
    char c = *q;
    if (quote) {
      if (c == quote && (quote_len == 1 || (q + 2 < end && q[1] == quote && q[2] == quote))) {
        q += quote_len - 1;
        quote = 0;
      }
      continue;
    }
    if (c == '\\') {
      parse_error_loc(p, fpoint(f->loc), "f-string expression part cannot include a backslash");
      return NULL;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      quote_len = (q + 2 < end && q[1] == c && q[2] == c) ? 3 : 1;
      q += quote_len - 1;
      continue;
    }
    if (c == '[' || c == '(' || c == '{') {
      if (depth >= 200) {
        parse_error_loc(p, fpoint(f->loc), "f-string: too many nested parenthesis");
        return NULL;
      }
      stack[depth++] = c;
      continue;
    }
    if (c == '#') {
      parse_error_loc(p, fpoint(f->loc), "f-string expression part cannot include '#'");
      return NULL;
    }
    if (depth == 0 && (c == '!' || c == ':' || c == '}' || c == '=' || c == '<' || c == '>')) {
      if (c == '!' && q + 1 < end && q[1] == '=') { q++; continue; }
      if (c == '=' && q + 1 < end && q[1] == '=') { q++; continue; }
      if ((c == '<' || c == '>') ) { if (q + 1 < end && q[1] == '=') q++; continue; }
      if (c == '=' && q > expr_start && strchr("=!<>", q[-1])) continue;
      break;
    }
    if (c == ']' || c == ')' || c == '}') {
      if (!depth) {
        parse_error_loc(p, fpoint(f->loc), "f-string: unmatched '%c'", c);
        return NULL;
      }
      char o = stack[--depth];
      if ((o == '(' && c != ')') || (o == '[' && c != ']') || (o == '{' && c != '}')) {
        parse_error_loc(p, fpoint(f->loc), "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
        return NULL;
      }
    }
  }
  if (quote) {
    parse_error_loc(p, fpoint(f->loc), "f-string: unterminated string");
    return NULL;
  }
  if (q >= end) {
    parse_error_loc(p, fpoint(f->loc), depth ? "f-string: unmatched '%c'" : "f-string: expecting '}'", depth ? stack[depth - 1] : '}');
    return NULL;
  }
  const char *expr_end = q;
  int blank = 1;
  for (const char *r = expr_start; r < expr_end; r++)
    if (!strchr(" \t\n\f\r", *r)) blank = 0;
  if (blank) {
    parse_error_loc(p, fpoint(f->loc), "f-string: empty expression not allowed");
    return NULL;
  }
  int line, col;
  tok_pos(t, expr_start - 1, &line, &col);
  Expr *value = parse_fstring_expr(p, expr_start, (size_t)(expr_end - expr_start), line, col);
  if (!value) return NULL;
  int conversion = -1;
  if (*q == '=') {
    /* debug form: the text (with the '=' and following spaces) becomes a literal */
    q++;
    while (q < end && (*q == ' ' || *q == '\t' || *q == '\n')) q++;
    if (!sb_put(p, &f->lit, expr_start, (size_t)(q - expr_start))) return NULL;
    if (q < end && *q != '!' && *q != ':') conversion = 'r';
    if (q < end && *q == ':') conversion = -1;
  }
  if (q < end && *q == '!') {
    q++;
    if (q >= end) {
      parse_error_loc(p, fpoint(f->loc), "f-string: expecting '}'");
      return NULL;
    }
    char c = *q++;
    if (c != 's' && c != 'r' && c != 'a') {
      parse_error_loc(p, fpoint(f->loc), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      return NULL;
    }
    conversion = c;
  }
  Expr *spec = NULL;
  if (q < end && *q == ':') {
    q++;
    if (recurse >= 2) {
      parse_error_loc(p, fpoint(f->loc), "f-string: expressions nested too deeply");
      return NULL;
    }
    FParts sf = {.loc = f->loc};
    const char *r = q;
    /* the spec runs to the matching '}' */
    int d = 0;
    for (; r < end; r++) {
      if (*r == '{') d++;
      else if (*r == '}') { if (!d) break; d--; }
    }
    if (r >= end) {
      parse_error_loc(p, fpoint(f->loc), "f-string: expecting '}'");
      return NULL;
    }
    if (!fstring_parse(p, &sf, t, q, r, raw, recurse + 1) || !flush_lit(p, &sf)) return NULL;
    if (!(spec = new_expr(p, EXPR_JOINEDSTR, f->loc))) return NULL;
    spec->v.JoinedStr.values = sf.values;
    q = r;
  }
  if (q >= end || *q != '}') {
    parse_error_loc(p, fpoint(f->loc), "f-string: expecting '}'");
    return NULL;
  }
  if (!flush_lit(p, f)) return NULL;
  Expr *fv = new_expr(p, EXPR_FORMATTEDVALUE, f->loc);
  if (!fv) return NULL;
  fv->v.FormattedValue.value = value;
  fv->v.FormattedValue.conversion = conversion;
  fv->v.FormattedValue.format_spec = spec;
  SEQ_PUSH(p, &f->values, fv);
  return q + 1;
}

/* End of the literal text starting at s: the next '{' or '}' that is not part of
   an escape (the braces of "\\N{name}" belong to the escape unless raw). */
static const char *literal_end(const char *s, const char *end, int raw) {
  const char *q = s;
  while (q < end && *q != '{' && *q != '}') {
    if (*q == '\\' && !raw && q + 1 < end) {
      if (q[1] == 'N' && q + 2 < end && q[2] == '{') {
        const char *close = memchr(q + 3, '}', (size_t)(end - q - 3));
        if (close) {
          q = close + 1;
          continue;
        }
      }
      q += q[1] == '\\' ? 2 : 1;   /* "\\\\N{" is a backslash, then a field */
      continue;
    }
    q++;
  }
  return q;
}

static int fstring_parse(Parser *p, FParts *f, const Token *t, const char *s, const char *end,
                         int raw, int recurse) {
  while (s < end) {
    const char *q = literal_end(s, end, raw);
    if (q > s) {
      if (raw) {
        if (!sb_put(p, &f->lit, s, (size_t)(q - s))) return 0;
      } else if (!decode_escapes(p, &f->lit, s, (size_t)(q - s), 0, f->loc)) {
        return 0;
      }
    }
    if (q >= end) break;
    if (*q == '}') {
      if (q + 1 < end && q[1] == '}' && !recurse) {
        if (!sb_put(p, &f->lit, "}", 1)) return 0;
        s = q + 2;
        continue;
      }
      parse_error_loc(p, fpoint(f->loc), "f-string: single '}' is not allowed");
      return 0;
    }
    if (q + 1 < end && q[1] == '{' && !recurse) {
      if (!sb_put(p, &f->lit, "{", 1)) return 0;
      s = q + 2;
      continue;
    }
    if (!(s = fstring_field(p, f, t, q + 1, end, raw, recurse))) return 0;
  }
  return 1;
}

Expr *ast_strings(Parser *p, int first) {
  if (p->failed) return NULL;
  int last = first;
  while (last + 1 < p->ntoks && p->toks[last + 1].kind == LEX_STRING) last++;
  Loc loc = span(tloc(p, first), tloc(p, last));
  int bytes = (p->toks[first].flags & LEX_STR_BYTES) != 0, fstr = 0;
  for (int i = first; i <= last; i++) {
    if (((p->toks[i].flags & LEX_STR_BYTES) != 0) != bytes) {
      parse_error_loc(p, fpoint(loc), "cannot mix bytes and nonbytes literals");
      return NULL;
    }
    if (p->toks[i].flags & LEX_STR_F) fstr = 1;
  }
  FParts f = {.loc = loc};
  for (int i = first; i <= last; i++) {
    const Token *t = &p->toks[i];
    const char *s;
    size_t n;
    str_body(t, &s, &n);
    int raw = (t->flags & LEX_STR_RAW) != 0;
    if (bytes) {
      for (size_t k = 0; k < n; k++)
        if ((unsigned char)s[k] >= 0x80) {
          parse_error_loc(p, tloc(p, i), "bytes can only contain ASCII literal characters");
          return NULL;
        }
    }
    if (t->flags & LEX_STR_F) {
      if (!fstring_parse(p, &f, t, s, s + n, raw, 0)) return NULL;
    } else if (raw) {
      if (!sb_put(p, &f.lit, s, n)) return NULL;
    } else if (!decode_escapes(p, &f.lit, s, n, bytes, tloc(p, i))) {
      return NULL;
    }
  }
  if (!fstr) {
    Expr *e = new_expr(p, EXPR_CONSTANT, loc);
    if (!e) return NULL;
    e->v.Constant.value.kind = bytes ? CONST_BYTES : CONST_STR;
    e->v.Constant.value.v.s.data = f.lit.s ? f.lit.s : "";
    e->v.Constant.value.v.s.len = f.lit.n;
    if (p->toks[first].flags & LEX_STR_U) e->v.Constant.kind = "u";
    return e;
  }
  if (!flush_lit(p, &f)) return NULL;
  Expr *e = new_expr(p, EXPR_JOINEDSTR, loc);
  if (e) e->v.JoinedStr.values = f.values;
  return e;
}

/* ==== names ====================================================================== */

const char *ast_operator_name(AstOperator op) {
  static const char *const n[] = {"?", "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                  "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
  return op >= 1 && op <= AST_FLOORDIV ? n[op] : "?";
}
const char *ast_unaryop_name(AstUnaryOp op) {
  static const char *const n[] = {"?", "Invert", "Not", "UAdd", "USub"};
  return op >= 1 && op <= AST_USUB ? n[op] : "?";
}
const char *ast_cmpop_name(AstCmpOp op) {
  static const char *const n[] = {"?", "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
  return op >= 1 && op <= AST_NOTIN ? n[op] : "?";
}
const char *ast_boolop_name(AstBoolOp op) { return op == AST_AND ? "And" : op == AST_OR ? "Or" : "?"; }
const char *ast_context_name(ExprContext c) {
  return c == AST_LOAD ? "Load" : c == AST_STORE ? "Store" : c == AST_DEL ? "Del" : "?";
}
const char *ast_stmt_kind_name(StmtKind k) {
  static const char *const n[] = {"?", "FunctionDef", "ClassDef", "Return", "Delete", "Assign",
                                  "AugAssign", "AnnAssign", "For", "While", "If", "With", "Raise",
                                  "Try", "Assert", "Import", "ImportFrom", "Global", "Nonlocal",
                                  "Expr", "Pass", "Break", "Continue"};
  return k >= 1 && k <= STMT_CONTINUE ? n[k] : "?";
}
const char *ast_expr_kind_name(ExprKind k) {
  static const char *const n[] = {"?", "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp",
                                  "Dict", "Set", "ListComp", "SetComp", "DictComp", "GeneratorExp",
                                  "Yield", "YieldFrom", "Compare", "Call", "FormattedValue",
                                  "JoinedStr", "Constant", "Attribute", "Subscript", "Starred",
                                  "Name", "List", "Tuple", "Slice"};
  return k >= 1 && k <= EXPR_SLICE ? n[k] : "?";
}

/* ==== dumper ===================================================================== */

typedef enum {
  F_EXPR, F_STMT_SEQ, F_EXPR_SEQ, F_EXPR_SEQ_NONE, F_ARG_SEQ, F_KW_SEQ, F_ALIAS_SEQ,
  F_WITH_SEQ, F_COMP_SEQ, F_HANDLER_SEQ, F_IDENT_SEQ, F_CMP_SEQ, F_IDENT, F_INT,
  F_CONST, F_OP, F_ARGUMENTS, F_ARG, F_EMPTY
} FieldType;

typedef struct Field {
  const char *name;
  FieldType type;
  const void *ptr;      /* node or sequence */
  long ival;
  const char *sval;     /* identifier / op name */
} Field;

/* A generic node view for the dumper. */
typedef struct View { const char *cls; int n; Field f[8]; } View;

static void add(View *v, const char *name, FieldType t, const void *ptr) {
  v->f[v->n++] = (Field){name, t, ptr, 0, NULL};
}
static void add_s(View *v, const char *name, FieldType t, const char *s) {
  v->f[v->n++] = (Field){name, t, NULL, 0, s};
}
static void add_i(View *v, const char *name, long i) {
  v->f[v->n++] = (Field){name, F_INT, NULL, i, NULL};
}

static void view_expr(const Expr *e, View *v);
static void view_stmt(const Stmt *s, View *v);

static void view_arguments(const Arguments *a, View *v) {
  v->cls = "arguments";
  add(v, "posonlyargs", F_ARG_SEQ, &a->posonlyargs);
  add(v, "args", F_ARG_SEQ, &a->args);
  add(v, "vararg", F_ARG, a->vararg);
  add(v, "kwonlyargs", F_ARG_SEQ, &a->kwonlyargs);
  add(v, "kw_defaults", F_EXPR_SEQ_NONE, &a->kw_defaults);
  add(v, "kwarg", F_ARG, a->kwarg);
  add(v, "defaults", F_EXPR_SEQ, &a->defaults);
}

static void view_stmt(const Stmt *s, View *v) {
  v->cls = ast_stmt_kind_name(s->kind);
  switch (s->kind) {
  case STMT_FUNCTIONDEF:
    add_s(v, "name", F_IDENT, s->v.FunctionDef.name);
    add(v, "args", F_ARGUMENTS, s->v.FunctionDef.args);
    add(v, "body", F_STMT_SEQ, &s->v.FunctionDef.body);
    add(v, "decorator_list", F_EXPR_SEQ, &s->v.FunctionDef.decorator_list);
    add(v, "returns", F_EXPR, s->v.FunctionDef.returns);
    break;
  case STMT_CLASSDEF:
    add_s(v, "name", F_IDENT, s->v.ClassDef.name);
    add(v, "bases", F_EXPR_SEQ, &s->v.ClassDef.bases);
    add(v, "keywords", F_KW_SEQ, &s->v.ClassDef.keywords);
    add(v, "body", F_STMT_SEQ, &s->v.ClassDef.body);
    add(v, "decorator_list", F_EXPR_SEQ, &s->v.ClassDef.decorator_list);
    break;
  case STMT_RETURN: add(v, "value", F_EXPR, s->v.Return.value); break;
  case STMT_DELETE: add(v, "targets", F_EXPR_SEQ, &s->v.Delete.targets); break;
  case STMT_ASSIGN:
    add(v, "targets", F_EXPR_SEQ, &s->v.Assign.targets);
    add(v, "value", F_EXPR, s->v.Assign.value);
    break;
  case STMT_AUGASSIGN:
    add(v, "target", F_EXPR, s->v.AugAssign.target);
    add_s(v, "op", F_OP, ast_operator_name(s->v.AugAssign.op));
    add(v, "value", F_EXPR, s->v.AugAssign.value);
    break;
  case STMT_ANNASSIGN:
    add(v, "target", F_EXPR, s->v.AnnAssign.target);
    add(v, "annotation", F_EXPR, s->v.AnnAssign.annotation);
    add(v, "value", F_EXPR, s->v.AnnAssign.value);
    add_i(v, "simple", s->v.AnnAssign.simple);
    break;
  case STMT_FOR:
    add(v, "target", F_EXPR, s->v.For.target);
    add(v, "iter", F_EXPR, s->v.For.iter);
    add(v, "body", F_STMT_SEQ, &s->v.For.body);
    add(v, "orelse", F_STMT_SEQ, &s->v.For.orelse);
    break;
  case STMT_WHILE:
    add(v, "test", F_EXPR, s->v.While.test);
    add(v, "body", F_STMT_SEQ, &s->v.While.body);
    add(v, "orelse", F_STMT_SEQ, &s->v.While.orelse);
    break;
  case STMT_IF:
    add(v, "test", F_EXPR, s->v.If.test);
    add(v, "body", F_STMT_SEQ, &s->v.If.body);
    add(v, "orelse", F_STMT_SEQ, &s->v.If.orelse);
    break;
  case STMT_WITH:
    add(v, "items", F_WITH_SEQ, &s->v.With.items);
    add(v, "body", F_STMT_SEQ, &s->v.With.body);
    break;
  case STMT_RAISE:
    add(v, "exc", F_EXPR, s->v.Raise.exc);
    add(v, "cause", F_EXPR, s->v.Raise.cause);
    break;
  case STMT_TRY:
    add(v, "body", F_STMT_SEQ, &s->v.Try.body);
    add(v, "handlers", F_HANDLER_SEQ, &s->v.Try.handlers);
    add(v, "orelse", F_STMT_SEQ, &s->v.Try.orelse);
    add(v, "finalbody", F_STMT_SEQ, &s->v.Try.finalbody);
    break;
  case STMT_ASSERT:
    add(v, "test", F_EXPR, s->v.Assert.test);
    add(v, "msg", F_EXPR, s->v.Assert.msg);
    break;
  case STMT_IMPORT: add(v, "names", F_ALIAS_SEQ, &s->v.Import.names); break;
  case STMT_IMPORTFROM:
    add_s(v, "module", F_IDENT, s->v.ImportFrom.module);
    add(v, "names", F_ALIAS_SEQ, &s->v.ImportFrom.names);
    add_i(v, "level", s->v.ImportFrom.level);
    break;
  case STMT_GLOBAL: add(v, "names", F_IDENT_SEQ, &s->v.Global.names); break;
  case STMT_NONLOCAL: add(v, "names", F_IDENT_SEQ, &s->v.Nonlocal.names); break;
  case STMT_EXPR: add(v, "value", F_EXPR, s->v.Expr.value); break;
  case STMT_PASS: case STMT_BREAK: case STMT_CONTINUE: break;
  }
}

static void view_expr(const Expr *e, View *v) {
  v->cls = ast_expr_kind_name(e->kind);
  switch (e->kind) {
  case EXPR_BOOLOP:
    add_s(v, "op", F_OP, ast_boolop_name(e->v.BoolOp.op));
    add(v, "values", F_EXPR_SEQ, &e->v.BoolOp.values);
    break;
  case EXPR_NAMEDEXPR:
    add(v, "target", F_EXPR, e->v.NamedExpr.target);
    add(v, "value", F_EXPR, e->v.NamedExpr.value);
    break;
  case EXPR_BINOP:
    add(v, "left", F_EXPR, e->v.BinOp.left);
    add_s(v, "op", F_OP, ast_operator_name(e->v.BinOp.op));
    add(v, "right", F_EXPR, e->v.BinOp.right);
    break;
  case EXPR_UNARYOP:
    add_s(v, "op", F_OP, ast_unaryop_name(e->v.UnaryOp.op));
    add(v, "operand", F_EXPR, e->v.UnaryOp.operand);
    break;
  case EXPR_LAMBDA:
    add(v, "args", F_ARGUMENTS, e->v.Lambda.args);
    add(v, "body", F_EXPR, e->v.Lambda.body);
    break;
  case EXPR_IFEXP:
    add(v, "test", F_EXPR, e->v.IfExp.test);
    add(v, "body", F_EXPR, e->v.IfExp.body);
    add(v, "orelse", F_EXPR, e->v.IfExp.orelse);
    break;
  case EXPR_DICT:
    add(v, "keys", F_EXPR_SEQ_NONE, &e->v.Dict.keys);
    add(v, "values", F_EXPR_SEQ, &e->v.Dict.values);
    break;
  case EXPR_SET: add(v, "elts", F_EXPR_SEQ, &e->v.Set.elts); break;
  case EXPR_LISTCOMP:
    add(v, "elt", F_EXPR, e->v.ListComp.elt);
    add(v, "generators", F_COMP_SEQ, &e->v.ListComp.generators);
    break;
  case EXPR_SETCOMP:
    add(v, "elt", F_EXPR, e->v.SetComp.elt);
    add(v, "generators", F_COMP_SEQ, &e->v.SetComp.generators);
    break;
  case EXPR_DICTCOMP:
    add(v, "key", F_EXPR, e->v.DictComp.key);
    add(v, "value", F_EXPR, e->v.DictComp.value);
    add(v, "generators", F_COMP_SEQ, &e->v.DictComp.generators);
    break;
  case EXPR_GENERATOREXP:
    add(v, "elt", F_EXPR, e->v.GeneratorExp.elt);
    add(v, "generators", F_COMP_SEQ, &e->v.GeneratorExp.generators);
    break;
  case EXPR_YIELD: add(v, "value", F_EXPR, e->v.Yield.value); break;
  case EXPR_YIELDFROM: add(v, "value", F_EXPR, e->v.YieldFrom.value); break;
  case EXPR_COMPARE:
    add(v, "left", F_EXPR, e->v.Compare.left);
    add(v, "ops", F_CMP_SEQ, &e->v.Compare.ops);
    add(v, "comparators", F_EXPR_SEQ, &e->v.Compare.comparators);
    break;
  case EXPR_CALL:
    add(v, "func", F_EXPR, e->v.Call.func);
    add(v, "args", F_EXPR_SEQ, &e->v.Call.args);
    add(v, "keywords", F_KW_SEQ, &e->v.Call.keywords);
    break;
  case EXPR_FORMATTEDVALUE:
    add(v, "value", F_EXPR, e->v.FormattedValue.value);
    add_i(v, "conversion", e->v.FormattedValue.conversion);
    add(v, "format_spec", F_EXPR, e->v.FormattedValue.format_spec);
    break;
  case EXPR_JOINEDSTR: add(v, "values", F_EXPR_SEQ, &e->v.JoinedStr.values); break;
  case EXPR_CONSTANT:
    add(v, "value", F_CONST, &e->v.Constant.value);
    if (e->v.Constant.kind) add_s(v, "kind", F_IDENT, e->v.Constant.kind);
    break;
  case EXPR_ATTRIBUTE:
    add(v, "value", F_EXPR, e->v.Attribute.value);
    add_s(v, "attr", F_IDENT, e->v.Attribute.attr);
    add_s(v, "ctx", F_OP, ast_context_name(e->v.Attribute.ctx));
    break;
  case EXPR_SUBSCRIPT:
    add(v, "value", F_EXPR, e->v.Subscript.value);
    add(v, "slice", F_EXPR, e->v.Subscript.slice);
    add_s(v, "ctx", F_OP, ast_context_name(e->v.Subscript.ctx));
    break;
  case EXPR_STARRED:
    add(v, "value", F_EXPR, e->v.Starred.value);
    add_s(v, "ctx", F_OP, ast_context_name(e->v.Starred.ctx));
    break;
  case EXPR_NAME:
    add_s(v, "id", F_IDENT, e->v.Name.id);
    add_s(v, "ctx", F_OP, ast_context_name(e->v.Name.ctx));
    break;
  case EXPR_LIST:
    add(v, "elts", F_EXPR_SEQ, &e->v.List.elts);
    add_s(v, "ctx", F_OP, ast_context_name(e->v.List.ctx));
    break;
  case EXPR_TUPLE:
    add(v, "elts", F_EXPR_SEQ, &e->v.Tuple.elts);
    add_s(v, "ctx", F_OP, ast_context_name(e->v.Tuple.ctx));
    break;
  case EXPR_SLICE:
    add(v, "lower", F_EXPR, e->v.Slice.lower);
    add(v, "upper", F_EXPR, e->v.Slice.upper);
    add(v, "step", F_EXPR, e->v.Slice.step);
    break;
  }
}

/* Kinds of the small nodes sharing the dumper with Stmt and Expr. */
typedef enum { N_STMT, N_EXPR, N_ARGUMENTS, N_ARG, N_KEYWORD, N_ALIAS, N_WITH, N_COMP,
               N_HANDLER } NodeKind;

static void view_node(NodeKind k, const void *n, View *v) {
  v->n = 0;
  switch (k) {
  case N_STMT: view_stmt(n, v); break;
  case N_EXPR: view_expr(n, v); break;
  case N_ARGUMENTS: view_arguments(n, v); break;
  case N_ARG: {
    const Arg *a = n;
    v->cls = "arg";
    add_s(v, "arg", F_IDENT, a->arg);
    add(v, "annotation", F_EXPR, a->annotation);
    break;
  }
  case N_KEYWORD: {
    const Keyword *kw = n;
    v->cls = "keyword";
    add_s(v, "arg", F_IDENT, kw->arg);
    add(v, "value", F_EXPR, kw->value);
    break;
  }
  case N_ALIAS: {
    const Alias *a = n;
    v->cls = "alias";
    add_s(v, "name", F_IDENT, a->name);
    add_s(v, "asname", F_IDENT, a->asname);
    break;
  }
  case N_WITH: {
    const WithItem *w = n;
    v->cls = "withitem";
    add(v, "context_expr", F_EXPR, w->context_expr);
    add(v, "optional_vars", F_EXPR, w->optional_vars);
    break;
  }
  case N_COMP: {
    const Comprehension *c = n;
    v->cls = "comprehension";
    add(v, "target", F_EXPR, c->target);
    add(v, "iter", F_EXPR, c->iter);
    add(v, "ifs", F_EXPR_SEQ, &c->ifs);
    add_i(v, "is_async", c->is_async);
    break;
  }
  case N_HANDLER: {
    const ExceptHandler *h = n;
    v->cls = "ExceptHandler";
    add(v, "type", F_EXPR, h->type);
    add_s(v, "name", F_IDENT, h->name);
    add(v, "body", F_STMT_SEQ, &h->body);
    break;
  }
  }
}

/* Printed (non-omitted) fields: optional fields that are NULL are left out. */
static int printed(const Field *f) {
  switch (f->type) {
  case F_EXPR: case F_ARG: return f->ptr != NULL;
  case F_IDENT: return f->sval != NULL;
  default: return 1;
  }
}

static int seq_count(const Field *f) {
  switch (f->type) {
  case F_STMT_SEQ: return ((const StmtSeq *)f->ptr)->count;
  case F_EXPR_SEQ: case F_EXPR_SEQ_NONE: return ((const ExprSeq *)f->ptr)->count;
  case F_ARG_SEQ: return ((const ArgSeq *)f->ptr)->count;
  case F_KW_SEQ: return ((const KeywordSeq *)f->ptr)->count;
  case F_ALIAS_SEQ: return ((const AliasSeq *)f->ptr)->count;
  case F_WITH_SEQ: return ((const WithItemSeq *)f->ptr)->count;
  case F_COMP_SEQ: return ((const ComprehensionSeq *)f->ptr)->count;
  case F_HANDLER_SEQ: return ((const ExceptHandlerSeq *)f->ptr)->count;
  case F_IDENT_SEQ: return ((const IdentSeq *)f->ptr)->count;
  case F_CMP_SEQ: return ((const CmpOpSeq *)f->ptr)->count;
  case F_EMPTY: return 0;
  default: return -1;
  }
}

/* A node is "simple" in ast.dump's sense when it prints no field at all. */
static int node_simple(NodeKind k, const void *n) {
  View v;
  view_node(k, n, &v);
  for (int i = 0; i < v.n; i++)
    if (printed(&v.f[i])) return 0;
  return 1;
}

static int field_simple(const Field *f) {
  int c = seq_count(f);
  if (c >= 0) return c == 0;
  switch (f->type) {
  case F_EXPR: return node_simple(N_EXPR, f->ptr);
  case F_ARG: return node_simple(N_ARG, f->ptr);
  case F_ARGUMENTS: return node_simple(N_ARGUMENTS, f->ptr);
  default: return 1;
  }
}

static void indent(FILE *out, int level) {
  fputc('\n', out);
  for (int i = 0; i < level; i++) fputs("  ", out);
}

/* Python's repr() of a str or bytes value. */
static void repr_str(FILE *out, const char *s, size_t n, int bytes) {
  int has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
  char q = has_sq && !has_dq ? '"' : '\'';
  if (bytes) fputc('b', out);
  fputc(q, out);
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c == q || c == '\\') fprintf(out, "\\%c", c), i++;
    else if (c == '\n') fputs("\\n", out), i++;
    else if (c == '\r') fputs("\\r", out), i++;
    else if (c == '\t') fputs("\\t", out), i++;
    else if (c < 0x20 || c == 0x7f) fprintf(out, "\\x%02x", c), i++;
    else if (c < 0x80) fputc(c, out), i++;
    else if (bytes) fprintf(out, "\\x%02x", c), i++;
    else {
      int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      unsigned cp = c & (0x3F >> (len - 1));
      for (int k = 1; k < len && i + (size_t)k < n; k++) cp = (cp << 6) | ((unsigned char)s[i + (size_t)k] & 0x3F);
      int np = !(unicode_flags(cp) & UNICODE_PRINTABLE);   /* as str.__repr__ */
      if (!np) fwrite(s + i, 1, (size_t)len, out);
      else if (cp <= 0xFF) fprintf(out, "\\x%02x", cp);
      else if (cp <= 0xFFFF) fprintf(out, "\\u%04x", cp);
      else fprintf(out, "\\U%08x", cp);
      i += (size_t)len;
    }
  }
  fputc(q, out);
}

/* Python's repr() of a float ('r' format); imag adds the "j" and drops ".0". */
static void repr_float(FILE *out, double d, int imag) {
  if (isinf(d)) { fputs(imag ? "infj" : "inf", out); return; }
  if (isnan(d)) { fputs(imag ? "nanj" : "nan", out); return; }
  char buf[64];
  int prec;
  for (prec = 1; prec <= 17; prec++) {
    snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
    if (strtod(buf, NULL) == d) break;
  }
  /* buf = d.ddde[+-]XX: split into digits and exponent */
  char digits[32];
  int nd = 0;
  char *q = buf;
  if (*q == '-') q++;
  for (; *q && *q != 'e'; q++)
    if (*q != '.') digits[nd++] = *q;
  int exp = atoi(q + 1);
  while (nd > 1 && digits[nd - 1] == '0') nd--;
  digits[nd] = 0;
  if (d < 0) fputc('-', out);
  if (exp < -4 || exp >= 16) {
    fputc(digits[0], out);
    if (nd > 1) fprintf(out, ".%s", digits + 1);
    fprintf(out, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  } else if (exp < 0) {
    fputs("0.", out);
    for (int i = 0; i < -exp - 1; i++) fputc('0', out);
    fputs(digits, out);
  } else {
    for (int i = 0; i <= exp; i++) fputc(i < nd ? digits[i] : '0', out);
    if (nd > exp + 1) fprintf(out, ".%s", digits + exp + 1);
    else if (!imag) fputs(".0", out);
  }
  if (imag) fputc('j', out);
}

/* Decimal repr of an integer literal given in base 2/8/16. */
static void repr_int(FILE *out, const char *digits, int base) {
  if (base == 10) { fputs(digits, out); return; }
  size_t n = strlen(digits);
  /* little-endian base-10^9 limbs */
  uint32_t limbs[2048];
  size_t nl = 0;
  if (n > 4 * 2048) { fputs("0", out); return; }   /* beyond CPython's str limit anyway */
  for (size_t i = 0; i < n; i++) {
    uint64_t carry = (uint64_t)hexval((unsigned char)digits[i]);
    for (size_t k = 0; k < nl; k++) {
      uint64_t v = (uint64_t)limbs[k] * (uint64_t)base + carry;
      limbs[k] = (uint32_t)(v % 1000000000u);
      carry = v / 1000000000u;
    }
    while (carry && nl < 2048) limbs[nl++] = (uint32_t)(carry % 1000000000u), carry /= 1000000000u;
  }
  if (!nl) { fputc('0', out); return; }
  fprintf(out, "%u", limbs[nl - 1]);
  for (size_t k = nl - 1; k-- > 0;) fprintf(out, "%09u", limbs[k]);
}

static void repr_const(FILE *out, const AstConst *c) {
  switch (c->kind) {
  case CONST_NONE: fputs("None", out); break;
  case CONST_TRUE: fputs("True", out); break;
  case CONST_FALSE: fputs("False", out); break;
  case CONST_ELLIPSIS: fputs("Ellipsis", out); break;
  case CONST_INT: repr_int(out, c->v.i.digits, c->v.i.base); break;
  case CONST_FLOAT: repr_float(out, c->v.f, 0); break;
  case CONST_COMPLEX: repr_float(out, c->v.f, 1); break;
  case CONST_STR: repr_str(out, c->v.s.data, c->v.s.len, 0); break;
  case CONST_BYTES: repr_str(out, c->v.s.data, c->v.s.len, 1); break;
  }
}

static void dump_node(FILE *out, NodeKind k, const void *n, int level);

static void dump_field(FILE *out, const Field *f, int level) {
  int c = seq_count(f);
  if (c == 0) { fputs("[]", out); return; }
  if (c > 0) {
    fputc('[', out);
    for (int i = 0; i < c; i++) {
      if (i) fputc(',', out);
      indent(out, level + 1);
      switch (f->type) {
      case F_STMT_SEQ: dump_node(out, N_STMT, ((const StmtSeq *)f->ptr)->items[i], level + 1); break;
      case F_EXPR_SEQ: case F_EXPR_SEQ_NONE: {
        const Expr *e = ((const ExprSeq *)f->ptr)->items[i];
        if (e) dump_node(out, N_EXPR, e, level + 1);
        else fputs("None", out);
        break;
      }
      case F_ARG_SEQ: dump_node(out, N_ARG, ((const ArgSeq *)f->ptr)->items[i], level + 1); break;
      case F_KW_SEQ: dump_node(out, N_KEYWORD, ((const KeywordSeq *)f->ptr)->items[i], level + 1); break;
      case F_ALIAS_SEQ: dump_node(out, N_ALIAS, ((const AliasSeq *)f->ptr)->items[i], level + 1); break;
      case F_WITH_SEQ: dump_node(out, N_WITH, ((const WithItemSeq *)f->ptr)->items[i], level + 1); break;
      case F_COMP_SEQ: dump_node(out, N_COMP, ((const ComprehensionSeq *)f->ptr)->items[i], level + 1); break;
      case F_HANDLER_SEQ: dump_node(out, N_HANDLER, ((const ExceptHandlerSeq *)f->ptr)->items[i], level + 1); break;
      case F_IDENT_SEQ: {
        const char *s = ((const IdentSeq *)f->ptr)->items[i];
        repr_str(out, s, strlen(s), 0);
        break;
      }
      case F_CMP_SEQ: fprintf(out, "%s()", ast_cmpop_name(((const CmpOpSeq *)f->ptr)->items[i])); break;
      default: break;
      }
    }
    fputc(']', out);
    return;
  }
  switch (f->type) {
  case F_EXPR: dump_node(out, N_EXPR, f->ptr, level); break;
  case F_ARG: dump_node(out, N_ARG, f->ptr, level); break;
  case F_ARGUMENTS: dump_node(out, N_ARGUMENTS, f->ptr, level); break;
  case F_IDENT: repr_str(out, f->sval, strlen(f->sval), 0); break;
  case F_INT: fprintf(out, "%ld", f->ival); break;
  case F_CONST: repr_const(out, f->ptr); break;
  case F_OP: fprintf(out, "%s()", f->sval); break;
  default: break;
  }
}

/* ast.dump's _format for one node; level is the caller's (not yet incremented). */
static void dump_node(FILE *out, NodeKind k, const void *n, int level) {
  View v;
  view_node(k, n, &v);
  int count = 0, allsimple = 1;
  for (int i = 0; i < v.n; i++) {
    if (!printed(&v.f[i])) continue;
    count++;
    if (!field_simple(&v.f[i])) allsimple = 0;
  }
  fprintf(out, "%s(", v.cls);
  int inl = allsimple && count <= 3, first = 1;
  for (int i = 0; i < v.n; i++) {
    if (!printed(&v.f[i])) continue;
    if (inl) {
      if (!first) fputs(", ", out);
    } else {
      if (!first) fputc(',', out);
      indent(out, level + 1);
    }
    first = 0;
    fprintf(out, "%s=", v.f[i].name);
    dump_field(out, &v.f[i], level + 1);
  }
  fputc(')', out);
}

void ast_dump(const Mod *m, FILE *out) {
  switch (m->kind) {
  case MOD_MODULE: {
    Field f = {"body", F_STMT_SEQ, &m->v.Module.body, 0, NULL};
    if (!m->v.Module.body.count) { fputs("Module(body=[], type_ignores=[])\n", out); break; }
    fputs("Module(", out);
    indent(out, 1);
    fputs("body=", out);
    dump_field(out, &f, 1);
    fputc(',', out);
    indent(out, 1);
    fputs("type_ignores=[])\n", out);
    break;
  }
  case MOD_INTERACTIVE: {
    Field f = {"body", F_STMT_SEQ, &m->v.Interactive.body, 0, NULL};
    if (!m->v.Interactive.body.count) { fputs("Interactive(body=[])\n", out); break; }
    fputs("Interactive(", out);
    indent(out, 1);
    fputs("body=", out);
    dump_field(out, &f, 1);
    fputs(")\n", out);
    break;
  }
  case MOD_EXPRESSION:
    if (node_simple(N_EXPR, m->v.Expression.body)) {
      fputs("Expression(body=", out);
      dump_node(out, N_EXPR, m->v.Expression.body, 1);
      fputs(")\n", out);
      break;
    }
    fputs("Expression(", out);
    indent(out, 1);
    fputs("body=", out);
    dump_node(out, N_EXPR, m->v.Expression.body, 1);
    fputs(")\n", out);
    break;
  }
}
