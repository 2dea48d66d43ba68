/*
 * compile_test: the engine's compile-time half against CPython 3.11.
 *  - scope analysis (vm/symtable.c): where each name lives in nested scopes;
 *  - the SyntaxErrors the symbol table and the compiler raise, with CPython's message,
 *    line and columns (recorded with python3's compile());
 *  - the disassembler's output for small functions (code shape: decorators, closures,
 *    loops, operators);
 *  - run_file hands the real length of a file to the parser (NUL bytes).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parser/parse.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/compile.h"
#include "vm/debug.h"
#include "vm/run.h"
#include "vm/symtable.h"
#include "vm/vm.h"

static VM *vm;

static void setup(void) { vm = vm_new(NULL); }
static void teardown(void) { vm_free(vm); }

TestSuite(comp, .init = setup, .fini = teardown);

/* ---- scope analysis ---------------------------------------------------------------- */

typedef struct Parsed {
  Arena *arena;
  Mod *mod;
  SymTable *st;
} Parsed;

static Parsed analyse(const char *src) {
  Parsed p = {ast_arena_new(vm), NULL, NULL};
  SyntaxErrorInfo err;
  p.mod = parse_source(vm, p.arena, src, strlen(src), "t.py", PARSE_FILE, &err);
  cr_assert_not_null(p.mod, "parse error: %s", err.msg);
  p.st = symtable_build(vm, p.arena, p.mod, "t.py");
  cr_assert_not_null(p.st, "symtable failed");
  return p;
}

/* The child scope named name of s (depth-first). */
static Scope *find_scope(Scope *s, const char *name) {
  if (!strcmp(s->name, name)) return s;
  for (int i = 0; i < s->nchildren; i++) {
    Scope *r = find_scope(s->children[i], name);
    if (r) return r;
  }
  return NULL;
}

static SymScope where(Parsed *p, const char *scope, const char *name) {
  Scope *s = find_scope(p->st->top, scope);
  cr_assert_not_null(s, "no scope %s", scope);
  return symtable_scope_of(s, name);
}

Test(comp, scopes_locals_globals_cells_and_frees) {
  Parsed p = analyse(
      "g = 1\n"
      "def outer(a):\n"
      "    b = 2\n"
      "    global g2\n"
      "    g2 = 3\n"
      "    def inner():\n"
      "        nonlocal b\n"
      "        b = a + g + len([])\n"
      "    return inner\n");
  cr_expect_eq(where(&p, "inner", "g"), SYM_GLOBAL_IMPLICIT);
  cr_expect_eq(where(&p, "outer", "a"), SYM_CELL);
  cr_expect_eq(where(&p, "outer", "b"), SYM_CELL);
  cr_expect_eq(where(&p, "outer", "g2"), SYM_GLOBAL_EXPLICIT);
  cr_expect_eq(where(&p, "outer", "inner"), SYM_LOCAL);
  cr_expect_eq(where(&p, "inner", "a"), SYM_FREE);
  cr_expect_eq(where(&p, "inner", "b"), SYM_FREE);
  cr_expect_eq(where(&p, "inner", "g"), SYM_GLOBAL_IMPLICIT);
  cr_expect_eq(where(&p, "inner", "len"), SYM_GLOBAL_IMPLICIT);
  Scope *outer = find_scope(p.st->top, "outer");
  cr_expect_eq(outer->kind, SCOPE_FUNCTION);
  cr_expect_eq(outer->nparams, 1);
  cr_expect_str_eq(outer->params[0], "a");
  Symbol *b = symtable_lookup(find_scope(p.st->top, "inner"), "b");
  cr_assert_not_null(b);
  cr_expect(b->flags & DEF_NONLOCAL);
  ast_arena_free(p.arena);
}

Test(comp, class_scopes_are_skipped_except_for___class__) {
  Parsed p = analyse(
      "def f():\n"
      "    x = 1\n"
      "    class C:\n"
      "        x = 2\n"
      "        y = x\n"
      "        def m(self):\n"
      "            return x, super().m()\n"
      "    return C\n");
  /* m sees f's x (a free variable), not the class attribute */
  cr_expect_eq(where(&p, "m", "x"), SYM_FREE);
  cr_expect_eq(where(&p, "f", "x"), SYM_CELL);
  cr_expect_eq(where(&p, "m", "__class__"), SYM_FREE);
  Scope *c = find_scope(p.st->top, "C");
  cr_expect_eq(c->kind, SCOPE_CLASS);
  cr_expect(c->needs_class_closure);
  cr_expect_eq(symtable_scope_of(c, "y"), SYM_LOCAL);
  ast_arena_free(p.arena);
}

