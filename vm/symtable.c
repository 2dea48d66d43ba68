/*
 * symtable: scope analysis. See symtable.h for the rules; the messages and the
 * locations of the SyntaxErrors are CPython 3.11's (Python/symtable.c).
 *
 * Pass 1 (visit_*) records DEF_* flags per scope. Pass 2 (resolve) decides each name's
 * SymScope, preorder, so that a name found free in a nested scope can turn the binding
 * scope's symbol into a cell and add pass-through free variables to every scope in
 * between (including class scopes, as DEF_FREE_CLASS).
 */
#include "vm/symtable.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

typedef struct ST {
  VM *vm;
  Arena *arena;
  const char *filename;
  Scope *cur;
  bool failed;
  /* a module-level nonlocal: CPython reports it in its second pass, so any error of
     the first pass wins */
  const Stmt *module_nonlocal;
} ST;

/* ---- SyntaxError ------------------------------------------------------------- */

/* The text of line `lineno` of filename, with its newline, or NULL. New reference. */
static Object *source_line(VM *vm, const char *filename, int lineno) {
  FILE *f = fopen(filename, "rb");
  if (!f) return NULL;
  char buf[4096];
  int line = 1;
  Object *r = NULL;
  while (fgets(buf, sizeof buf, f)) {
    size_t n = strlen(buf);
    if (line == lineno) {
      r = str_new(vm, buf, n);
      break;
    }
    if (n && buf[n - 1] == '\n') line++;
  }
  fclose(f);
  if (!r && exc_occurred(vm)) exc_clear(vm);
  return r;
}

void *symtable_syntax_error(VM *vm, const char *filename, Loc loc, const char *fmt, ...) {
  char msgbuf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msgbuf, sizeof msgbuf, fmt, ap);
  va_end(ap);
  Object *msg = str_from_cstr(vm, msgbuf);
  Object *fn = str_from_cstr(vm, filename);
  Object *text = source_line(vm, filename, loc.lineno);
  if (!msg || !fn) {
    obj_xdecref(vm, msg);
    obj_xdecref(vm, fn);
    obj_xdecref(vm, text);
    return NULL;
  }
  Object *t = text ? text : vm_none(vm);
  Object *details = tuple_pack(vm, 6, fn, small_new(loc.lineno), small_new(loc.col_offset + 1), t,
                               small_new(loc.end_lineno), small_new(loc.end_col_offset + 1));
  Object *args[2] = {msg, details};
  Object *e = details ? exc_new(vm, &vm->exc_SyntaxError, args, 2) : NULL;
  if (e) {
    BaseExceptionObject *be = (BaseExceptionObject *)e;
    if (!be->msg) be->msg = obj_newref(msg);
    if (!be->filename) be->filename = obj_newref(fn);
    if (!be->lineno) be->lineno = small_new(loc.lineno);
    if (!be->offset) be->offset = small_new(loc.col_offset + 1);
    if (!be->text) be->text = obj_newref(t);
    if (!be->end_lineno) be->end_lineno = small_new(loc.end_lineno);
    if (!be->end_offset) be->end_offset = small_new(loc.end_col_offset + 1);
    exc_restore(vm, e);
  }
  obj_decref(vm, msg);
  obj_decref(vm, fn);
  obj_decref(vm, t);
  obj_xdecref(vm, details);
  return NULL;
}

#define ERR(st, loc, ...)                                                  \
  do {                                                                     \
    if (!(st)->failed) symtable_syntax_error((st)->vm, (st)->filename, (loc), __VA_ARGS__); \
    (st)->failed = true;                                                   \
  } while (0)

/* ---- symbols ------------------------------------------------------------------- */

static unsigned hash_name(const char *s) {
  unsigned h = 2166136261u;
  while (*s) h = (h ^ (unsigned char)*s++) * 16777619u;
  return h;
}

static Symbol *find_slot(Symbol *table, int cap, const char *name, unsigned h) {
  unsigned mask = (unsigned)cap - 1;
  for (unsigned i = h & mask;; i = (i + 1) & mask) {
    Symbol *s = &table[i];
    if (!s->name || (s->hash == h && strcmp(s->name, name) == 0)) return s;
  }
}

