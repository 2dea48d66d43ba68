/*
 * parse_test: the parser against CPython 3.11.
 *  - every tests/py/ast/NAME.py must dump (ast_dump) exactly as NAME.ast, which
 *    scripts/gen-ast-golden recorded with CPython's ast.dump(indent=2);
 *  - every tests/py/syntax/NAME.py must fail with exactly NAME.err (CPython's stderr)
 *    when printed by parse_print_error;
 *  - a table of errors checked field by field (type, message, line, columns);
 *  - random bytes and random token soup never crash the front end.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc/heap.h"
#include "parser/parse.h"
#include "vm/vm.h"   /* for struct VM (the heap lives in it) */

static VM *new_vm(void) {
  VM *vm = calloc(1, sizeof(VM));
  heap_init(&vm->heap, NULL, NULL, 0);
  return vm;
}
static void free_vm(VM *vm) {
  heap_finish(&vm->heap);
  free(vm);
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  *len = fread(b, 1, (size_t)n, f);
  b[*len] = 0;
  fclose(f);
  return b;
}

/* tests/py/<area>, found from this file's path */
static void area_dir(char *out, size_t n, const char *area) {
  const char *file = __FILE__;
  const char *slash = strrchr(file, '/');
  snprintf(out, n, "%.*s/../py/%s", (int)(slash - file), file, area);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The .py files of an area, sorted. */
static int list_py(const char *dir, char ***names) {
  DIR *d = opendir(dir);
  cr_assert_not_null(d, "cannot open %s", dir);
  int n = 0, cap = 128;
  *names = malloc(sizeof(char *) * (size_t)cap);
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l > 3 && !strcmp(e->d_name + l - 3, ".py")) {
      if (n == cap) *names = realloc(*names, sizeof(char *) * (size_t)(cap *= 2));
      (*names)[n++] = strndup(e->d_name, l - 3);
    }
  }
  closedir(d);
  qsort(*names, (size_t)n, sizeof(char *), cmp_names);
  return n;
}

Test(parse, ast_goldens) {
  char dir[1024];
  area_dir(dir, sizeof dir, "ast");
  char **names;
  int n = list_py(dir, &names), failures = 0;
  cr_assert_geq(n, 40);
  VM *vm = new_vm();
  for (int i = 0; i < n; i++) {
    char path[1200], want_path[1200];
    snprintf(path, sizeof path, "%s/%s.py", dir, names[i]);
    snprintf(want_path, sizeof want_path, "%s/%s.ast", dir, names[i]);
    size_t len, wlen;
    char *src = slurp(path, &len), *want = slurp(want_path, &wlen);
    cr_assert_not_null(want, "missing %s", want_path);
    Arena *a = ast_arena_new(vm);
    SyntaxErrorInfo err;
    Mod *m = parse_source(vm, a, src, len, names[i], PARSE_FILE, &err);
    char *got = NULL;
    size_t glen = 0;
    FILE *f = open_memstream(&got, &glen);
    if (m) ast_dump(m, f);
    else parse_print_error(&err, names[i], f);
    fclose(f);
    if (strcmp(got, want)) {
      failures++;
      cr_log_error("AST mismatch for %s.py:\n--- got\n%s--- want\n%s", names[i], got, want);
    }
    free(got);
    free(want);
    free(src);
    ast_arena_free(a);
    free(names[i]);
  }
  free(names);
  free_vm(vm);
  cr_assert_eq(failures, 0, "%d AST goldens differ", failures);
}