Test(comp, comprehensions_and_walrus) {
  Parsed p = analyse(
      "def f(data):\n"
      "    r = [y for x in data if (y := x * 2)]\n"
      "    return r, y\n"
      "def g(n):\n"
      "    return (i for i in range(n))\n");
  Scope *lc = find_scope(p.st->top, "<listcomp>");
  cr_assert_not_null(lc);
  cr_expect_eq(lc->kind, SCOPE_COMPREHENSION);
  cr_expect_eq(symtable_scope_of(lc, "x"), SYM_LOCAL);
  /* the walrus target binds in f, the comprehension sees it as free */
  cr_expect_eq(symtable_scope_of(lc, "y"), SYM_FREE);
  cr_expect_eq(where(&p, "f", "y"), SYM_CELL);
  /* the first iterable is evaluated in f: the comprehension does not see data */
  cr_expect_null(symtable_lookup(lc, "data"));
  Scope *ge = find_scope(p.st->top, "<genexpr>");
  cr_assert_not_null(ge);
  cr_expect(ge->is_generator);
  cr_expect_eq(symtable_scope_of(ge, "i"), SYM_LOCAL);
  /* the first iterable is evaluated in g, so n is g's plain local */
  cr_expect_eq(where(&p, "g", "n"), SYM_LOCAL);
  ast_arena_free(p.arena);
}

Test(comp, generators_and_lambdas_are_flagged) {
  Parsed p = analyse(
      "def gen():\n"
      "    yield 1\n"
      "k = lambda *a, **kw: (a, kw)\n");
  cr_expect(find_scope(p.st->top, "gen")->is_generator);
  Scope *l = find_scope(p.st->top, "<lambda>");
  cr_assert_not_null(l);
  cr_expect(l->is_lambda);
  cr_expect(l->has_varargs);
  cr_expect(l->has_varkw);
  ast_arena_free(p.arena);
}

/* ---- SyntaxErrors from the symbol table and the compiler ---------------------------- */

typedef struct ErrCase {
  const char *src, *msg;
  int lineno, offset, end_lineno, end_offset;
} ErrCase;