Symbol *symtable_lookup(Scope *sc, const char *name) {
  if (!sc->tablecap) return NULL;
  Symbol *s = find_slot(sc->table, sc->tablecap, name, hash_name(name));
  return s->name ? s : NULL;
}

static Symbol *add_symbol(ST *st, Scope *sc, const char *name) {
  if ((sc->nsyms + 1) * 2 > sc->tablecap) {
    int ncap = sc->tablecap ? sc->tablecap * 2 : 16;
    Symbol *nt = ast_alloc(st->arena, sizeof(Symbol) * (size_t)ncap);
    if (!nt) {
      st->failed = true;
      return NULL;
    }
    for (int i = 0; i < sc->tablecap; i++)
      if (sc->table[i].name) *find_slot(nt, ncap, sc->table[i].name, sc->table[i].hash) = sc->table[i];
    sc->table = nt;
    sc->tablecap = ncap;
  }
  unsigned h = hash_name(name);
  Symbol *s = find_slot(sc->table, sc->tablecap, name, h);
  if (!s->name) {
    s->name = name;
    s->hash = h;
    s->order = sc->nsyms++;
  }
  return s;
}

static Symbol *add_def(ST *st, const char *name, int flag) {
  Symbol *s = add_symbol(st, st->cur, name);
  if (s) s->flags |= flag;
  return s;
}

Scope *symtable_child(Scope *parent, const void *key) {
  for (int i = 0; i < parent->nchildren; i++)
    if (parent->children[i]->key == key) return parent->children[i];
  return NULL;
}

SymScope symtable_scope_of(Scope *s, const char *name) {
  Symbol *sym = symtable_lookup(s, name);
  return sym && sym->scope ? sym->scope : SYM_GLOBAL_IMPLICIT;
}

static Scope *enter_scope(ST *st, const void *key, ScopeKind kind, const char *name, int lineno) {
  Scope *sc = ast_alloc(st->arena, sizeof(Scope));
  if (!sc) {
    st->failed = true;
    return NULL;
  }
  sc->key = key;
  sc->kind = kind;
  sc->name = name;
  sc->lineno = lineno;
  sc->parent = st->cur;
  if (st->cur) {
    Scope *p = st->cur;
    if (p->nchildren == p->childcap) {
      int ncap = p->childcap ? p->childcap * 2 : 4;
      Scope **nc = ast_alloc(st->arena, sizeof(Scope *) * (size_t)ncap);
      if (!nc) {
        st->failed = true;
        return NULL;
      }
      if (p->nchildren) memcpy(nc, p->children, sizeof(Scope *) * (size_t)p->nchildren);
      p->children = nc;
      p->childcap = ncap;
    }
    p->children[p->nchildren++] = sc;
    sc->is_nested = p->is_nested || symtable_is_function(p);
  }
  st->cur = sc;
  return sc;
}

/* ---- pass 1: collect ------------------------------------------------------------ */

static void visit_stmts(ST *st, const StmtSeq *seq);
static void visit_expr(ST *st, const Expr *e);

static void visit_exprs(ST *st, const ExprSeq *seq) {
  for (int i = 0; i < seq->count; i++)
    if (seq->items[i]) visit_expr(st, seq->items[i]);
}

static void add_param(ST *st, const Arg *a) {
  Scope *sc = st->cur;
  Symbol *s = symtable_lookup(sc, a->arg);
  if (s && (s->flags & DEF_PARAM)) {
    ERR(st, a->loc, "duplicate argument '%s' in function definition", a->arg);
    return;
  }
  add_def(st, a->arg, DEF_PARAM);
  const char **np = ast_alloc(st->arena, sizeof(char *) * (size_t)(sc->nparams + 1));
  if (!np) {
    st->failed = true;
    return;
  }
  if (sc->nparams) memcpy(np, sc->params, sizeof(char *) * (size_t)sc->nparams);
  np[sc->nparams++] = a->arg;
  sc->params = np;
}