Test(parse, syntax_error_corpus) {
  char dir[1024];
  area_dir(dir, sizeof dir, "syntax");
  char **names;
  int n = list_py(dir, &names), failures = 0, parsed = 0;
  cr_assert_geq(n, 40);
  VM *vm = new_vm();
  for (int i = 0; i < n; i++) {
    char path[1200], want_path[1200], fname[300];
    snprintf(path, sizeof path, "%s/%s.py", dir, names[i]);
    snprintf(want_path, sizeof want_path, "%s/%s.err", dir, names[i]);
    snprintf(fname, sizeof fname, "%s.py", names[i]);
    size_t len, wlen;
    char *src = slurp(path, &len), *want = slurp(want_path, &wlen);
    cr_assert_not_null(want, "missing %s", want_path);
    Arena *a = ast_arena_new(vm);
    SyntaxErrorInfo err;
    Mod *m = parse_source(vm, a, src, len, fname, PARSE_FILE, &err);
    char *got = NULL;
    size_t glen = 0;
    FILE *f = open_memstream(&got, &glen);
    if (!m) parse_print_error(&err, fname, f);
    fclose(f);
    /* a program the parser accepts fails in the symbol table or the compiler: its
       golden run (tests/golden.sh) and compile_test check it */
    if (m) parsed++;
    else if (strcmp(got, want)) {
      failures++;
      cr_log_error("error mismatch for %s:\n--- got\n%s--- want\n%s", fname, got, want);
    }
    free(got);
    free(want);
    free(src);
    ast_arena_free(a);
    free(names[i]);
  }
  free(names);
  free_vm(vm);
  cr_assert_eq(failures, 0, "%d syntax errors differ", failures);
  cr_expect_lt(parsed, n / 2, "%d of %d programs parsed", parsed, n);
}

/* ---- errors, field by field ------------------------------------------------------ */

typedef struct ErrCase {
  const char *src, *type, *msg;
  int lineno, col, end_col;     /* 1-based character offsets as SyntaxError has them */
} ErrCase;