/* Values recorded with CPython 3.11: compile(src, "t.py", "exec") -> SyntaxError. */
static const ErrCase err_cases[] = {
    {"return 1\n", "'return' outside function", 1, 1, 1, 9},
    {"x = 1\nbreak\n", "'break' outside loop", 2, 1, 2, 6},
    {"for i in x:\n    pass\ncontinue\n", "'continue' not properly in loop", 3, 1, 3, 9},
    {"nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 1, 11},
    {"def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5, 3, 13},
    {"def f():\n    nonlocal y\n", "no binding for nonlocal 'y' found", 2, 5, 2, 15},
    {"yield 1\n", "'yield' outside function", 1, 1, 1, 8},
    {"class C:\n    return 2\n", "'return' outside function", 2, 5, 2, 13},
    {"def f(a):\n    global a\n", "name 'a' is parameter and global", 2, 5, 2, 13},
    {"def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
     "name 'x' is used prior to nonlocal declaration", 5, 9, 5, 19},
    {"[x for x in y if (x := 1)]\n",
     "assignment expression cannot rebind comprehension iteration variable 'x'", 1, 19, 1, 20},
    {"def f():\n    while True:\n        def g():\n            break\n", "'break' outside loop", 4, 13, 4, 18},
    {"def f(a, a): pass\n", "duplicate argument 'a' in function definition", 1, 10, 1, 11},
    {"x = [(yield 1) for i in y]\n", "'yield' inside list comprehension", 1, 7, 1, 14},
    {"f(x=1, x=2)\n", "keyword argument repeated: x", 1, 8, 1, 11},
    {"class C(x=1, x=2): pass\n", "keyword argument repeated: x", 1, 14, 1, 17},
    {"__debug__ = 1\n", "cannot assign to __debug__", 1, 1, 1, 10},
    {"del __debug__\n", "cannot delete __debug__", 1, 5, 1, 14},
    {"def f(__debug__): pass\n", "cannot assign to __debug__", 1, 1, 1, 23},
    {"*a, *b = c\n", "multiple starred expressions in assignment", 1, 1, 1, 7},
};

static int64_t small_of(Object *o) { return o && obj_is_small(o) ? small_value(o) : -1; }

/* Compile src; on failure fill *got from the parser's report or the raised
   SyntaxError. Returns 1 if compilation failed. */
static int compile_error(const char *src, ErrCase *got, char *msg, size_t msgsize) {
  Arena *a = ast_arena_new(vm);
  SyntaxErrorInfo err;
  Mod *m = parse_source(vm, a, src, strlen(src), "t.py", PARSE_FILE, &err);
  if (!m) {
    snprintf(msg, msgsize, "%s", err.msg);
    *got = (ErrCase){src, msg, err.lineno, err.col_offset, err.end_lineno, err.end_col_offset};
    ast_arena_free(a);
    return 1;
  }
  Object *code = comp_compile(vm, m, a, "t.py", COMP_EXEC);
  ast_arena_free(a);
  if (code) {
    obj_decref(vm, code);
    return 0;
  }
  cr_assert(exc_matches(vm, &vm->exc_SyntaxError), "not a SyntaxError");
  BaseExceptionObject *e = (BaseExceptionObject *)exc_fetch(vm);
  snprintf(msg, msgsize, "%s", e->msg && STR_CHECK(vm, e->msg) ? str_utf8(e->msg) : "?");
  *got = (ErrCase){src, msg, (int)small_of(e->lineno), (int)small_of(e->offset),
                   (int)small_of(e->end_lineno), (int)small_of(e->end_offset)};
  obj_decref(vm, (Object *)e);
  return 1;
}

Test(comp, syntax_errors_match_cpython) {
  for (size_t i = 0; i < sizeof err_cases / sizeof err_cases[0]; i++) {
    const ErrCase *w = &err_cases[i];
    ErrCase g;
    char msg[256];
    cr_assert(compile_error(w->src, &g, msg, sizeof msg), "no error for %s", w->src);
    cr_expect_str_eq(g.msg, w->msg, "message for %s", w->src);
    cr_expect(g.lineno == w->lineno && g.offset == w->offset && g.end_lineno == w->end_lineno &&
                  g.end_offset == w->end_offset,
              "%s: got %d:%d-%d:%d, want %d:%d-%d:%d", w->src, g.lineno, g.offset, g.end_lineno,
              g.end_offset, w->lineno, w->offset, w->end_lineno, w->end_offset);
  }
}

Test(comp, valid_programs_compile) {
  static const char *const ok[] = {
      "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    return g\n",
      "for i in x:\n    def f():\n        pass\n    break\n",
      "def f():\n    try:\n        pass\n    finally:\n        return 1\n",
      "class C:\n    def m(self):\n        return __class__\n",
  };
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    ErrCase g;
    char msg[256];
    cr_expect(!compile_error(ok[i], &g, msg, sizeof msg), "%s: %s", ok[i], msg);
  }
}

/* ---- the disassembler ---------------------------------------------------------------- */

/* Disassembly of src (malloc'd). */
static char *dis(const char *src) {
  Arena *a = ast_arena_new(vm);
  SyntaxErrorInfo err;
  Mod *m = parse_source(vm, a, src, strlen(src), "t.py", PARSE_FILE, &err);
  cr_assert_not_null(m, "%s", err.msg);
  Object *code = comp_compile(vm, m, a, "t.py", COMP_EXEC);
  ast_arena_free(a);
  cr_assert_not_null(code);
  char *out = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&out, &n);
  debug_dis_code(vm, (CodeObject *)code, f);
  fclose(f);
  obj_decref(vm, code);
  return out;
}

Test(comp, dis_simple_function) {
  char *got = dis("def add(a, b):\n    return a + b\n");
  cr_expect_str_eq(got,
                   "Disassembly of <module> (t.py, line 1, stack 2):\n"
                   "    1      0 LOAD_CONST             0 (<code object add, line 1>)\n"
                   "           1 MAKE_FUNCTION          0\n"
                   "           2 STORE_NAME             0 (add)\n"
                   "    2      3 LOAD_CONST             1 (None)\n"
                   "           4 RETURN_VALUE           0\n"
                   "\n"
                   "Disassembly of add (t.py, line 1, stack 3):\n"
                   "    2      0 LOAD_FAST              0 (a)\n"
                   "           1 LOAD_FAST              1 (b)\n"
                   "           2 BINARY_OP              0 (+)\n"
                   "           3 RETURN_VALUE           0\n");
  free(got);
}