static void add_params(ST *st, const Arguments *args) {
  for (int i = 0; i < args->posonlyargs.count; i++) add_param(st, args->posonlyargs.items[i]);
  for (int i = 0; i < args->args.count; i++) add_param(st, args->args.items[i]);
  for (int i = 0; i < args->kwonlyargs.count; i++) add_param(st, args->kwonlyargs.items[i]);
  if (args->vararg) {
    add_param(st, args->vararg);
    st->cur->has_varargs = true;
  }
  if (args->kwarg) {
    add_param(st, args->kwarg);
    st->cur->has_varkw = true;
  }
}

static void visit_arg_annotations(ST *st, const ArgSeq *seq) {
  for (int i = 0; i < seq->count; i++)
    if (seq->items[i]->annotation) visit_expr(st, seq->items[i]->annotation);
}

static void visit_signature_outside(ST *st, const Arguments *a, const Expr *returns) {
  visit_exprs(st, &a->defaults);
  visit_exprs(st, &a->kw_defaults);
  visit_arg_annotations(st, &a->posonlyargs);
  visit_arg_annotations(st, &a->args);
  visit_arg_annotations(st, &a->kwonlyargs);
  if (a->vararg && a->vararg->annotation) visit_expr(st, a->vararg->annotation);
  if (a->kwarg && a->kwarg->annotation) visit_expr(st, a->kwarg->annotation);
  if (returns) visit_expr(st, returns);
}

static void declare(ST *st, const Stmt *s, const IdentSeq *names, bool global) {
  const char *what = global ? "global" : "nonlocal";
  bool at_module = !global && st->cur->kind == SCOPE_MODULE;
  if (at_module && !st->module_nonlocal) st->module_nonlocal = s;
  for (int i = 0; i < names->count; i++) {
    const char *name = names->items[i];
    Symbol *sym = symtable_lookup(st->cur, name);
    int cur = sym ? sym->flags : 0;
    if (cur & (DEF_PARAM | DEF_LOCAL | DEF_USE | DEF_ANNOT)) {
      if (cur & DEF_PARAM) ERR(st, s->loc, "name '%s' is parameter and %s", name, what);
      else if (cur & DEF_USE) ERR(st, s->loc, "name '%s' is used prior to %s declaration", name, what);
      else if (cur & DEF_ANNOT) ERR(st, s->loc, "annotated name '%s' can't be %s", name, what);
      else ERR(st, s->loc, "name '%s' is assigned to before %s declaration", name, what);
      return;
    }
    if (global && (cur & DEF_NONLOCAL)) {
      ERR(st, s->loc, "name '%s' is nonlocal and global", name);
      return;
    }
    if (!global && (cur & DEF_GLOBAL)) {
      ERR(st, s->loc, "name '%s' is nonlocal and global", name);
      return;
    }
    if (at_module) continue;
    Symbol *ns = add_def(st, name, global ? DEF_GLOBAL : DEF_NONLOCAL);
    if (ns && !global) ns->order = ns->order;   /* keep first-seen order */
  }
  (void)what;
}

static void visit_import_alias(ST *st, const Stmt *s, const Alias *a) {
  if (strcmp(a->name, "*") == 0) {
    if (st->cur->kind != SCOPE_MODULE) ERR(st, s->loc, "import * only allowed at module level");
    return;
  }
  const char *store = a->asname;
  if (!store) {
    const char *dot = strchr(a->name, '.');
    store = dot ? ast_strndup(st->arena, a->name, (size_t)(dot - a->name)) : a->name;
    if (!store) {
      st->failed = true;
      return;
    }
  }
  add_def(st, store, DEF_IMPORT);
}