static const ErrCase err_cases[] = {
  /* CPython's (type, msg, lineno, offset, end_offset) from compile(); where Kite
     records a different end it is noted: the printed caret is what matters and
     tests/py/syntax checks that */
  {"x = (1,\n2\n", "SyntaxError", "'(' was never closed", 1, 5, 5},          /* CPython end 0 */
  {"x = 1)\n", "SyntaxError", "unmatched ')'", 1, 6, 6},
  {"x = (1]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 7, 7},
  {"x = (1,\n2]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2, 2},
  {"if x\n  pass\n", "SyntaxError", "expected ':'", 1, 5, 6},                   /* CPython end 5 */
  {"x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 5},
  {"x = '\'\'a\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 5},
  {"print 'x'\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 10},
  {"x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5, 5},
  {"x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 6, 6},
  {"x = 0o8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 7, 7},
  {"x = 0b2\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 7, 7},
  {"x = 012\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 6},
  {"f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 4},
  {"x = f() = 1\n", "SyntaxError", "cannot assign to function call", 1, 5, 8},
  {"1 = x\n", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 2},
  {"(a, 1) = x\n", "SyntaxError", "cannot assign to literal", 1, 5, 6},
  {"del 1\n", "SyntaxError", "cannot delete literal", 1, 5, 6},
  {"True = 1\n", "SyntaxError", "cannot assign to True", 1, 1, 5},
  {"for f() in x: pass\n", "SyntaxError", "cannot assign to function call", 1, 5, 8},
  {"f(**a, *b)\n", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8, 9},
  {"def f(a=1, b): pass\n", "SyntaxError", "non-default argument follows default argument", 1, 12, 13},
  {"def f(a, a): pass\n", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10, 11},
  {"x = [1 2]\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6, 9},
  {"if x:\npass\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1, 1}, /* CPython end 5 */
  {"def f():\nreturn\n", "IndentationError", "expected an indented block after function definition on line 1", 2, 1, 1},
  {"x = 1\n  y = 2\n", "IndentationError", "unexpected indent", 2, 0, 0},      /* CPython 2, -1: no caret either way */
  {"try:\n  pass\nx = 1\n", "SyntaxError", "expected 'except' or 'finally' block", 3, 1, 2},
  {"x = = 1\n", "SyntaxError", "invalid syntax", 1, 5, 6},
  {"a, b += 1\n", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1, 5},
  {"x = 1\0\n", "SyntaxError", "source code cannot contain null bytes", 1, 0, 0},
  {"x = '\\N{DASH}'\n", "SyntaxError",
   "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name",
   1, 5, 15},                                                   /* CPython 15, 15 */
  {"x = '\\N'\n", "SyntaxError",
   "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape",
   1, 5, 9},                                                    /* CPython 9, 9 */
  /* an unclosed bracket beats "forgot a comma" when the parser's lookahead reached
     the end of input or a later line */
  {"x = (a b\n", "SyntaxError", "'(' was never closed", 1, 5, 5},  /* CPython end 0 */
  {"foo(1, 2 3\nprint(x)\n", "SyntaxError", "'(' was never closed", 1, 4, 4},
  {"x = [1, 2, 3\ny = 2\n", "SyntaxError", "'[' was never closed", 1, 5, 5},
  {"x = (a b c d\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6, 9},
  {"x = [1, (2) 3]\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 10, 14},
  {"x = 5 if 3\n", "SyntaxError", "expected 'else' after 'if' expression", 1, 5, 11},
  {"x = a.b[1] if (c and d)\n", "SyntaxError", "expected 'else' after 'if' expression", 1, 5, 23},
  {"x = 5 if 3:\n", "SyntaxError", "invalid syntax", 1, 11, 12},
  {"x = 1 + \\\n", "SyntaxError", "unexpected EOF while parsing", 1, 10, 10},  /* CPython end -1 */
  {"\\\n", "SyntaxError", "unexpected EOF while parsing", 1, 0, 0},  /* CPython 2, -1: no caret either way */
  {"x = (1 + \\\n", "SyntaxError", "'(' was never closed", 1, 5, 5},
  {"try:\n  pass\n", "SyntaxError", "expected 'except' or 'finally' block", 2, 0, 0},  /* CPython 7, -1 */
  {"x = {1: 2, (3)}\n", "SyntaxError", "':' expected after dictionary key", 1, 13, 14},  /* CPython end 0 */
  {"x = {1: 2, 3: }\n", "SyntaxError", "expression expected after dictionary key and ':'", 1, 13, 14},
};

Test(parse, error_fields) {
  VM *vm = new_vm();
  for (size_t i = 0; i < sizeof err_cases / sizeof err_cases[0]; i++) {
    const ErrCase *c = &err_cases[i];
    Arena *a = ast_arena_new(vm);
    SyntaxErrorInfo err;
    size_t len = strlen(c->src);
    if (strstr(c->msg ? c->msg : "", "null bytes")) len = 7;
    Mod *m = parse_source(vm, a, c->src, len, "t.py", PARSE_FILE, &err);
    cr_expect_null(m, "case %zu parsed: %s", i, c->src);
    if (!m) {
      cr_expect_str_eq(err.type, c->type, "case %zu", i);
      if (c->msg) cr_expect_str_eq(err.msg, c->msg, "case %zu", i);
      cr_expect_eq(err.lineno, c->lineno, "case %zu (%s): line %d", i, err.msg, err.lineno);
      cr_expect_eq(err.col_offset, c->col, "case %zu (%s): col %d", i, err.msg, err.col_offset);
      cr_expect_eq(err.end_col_offset, c->end_col, "case %zu (%s): end col %d", i, err.msg, err.end_col_offset);
    }
    ast_arena_free(a);
  }
  free_vm(vm);
}

Test(parse, incomplete_input_for_repl) {
  VM *vm = new_vm();
  const char *inc[] = {"if x:\n", "x = (1,\n", "s = '''abc\n", "def f():\n"};
  for (size_t i = 0; i < 4; i++) {
    Arena *a = ast_arena_new(vm);
    SyntaxErrorInfo err;
    cr_expect_null(parse_source(vm, a, inc[i], strlen(inc[i]), "<stdin>", PARSE_SINGLE, &err));
    cr_expect(err.incomplete, "%s should be incomplete (%s)", inc[i], err.msg);
    ast_arena_free(a);
  }
  Arena *a = ast_arena_new(vm);
  SyntaxErrorInfo err;
  cr_expect_null(parse_source(vm, a, "x = = 1\n", 8, "<stdin>", PARSE_SINGLE, &err));
  cr_expect(!err.incomplete);
  ast_arena_free(a);
  free_vm(vm);
}

Test(parse, eval_and_single_modes) {
  VM *vm = new_vm();
  Arena *a = ast_arena_new(vm);
  SyntaxErrorInfo err;
  Mod *m = parse_source(vm, a, "1 + 2", 5, "<string>", PARSE_EVAL, &err);
  cr_assert_not_null(m, "%s", err.msg);
  cr_expect_eq(m->kind, MOD_EXPRESSION);
  cr_expect_eq(m->v.Expression.body->kind, EXPR_BINOP);
  m = parse_source(vm, a, "x = 1\n", 6, "<stdin>", PARSE_SINGLE, &err);
  cr_assert_not_null(m, "%s", err.msg);
  cr_expect_eq(m->kind, MOD_INTERACTIVE);
  cr_expect_eq(m->v.Interactive.body.count, 1);
  ast_arena_free(a);
  free_vm(vm);
}

Test(parse, nesting_limits) {
  VM *vm = new_vm();
  char buf[1000];
  for (int depth = 199; depth <= 201; depth++) {
    int n = 0;
    n += sprintf(buf + n, "x = ");
    for (int i = 0; i < depth; i++) buf[n++] = '(';
    buf[n++] = '1';
    for (int i = 0; i < depth; i++) buf[n++] = ')';
    buf[n++] = '\n';
    Arena *a = ast_arena_new(vm);
    SyntaxErrorInfo err;
    Mod *m = parse_source(vm, a, buf, (size_t)n, "t.py", PARSE_FILE, &err);
    if (depth <= 200) cr_expect_not_null(m, "depth %d: %s", depth, err.msg);
    else cr_expect_str_eq(err.msg, "too many nested parentheses");
    ast_arena_free(a);
  }
  free_vm(vm);
}

/* xorshift: deterministic and stateless outside the test */
static unsigned rnd(unsigned *s) {
  *s ^= *s << 13;
  *s ^= *s >> 17;
  *s ^= *s << 5;
  return *s;
}

Test(parse, random_bytes_never_crash) {
  VM *vm = new_vm();
  unsigned seed = 12345;
  char buf[256];
  for (int it = 0; it < 3000; it++) {
    size_t n = rnd(&seed) % sizeof buf;
    for (size_t i = 0; i < n; i++) buf[i] = (char)(rnd(&seed) & (it % 2 ? 0x7F : 0xFF));
    Arena *a = ast_arena_new(vm);
    SyntaxErrorInfo err;
    Mod *m = parse_source(vm, a, buf, n, "r.py", PARSE_FILE, &err);
    if (m) {
      char *out = NULL;
      size_t olen = 0;
      FILE *f = open_memstream(&out, &olen);
      ast_dump(m, f);
      fclose(f);
      free(out);
    } else {
      cr_assert_not_null(err.type);
    }
    ast_arena_free(a);
  }
  free_vm(vm);
}

Test(parse, token_soup_never_crashes) {
  static const char *const toks[] = {
    "x", "1", "'s'", "f'{x}'", "(", ")", "[", "]", "{", "}", ":", ",", ";", "+", "-", "*",
    "**", "/", "//", "=", "==", ":=", "->", ".", "...", "@", "lambda", "if", "else", "elif",
    "for", "in", "not", "is", "and", "or", "def", "class", "return", "yield", "from",
    "import", "as", "with", "try", "except", "finally", "while", "del", "pass", "global",
    "\n", "\n    ", "\n\t", " ", "#c\n", "\\\n", "0x1", "1.5e3", "3j", "None", "True"};
  VM *vm = new_vm();
  unsigned seed = 777;
  char buf[2048];
  for (int it = 0; it < 4000; it++) {
    size_t n = 0;
    int count = (int)(rnd(&seed) % 60);
    for (int i = 0; i < count; i++) {
      const char *t = toks[rnd(&seed) % (sizeof toks / sizeof toks[0])];
      size_t l = strlen(t);
      memcpy(buf + n, t, l);
      n += l;
      buf[n++] = ' ';
    }
    Arena *a = ast_arena_new(vm);
    SyntaxErrorInfo err;
    Mod *m = parse_source(vm, a, buf, n, "s.py", PARSE_FILE, &err);
    if (m) {
      char *out = NULL;
      size_t olen = 0;
      FILE *f = open_memstream(&out, &olen);
      ast_dump(m, f);
      fclose(f);
      free(out);
    } else {
      FILE *f = fopen("/dev/null", "w");
      parse_print_error(&err, "s.py", f);
      fclose(f);
    }
    ast_arena_free(a);
  }
  free_vm(vm);
}

/* The body of a golden Module dump, without the Module(body=[ ... ]) frame; NULL for
   an empty module. */
static char *golden_body(const char *dump) {
  static const char head[] = "Module(\n  body=[\n", tail[] = "],\n  type_ignores=[])\n";
  size_t n = strlen(dump);
  if (strncmp(dump, head, sizeof head - 1) || n < sizeof head - 1 + sizeof tail - 1) return NULL;
  return strndup(dump + sizeof head - 1, n - (sizeof head - 1) - (sizeof tail - 1));
}

/* Regression: large inputs once came back corrupted (a `print(1+2)` dumped as
   `True + 1`, later statements lost) although each part parsed alone, because token
   text and positions were kept across growth of the token array. Every AST golden is
   concatenated, in rotated orders, into one module of ~60k tokens (the token array,
   the arena and the f-string sub-parsers all grow several times); the dump must be
   the goldens' bodies joined in the same order. */
Test(parse, large_concatenation_matches_parts) {
  char dir[1024];
  area_dir(dir, sizeof dir, "ast");
  char **names;
  int n = list_py(dir, &names);
  char **srcs = calloc((size_t)n, sizeof *srcs), **bodies = calloc((size_t)n, sizeof *bodies);
  size_t *lens = calloc((size_t)n, sizeof *lens);
  for (int i = 0; i < n; i++) {
    char path[1200];
    size_t wlen;
    snprintf(path, sizeof path, "%s/%s.ast", dir, names[i]);
    char *want = slurp(path, &wlen);
    bodies[i] = want ? golden_body(want) : NULL;
    free(want);
    if (!bodies[i]) continue;
    snprintf(path, sizeof path, "%s/%s.py", dir, names[i]);
    srcs[i] = slurp(path, &lens[i]);
  }
  VM *vm = new_vm();
  char *src = NULL, *want = NULL;
  size_t slen = 0, wlen = 0;
  for (int rot = 0; rot < 8; rot++) {
    FILE *fs = open_memstream(&src, &slen), *fw = open_memstream(&want, &wlen);
    fputs("Module(\n  body=[\n", fw);
    int first = 1;
    for (int rep = 0; rep < 4; rep++)
      for (int j = 0; j < n; j++) {
        int i = (j * (rot + 1) + rot) % n;   /* a different order each round */
        if (!bodies[i]) continue;
        fwrite(srcs[i], 1, lens[i], fs);
        fputs("\n\nprint(1+2)\n", fs);
        fprintf(fw, "%s%s,\n", first ? "" : ",\n", bodies[i]);
        fputs("    Expr(\n      value=Call(\n        func=Name(id='print', ctx=Load()),\n"
              "        args=[\n          BinOp(\n            left=Constant(value=1),\n"
              "            op=Add(),\n            right=Constant(value=2))],\n"
              "        keywords=[]))", fw);
        first = 0;
      }
    fputs("],\n  type_ignores=[])\n", fw);
    fclose(fs);
    fclose(fw);
    Arena *a = ast_arena_new(vm);
    SyntaxErrorInfo err;
    Mod *m = parse_source(vm, a, src, slen, "big.py", PARSE_FILE, &err);
    cr_assert_not_null(m, "rotation %d: %s at line %d", rot, err.msg, err.lineno);
    char *got = NULL;
    size_t glen = 0;
    FILE *f = open_memstream(&got, &glen);
    ast_dump(m, f);
    fclose(f);
    cr_expect(glen == wlen && !memcmp(got, want, wlen), "rotation %d: dump differs", rot);
    free(got);
    ast_arena_free(a);
    free(src);
    free(want);
  }
  free_vm(vm);
  for (int i = 0; i < n; i++) free(srcs[i]), free(bodies[i]), free(names[i]);
  free(srcs);
  free(bodies);
  free(lens);
  free(names);
}