Test(comp, dis_stacked_decorators_leave_a_balanced_stack) {
  char *got = dis("@a\n@b\ndef f(x=''):\n    pass\n");
  /* decorators are pushed bare and applied innermost first with CALL 0, each at its
     own line; nothing is left on the stack before STORE_NAME */
  cr_expect_str_eq(got,
                   "Disassembly of <module> (t.py, line 1, stack 5):\n"
                   "    1      0 LOAD_NAME              0 (a)\n"
                   "    2      1 LOAD_NAME              1 (b)\n"
                   "    3      2 LOAD_CONST             0 ('')\n"
                   "           3 BUILD_TUPLE            1\n"
                   "           4 LOAD_CONST             1 (<code object f, line 3>)\n"
                   "           5 MAKE_FUNCTION          1\n"
                   "    2      6 CALL                   0\n"
                   "    1      7 CALL                   0\n"
                   "    3      8 STORE_NAME             2 (f)\n"
                   "    4      9 LOAD_CONST             2 (None)\n"
                   "          10 RETURN_VALUE           0\n"
                   "\n"
                   "Disassembly of f (t.py, line 3, stack 2):\n"
                   "    4      0 LOAD_CONST             0 (None)\n"
                   "           1 RETURN_VALUE           0\n");
  free(got);
}

Test(comp, dis_closure_and_loop) {
  char *got = dis("def f(n):\n    t = 0\n    for i in n:\n        if i < t:\n            t += i\n    return t\n");
  char *body = strstr(got, "Disassembly of f ");
  cr_assert_not_null(body, "%s", got);
  cr_expect(strstr(body, "GET_ITER") && strstr(body, "FOR_ITER") && strstr(body, "JUMP_BACKWARD"), "%s", body);
  cr_expect(strstr(body, " 0 (<)\n"), "%s", body);
  cr_expect(strstr(body, " 256 (+=)\n"), "%s", body);
  free(got);
  got = dis("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
  /* x is f's cell (after its plain locals) and g's first free variable */
  cr_expect(strstr(got, "MAKE_CELL              1 (x)"), "%s", got);
  cr_expect(strstr(got, "STORE_DEREF            1 (x)"), "%s", got);
  cr_expect(strstr(got, "LOAD_CLOSURE           1 (x)"), "%s", got);
  cr_expect(strstr(got, "COPY_FREE_VARS         1"), "%s", got);
  cr_expect(strstr(got, "LOAD_DEREF             0 (x)"), "%s", got);
  free(got);
}

/* ---- run_file ---------------------------------------------------------------------- */

Test(comp, run_file_sees_null_bytes) {
  char path[] = "/tmp/kite_nulXXXXXX";
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  cr_assert_eq(write(fd, "x = 1\0\nprint('truncated')\n", 26), 26);
  close(fd);
  char *out = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&out, &n);
  vm->err = f;
  int status = run_file(vm, path);
  vm->err = NULL;
  fclose(f);
  unlink(path);
  cr_expect_eq(status, 1);
  cr_expect(strstr(out, "SyntaxError: source code cannot contain null bytes"), "%s", out);
  free(out);
}

/* ---- frame objects (runtime/traceback.c) -------------------------------------------- */

Test(comp, frame_objects) {
  Object *g = dict_new(vm);
  const char *src =
      "def gen():\n"
      "    x = 1\n"
      "    yield x\n"
      "    yield 2\n"
      "it = gen()\n"
      "before = it.gi_frame.f_lineno\n"
      "next(it)\n"
      "fr = it.gi_frame\n"
      "r = (fr.f_lineno, fr.f_locals, fr.f_code.co_name, fr.f_globals is globals(), fr.f_back)\n"
      "list(it)\n"
      "done = it.gi_frame\n"
      "def f():\n"
      "    return 1 / 0\n"
      "try:\n"
      "    f()\n"
      "except ZeroDivisionError as e:\n"
      "    tb = e.__traceback__\n"
      "    t = (tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name,\n"
      "         tb.tb_next.tb_frame.f_lineno, tb.tb_frame is tb.tb_frame, type(tb.tb_frame).__name__)\n"
      "out = repr((before, r, done, t))\n";
  Object *r = run_exec(vm, src, "t.py", g, NULL);
  cr_assert_not_null(r, "the program raised");
  obj_decref(vm, r);
  Object *out = dict_getitem_cstr(vm, g, "out");
  cr_assert_not_null(out);
  cr_expect_str_eq(str_utf8(out),
                   "(1, (3, {'x': 1}, 'gen', True, None), None, ('<module>', 'f', 13, True, 'frame'))");
  obj_decref(vm, g);
}