static void visit_stmt(ST *st, const Stmt *s) {
  if (st->failed) return;
  switch (s->kind) {
    case STMT_FUNCTIONDEF: {
      const Arguments *a = s->v.FunctionDef.args;
      add_def(st, s->v.FunctionDef.name, DEF_LOCAL);
      visit_exprs(st, &s->v.FunctionDef.decorator_list);
      visit_signature_outside(st, a, s->v.FunctionDef.returns);
      Scope *outer = st->cur;
      if (!enter_scope(st, s, SCOPE_FUNCTION, s->v.FunctionDef.name, s->lineno)) return;
      add_params(st, a);
      visit_stmts(st, &s->v.FunctionDef.body);
      st->cur = outer;
      break;
    }
    case STMT_CLASSDEF: {
      add_def(st, s->v.ClassDef.name, DEF_LOCAL);
      visit_exprs(st, &s->v.ClassDef.bases);
      for (int i = 0; i < s->v.ClassDef.keywords.count; i++)
        visit_expr(st, s->v.ClassDef.keywords.items[i]->value);
      visit_exprs(st, &s->v.ClassDef.decorator_list);
      Scope *outer = st->cur;
      if (!enter_scope(st, s, SCOPE_CLASS, s->v.ClassDef.name, s->lineno)) return;
      visit_stmts(st, &s->v.ClassDef.body);
      st->cur = outer;
      break;
    }
    case STMT_RETURN:
      if (s->v.Return.value) visit_expr(st, s->v.Return.value);
      break;
    case STMT_DELETE: visit_exprs(st, &s->v.Delete.targets); break;
    case STMT_ASSIGN:
      visit_exprs(st, &s->v.Assign.targets);
      visit_expr(st, s->v.Assign.value);
      break;
    case STMT_AUGASSIGN:
      visit_expr(st, s->v.AugAssign.target);
      visit_expr(st, s->v.AugAssign.value);
      break;
    case STMT_ANNASSIGN: {
      const Expr *t = s->v.AnnAssign.target;
      if (t->kind == EXPR_NAME) {
        Symbol *sym = symtable_lookup(st->cur, t->v.Name.id);
        if (sym && (sym->flags & (DEF_GLOBAL | DEF_NONLOCAL)) && s->v.AnnAssign.simple) {
          ERR(st, s->loc, "annotated name '%s' can't be %s", t->v.Name.id,
              (sym->flags & DEF_GLOBAL) ? "global" : "nonlocal");
          return;
        }
        if (s->v.AnnAssign.simple) add_def(st, t->v.Name.id, DEF_ANNOT | DEF_LOCAL);
        else if (s->v.AnnAssign.value) add_def(st, t->v.Name.id, DEF_LOCAL);
      } else {
        visit_expr(st, t);
      }
      visit_expr(st, s->v.AnnAssign.annotation);
      if (s->v.AnnAssign.value) visit_expr(st, s->v.AnnAssign.value);
      break;
    }
    case STMT_FOR:
      visit_expr(st, s->v.For.target);
      visit_expr(st, s->v.For.iter);
      visit_stmts(st, &s->v.For.body);
      visit_stmts(st, &s->v.For.orelse);
      break;
    case STMT_WHILE:
      visit_expr(st, s->v.While.test);
      visit_stmts(st, &s->v.While.body);
      visit_stmts(st, &s->v.While.orelse);
      break;
    case STMT_IF:
      visit_expr(st, s->v.If.test);
      visit_stmts(st, &s->v.If.body);
      visit_stmts(st, &s->v.If.orelse);
      break;
    case STMT_WITH:
      for (int i = 0; i < s->v.With.items.count; i++) {
        visit_expr(st, s->v.With.items.items[i]->context_expr);
        if (s->v.With.items.items[i]->optional_vars) visit_expr(st, s->v.With.items.items[i]->optional_vars);
      }
      visit_stmts(st, &s->v.With.body);
      break;
    case STMT_RAISE:
      if (s->v.Raise.exc) visit_expr(st, s->v.Raise.exc);
      if (s->v.Raise.cause) visit_expr(st, s->v.Raise.cause);
      break;
    case STMT_TRY:
      visit_stmts(st, &s->v.Try.body);
      for (int i = 0; i < s->v.Try.handlers.count; i++) {
        const ExceptHandler *h = s->v.Try.handlers.items[i];
        if (h->type) visit_expr(st, h->type);
        if (h->name) add_def(st, h->name, DEF_LOCAL);
        visit_stmts(st, &h->body);
      }
      visit_stmts(st, &s->v.Try.orelse);
      visit_stmts(st, &s->v.Try.finalbody);
      break;
    case STMT_ASSERT:
      visit_expr(st, s->v.Assert.test);
      if (s->v.Assert.msg) visit_expr(st, s->v.Assert.msg);
      break;
    case STMT_IMPORT:
      for (int i = 0; i < s->v.Import.names.count; i++) visit_import_alias(st, s, s->v.Import.names.items[i]);
      break;
    case STMT_IMPORTFROM:
      for (int i = 0; i < s->v.ImportFrom.names.count; i++)
        visit_import_alias(st, s, s->v.ImportFrom.names.items[i]);
      break;
    case STMT_GLOBAL: declare(st, s, &s->v.Global.names, true); break;
    case STMT_NONLOCAL: declare(st, s, &s->v.Nonlocal.names, false); break;
    case STMT_EXPR: visit_expr(st, s->v.Expr.value); break;
    case STMT_PASS: case STMT_BREAK: case STMT_CONTINUE: break;
  }
}

static void visit_stmts(ST *st, const StmtSeq *seq) {
  for (int i = 0; i < seq->count && !st->failed; i++) visit_stmt(st, seq->items[i]);
}

static const char *comp_name(ExprKind k) {
  switch (k) {
    case EXPR_LISTCOMP: return "<listcomp>";
    case EXPR_SETCOMP: return "<setcomp>";
    case EXPR_DICTCOMP: return "<dictcomp>";
    default: return "<genexpr>";
  }
}

static void visit_comprehension(ST *st, const Expr *e, const ComprehensionSeq *gens,
                                const Expr *elt, const Expr *value) {
  const Comprehension *first = gens->items[0];
  visit_expr(st, first->iter);
  Scope *outer = st->cur;
  Scope *sc = enter_scope(st, e, SCOPE_COMPREHENSION, comp_name(e->kind), e->lineno);
  if (!sc) return;
  sc->is_generator = e->kind == EXPR_GENERATOREXP;
  Arg dot = {.arg = ".0"};
  add_param(st, &dot);
  for (int i = 0; i < gens->count; i++) {
    const Comprehension *g = gens->items[i];
    if (i > 0) visit_expr(st, g->iter);
    visit_expr(st, g->target);
    visit_exprs(st, &g->ifs);
  }
  if (value) visit_expr(st, value);
  visit_expr(st, elt);
  st->cur = outer;
}

/* A walrus inside comprehensions binds in the nearest enclosing other scope. */
static void visit_named_target(ST *st, const Expr *target) {
  const char *name = target->v.Name.id;
  if (st->cur->kind != SCOPE_COMPREHENSION) {
    add_def(st, name, DEF_LOCAL);
    return;
  }
  Symbol *own = symtable_lookup(st->cur, name);
  if (own && (own->flags & DEF_COMP_ITER)) {
    ERR(st, target->loc, "assignment expression cannot rebind comprehension iteration variable '%s'", name);
    return;
  }
  Scope *e = st->cur;
  while (e->kind == SCOPE_COMPREHENSION) e = e->parent;
  if (e->kind == SCOPE_CLASS) {
    ERR(st, target->loc, "assignment expression within a comprehension cannot be used in a class body");
    return;
  }
  int flag = e->kind == SCOPE_MODULE ? DEF_GLOBAL : DEF_NONLOCAL;
  Symbol *es = symtable_lookup(e, name);
  if (e->kind != SCOPE_MODULE || !es || !(es->flags & DEF_GLOBAL)) {
    Symbol *d = add_symbol(st, e, name);
    if (d) d->flags |= DEF_LOCAL;
  }
  for (Scope *c = st->cur; c != e; c = c->parent) {
    Symbol *cs = add_symbol(st, c, name);
    if (cs) cs->flags |= flag;
  }
}

static void visit_expr(ST *st, const Expr *e) {
  if (st->failed || !e) return;
  switch (e->kind) {
    case EXPR_BOOLOP: visit_exprs(st, &e->v.BoolOp.values); break;
    case EXPR_NAMEDEXPR:
      visit_expr(st, e->v.NamedExpr.value);
      visit_named_target(st, e->v.NamedExpr.target);
      break;
    case EXPR_BINOP:
      visit_expr(st, e->v.BinOp.left);
      visit_expr(st, e->v.BinOp.right);
      break;
    case EXPR_UNARYOP: visit_expr(st, e->v.UnaryOp.operand); break;
    case EXPR_LAMBDA: {
      const Arguments *a = e->v.Lambda.args;
      visit_exprs(st, &a->defaults);
      visit_exprs(st, &a->kw_defaults);
      Scope *outer = st->cur;
      Scope *sc = enter_scope(st, e, SCOPE_FUNCTION, "<lambda>", e->lineno);
      if (!sc) return;
      sc->is_lambda = true;
      add_params(st, a);
      visit_expr(st, e->v.Lambda.body);
      st->cur = outer;
      break;
    }
    case EXPR_IFEXP:
      visit_expr(st, e->v.IfExp.test);
      visit_expr(st, e->v.IfExp.body);
      visit_expr(st, e->v.IfExp.orelse);
      break;
    case EXPR_DICT:
      visit_exprs(st, &e->v.Dict.keys);
      visit_exprs(st, &e->v.Dict.values);
      break;
    case EXPR_SET: visit_exprs(st, &e->v.Set.elts); break;
    case EXPR_LISTCOMP: visit_comprehension(st, e, &e->v.ListComp.generators, e->v.ListComp.elt, NULL); break;
    case EXPR_SETCOMP: visit_comprehension(st, e, &e->v.SetComp.generators, e->v.SetComp.elt, NULL); break;
    case EXPR_GENERATOREXP:
      visit_comprehension(st, e, &e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
      break;
    case EXPR_DICTCOMP:
      visit_comprehension(st, e, &e->v.DictComp.generators, e->v.DictComp.key, e->v.DictComp.value);
      break;
    case EXPR_YIELD:
    case EXPR_YIELDFROM: {
      Scope *sc = st->cur;
      if (sc->kind == SCOPE_MODULE || sc->kind == SCOPE_CLASS) {
        ERR(st, e->loc, "'yield' outside function");
        return;
      }
      if (sc->kind == SCOPE_COMPREHENSION) {
        const char *n = sc->name;   /* "<listcomp>" -> "list comprehension" */
        const char *what = strcmp(n, "<listcomp>") == 0 ? "list comprehension"
                         : strcmp(n, "<setcomp>") == 0 ? "set comprehension"
                         : strcmp(n, "<dictcomp>") == 0 ? "dict comprehension" : "generator expression";
        ERR(st, e->loc, "'yield' inside %s", what);
        return;
      }
      sc->is_generator = true;
      visit_expr(st, e->kind == EXPR_YIELD ? e->v.Yield.value : e->v.YieldFrom.value);
      break;
    }
    case EXPR_COMPARE:
      visit_expr(st, e->v.Compare.left);
      visit_exprs(st, &e->v.Compare.comparators);
      break;
    case EXPR_CALL:
      visit_expr(st, e->v.Call.func);
      visit_exprs(st, &e->v.Call.args);
      for (int i = 0; i < e->v.Call.keywords.count; i++) visit_expr(st, e->v.Call.keywords.items[i]->value);
      break;
    case EXPR_FORMATTEDVALUE:
      visit_expr(st, e->v.FormattedValue.value);
      if (e->v.FormattedValue.format_spec) visit_expr(st, e->v.FormattedValue.format_spec);
      break;
    case EXPR_JOINEDSTR: visit_exprs(st, &e->v.JoinedStr.values); break;
    case EXPR_CONSTANT: break;
    case EXPR_ATTRIBUTE: visit_expr(st, e->v.Attribute.value); break;
    case EXPR_SUBSCRIPT:
      visit_expr(st, e->v.Subscript.value);
      visit_expr(st, e->v.Subscript.slice);
      break;
    case EXPR_STARRED: visit_expr(st, e->v.Starred.value); break;
    case EXPR_NAME: {
      const char *id = e->v.Name.id;
      if (e->v.Name.ctx == AST_LOAD) {
        add_def(st, id, DEF_USE);
        if (symtable_is_function(st->cur) && strcmp(id, "super") == 0) add_def(st, "__class__", DEF_USE);
      } else {
        int flag = DEF_LOCAL;
        /* comprehension targets are iteration variables */
        if (st->cur->kind == SCOPE_COMPREHENSION) {
          Symbol *s = symtable_lookup(st->cur, id);
          if (!s || !(s->flags & (DEF_NONLOCAL | DEF_GLOBAL))) flag |= DEF_COMP_ITER;
        }
        add_def(st, id, flag);
      }
      break;
    }
    case EXPR_LIST: visit_exprs(st, &e->v.List.elts); break;
    case EXPR_TUPLE: visit_exprs(st, &e->v.Tuple.elts); break;
    case EXPR_SLICE:
      visit_expr(st, e->v.Slice.lower);
      visit_expr(st, e->v.Slice.upper);
      visit_expr(st, e->v.Slice.step);
      break;
  }
}

/* ---- pass 2: resolve ------------------------------------------------------------ */

/* Mark name free in every scope from s (inclusive) up to p (exclusive). */
static void pass_through(ST *st, Scope *s, Scope *p, const char *name) {
  for (Scope *q = s; q != p; q = q->parent) {
    Symbol *sym = add_symbol(st, q, name);
    if (!sym) return;
    if (q->kind == SCOPE_CLASS) sym->flags |= DEF_FREE_CLASS;
    else sym->scope = SYM_FREE;
  }
}

/* Find the binding of a free name above s. Returns the scope kind found. */
static SymScope resolve_free(ST *st, Scope *s, const char *name) {
  for (Scope *p = s->parent; p; p = p->parent) {
    if (p->kind == SCOPE_MODULE) return SYM_GLOBAL_IMPLICIT;
    if (p->kind == SCOPE_CLASS) {
      if (strcmp(name, "__class__") == 0) {
        p->needs_class_closure = true;
        pass_through(st, s, p, name);
        return SYM_FREE;
      }
      continue;
    }
    Symbol *ps = symtable_lookup(p, name);
    if (!ps) continue;
    if (ps->flags & DEF_GLOBAL) return SYM_GLOBAL_IMPLICIT;
    if (ps->flags & (DEF_BOUND | DEF_NONLOCAL)) {
      if (!(ps->flags & DEF_NONLOCAL)) ps->scope = SYM_CELL;
      pass_through(st, s, p, name);
      return SYM_FREE;
    }
  }
  return SYM_GLOBAL_IMPLICIT;
}

static void resolve_scope(ST *st, Scope *s, const Mod *mod_for_errors) {
  /* iterate over a snapshot of the table: pass_through may add to it */
  for (int i = 0; i < s->tablecap && !st->failed; i++) {
    Symbol *sym = &s->table[i];
    if (!sym->name || sym->scope) continue;
    int f = sym->flags;
    if (f & DEF_GLOBAL) {
      sym->scope = SYM_GLOBAL_EXPLICIT;
    } else if (f & DEF_NONLOCAL) {
      SymScope r = resolve_free(st, s, sym->name);
      if (r != SYM_FREE) {
        /* locate the nonlocal statement: CPython reports the statement */
        Loc loc = {s->lineno, 0, s->lineno, 0};
        (void)mod_for_errors;
        ERR(st, loc, "no binding for nonlocal '%s' found", sym->name);
        return;
      }
      sym = symtable_lookup(s, sym->name);
      sym->scope = SYM_FREE;
    } else if (f & DEF_BOUND) {
      sym->scope = SYM_LOCAL;
    } else if (s->kind == SCOPE_MODULE) {
      sym->scope = SYM_GLOBAL_IMPLICIT;
    } else {
      const char *name = sym->name;
      SymScope r = resolve_free(st, s, name);
      sym = symtable_lookup(s, name);   /* the table may have grown */
      if (sym->scope != SYM_FREE) sym->scope = r;
      i = -1;   /* restart: the table may have been rehashed */
    }
  }
  for (int i = 0; i < s->nchildren && !st->failed; i++) resolve_scope(st, s->children[i], mod_for_errors);
}

/* CPython reports "no binding for nonlocal" at the nonlocal statement: find it. */
static const Stmt *find_nonlocal(const StmtSeq *body, const char *name);
static const Stmt *find_nonlocal_in(const Stmt *s, const char *name) {
  switch (s->kind) {
    case STMT_NONLOCAL:
      for (int i = 0; i < s->v.Nonlocal.names.count; i++)
        if (strcmp(s->v.Nonlocal.names.items[i], name) == 0) return s;
      return NULL;
    case STMT_FOR: {
      const Stmt *r = find_nonlocal(&s->v.For.body, name);
      return r ? r : find_nonlocal(&s->v.For.orelse, name);
    }
    case STMT_WHILE: {
      const Stmt *r = find_nonlocal(&s->v.While.body, name);
      return r ? r : find_nonlocal(&s->v.While.orelse, name);
    }
    case STMT_IF: {
      const Stmt *r = find_nonlocal(&s->v.If.body, name);
      return r ? r : find_nonlocal(&s->v.If.orelse, name);
    }
    case STMT_WITH: return find_nonlocal(&s->v.With.body, name);
    case STMT_TRY: {
      const Stmt *r = find_nonlocal(&s->v.Try.body, name);
      for (int i = 0; !r && i < s->v.Try.handlers.count; i++)
        r = find_nonlocal(&s->v.Try.handlers.items[i]->body, name);
      if (!r) r = find_nonlocal(&s->v.Try.orelse, name);
      return r ? r : find_nonlocal(&s->v.Try.finalbody, name);
    }
    default: return NULL;
  }
}
static const Stmt *find_nonlocal(const StmtSeq *body, const char *name) {
  for (int i = 0; i < body->count; i++) {
    const Stmt *r = find_nonlocal_in(body->items[i], name);
    if (r) return r;
  }
  return NULL;
}

/* Check nonlocal bindings before resolving, so the error carries the right location. */
static void check_nonlocals(ST *st, Scope *s) {
  for (int i = 0; i < s->tablecap && !st->failed; i++) {
    Symbol *sym = &s->table[i];
    if (!sym->name || !(sym->flags & DEF_NONLOCAL) || s->kind == SCOPE_COMPREHENSION) continue;
    bool found = false;
    for (Scope *p = s->parent; p && !found; p = p->parent) {
      if (p->kind == SCOPE_MODULE) break;
      if (p->kind == SCOPE_CLASS) continue;
      Symbol *ps = symtable_lookup(p, sym->name);
      if (ps && (ps->flags & DEF_GLOBAL)) break;
      if (ps && (ps->flags & (DEF_BOUND | DEF_NONLOCAL))) found = true;
    }
    if (!found) {
      Loc loc = {s->lineno, 0, s->lineno, 0};
      if (s->key && s->kind == SCOPE_FUNCTION && !s->is_lambda) {
        const Stmt *d = s->key;
        const Stmt *n = find_nonlocal(&d->v.FunctionDef.body, sym->name);
        if (n) loc = n->loc;
      }
      ERR(st, loc, "no binding for nonlocal '%s' found", sym->name);
      return;
    }
  }
  for (int i = 0; i < s->nchildren && !st->failed; i++) check_nonlocals(st, s->children[i]);
}

SymTable *symtable_build(VM *vm, Arena *arena, const Mod *mod, const char *filename) {
  ST st = {vm, arena, filename, NULL, false, NULL};
  SymTable *t = ast_alloc(arena, sizeof(SymTable));
  if (!t) return NULL;
  t->arena = arena;
  t->top = enter_scope(&st, mod, SCOPE_MODULE, "<module>", 1);
  if (!t->top) return NULL;
  switch (mod->kind) {
    case MOD_MODULE: visit_stmts(&st, &mod->v.Module.body); break;
    case MOD_INTERACTIVE: visit_stmts(&st, &mod->v.Interactive.body); break;
    case MOD_EXPRESSION: visit_expr(&st, mod->v.Expression.body); break;
  }
  if (!st.failed && st.module_nonlocal)
    ERR(&st, st.module_nonlocal->loc, "nonlocal declaration not allowed at module level");
  if (!st.failed) check_nonlocals(&st, t->top);
  if (!st.failed) resolve_scope(&st, t->top, mod);
  if (st.failed) {
    if (!exc_occurred(vm)) exc_no_memory(vm);
    return NULL;
  }
  return t;
}
