/*
 * parse: the token loop and CPython-compatible SyntaxError reporting.
 *
 * parse_source() owns the loop (STYLE item 31, after SQLite's tokenize.c): it feeds
 * a MODE_ token selecting the start rule, then every token from lex_next(), then
 * 0. Tokens are appended to Parser.toks; the engine's minor values are indexes into
 * it, so constructors can look at neighbouring tokens (strings are concatenated by
 * looking forward, a call's '(' is found by looking back).
 *
 * On failure the rest of the input is still tokenized, because CPython 3.11 lets a
 * tokenizer error anywhere in the file win over a parser error (an unclosed bracket
 * wins only when it was opened on an earlier line). The generic message is then
 * refined by looking at the tokens around the failure, the way CPython's second
 * "invalid_" pass does: missing ':', missing indented block, missing comma inside
 * brackets, Python 2 print, missing except/finally.
 *
 * F-string replacement fields are parsed by a nested Parser over "(" expr ")" whose
 * tokens are moved to the field's position in the file (parse_fstring_expr).
 */
#include <stdarg.h>
#include <string.h>

#include "parser/parse.h"
#include "gc/heap.h"     /* for heap_alloc(): engine and token array */
#include "grammar.h"     /* generated: TK_ token numbers */

/* LexKind -> Lemon terminal */
static const unsigned char tk_of_lex[LEX__COUNT] = {
#define TK_MAP_(n, s) [LEX_##n] = TK_##n,
  LEX_TOKENS(TK_MAP_)
#undef TK_MAP_
};

/* ==== errors ===================================================================== */

/* Characters in the first `bytes` bytes of a UTF-8 line. */
static int char_count(const char *line, int bytes) {
  int n = 0;
  for (int i = 0; i < bytes && line[i]; i++)
    if (((unsigned char)line[i] & 0xC0) != 0x80) n++;
  return n;
}

/* Fill err's location and text from the root buffer. Byte columns are 0-based;
   col < 0 leaves the offsets 0 (no caret). */
static void set_location(Parser *p, int lineno, int col, int end_lineno, int end_col) {
  Parser *r = p->root;
  SyntaxErrorInfo *e = p->err;
  e->lineno = lineno;
  e->end_lineno = end_lineno;
  e->text[0] = 0;
  const char *s = r->buf;
  if (!s || lineno < 1) return;
  for (int l = 1; l < lineno && *s; s++)
    if (*s == '\n') l++;
  const char *eol = s;
  while (*eol && *eol != '\n') eol++;
  size_t n = (size_t)(eol - s);
  if (n >= sizeof e->text) n = sizeof e->text - 1;
  memcpy(e->text, s, n);
  e->text[n] = 0;
  if (col < 0) {
    e->col_offset = e->end_col_offset = 0;
    return;
  }
  e->col_offset = char_count(s, col) + 1;
  if (end_lineno == lineno) {
    e->end_col_offset = char_count(s, end_col) + 1;
  } else {
    /* a multi-line span: locate the end line to convert its column */
    const char *t = s;
    for (int l = lineno; l < end_lineno && *t; t++)
      if (*t == '\n') l++;
    e->end_col_offset = char_count(t, end_col) + 1;
  }
}

void parse_error(Parser *p, const char *type, int lineno, int col, int end_lineno, int end_col,
                 const char *fmt, ...) {
  if (p->failed) return;
  p->failed = 1;
  if (p->root != p) p->root->failed = 1;
  SyntaxErrorInfo *e = p->err;
  e->type = type ? type : "SyntaxError";
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->msg, sizeof e->msg, fmt, ap);
  va_end(ap);
  set_location(p, lineno, col, end_lineno, end_col);
}

void parse_error_loc(Parser *p, Loc l, const char *fmt, ...) {
  if (p->failed) return;
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (p->fdepth && strncmp(msg, "f-string", 8) != 0) {
    char m2[256];
    snprintf(m2, sizeof m2, "f-string: %.240s", msg);
    parse_error(p, NULL, l.lineno, l.col_offset, l.end_lineno, l.end_col_offset, "%s", m2);
    return;
  }
  parse_error(p, NULL, l.lineno, l.col_offset, l.end_lineno, l.end_col_offset, "%s", msg);
}

/* Record a lexer error (offsets are 1-based bytes; end 0 = same as start). */
static void lex_error(Parser *p, const LexError *le) {
  int off = le->offset > 0 ? le->offset - 1 : -1;
  int end = le->end_offset > 0 ? le->end_offset - 1 : off;
  if (le->offset == 0) off = end = -1;
  parse_error(p, le->type, le->lineno, off, le->end_lineno, end, "%s", le->msg);
  if (le->offset == 0 && le->lineno) {
    /* CPython reports these at offset 1 with no caret after whitespace stripping
       only when the line is indented; keep offset 1 as it does */
    p->err->col_offset = p->err->end_col_offset = 0;
  }
  if (off < 0 && le->offset != 0) p->err->col_offset = p->err->end_col_offset = 0;
}

void parse_stack_overflow(Parser *p) {
  Token *t = &p->toks[p->ntoks - 1];
  parse_error(p, NULL, t->lineno, t->col, t->end_lineno, t->end_col, "too many nested parentheses");
}

void parse_syntax_error(Parser *p, int major) {
  if (p->syntax_tok >= 0) return;
  p->syntax_tok = p->ntoks - 1;
  p->expect_colon = parse_engine_expects(p->engine, TK_COLON);
  p->expect_indent = parse_engine_expects(p->engine, TK_INDENT);
  p->expect_except = parse_engine_expects(p->engine, TK_KW_EXCEPT);
  p->expect_else = parse_engine_expects(p->engine, TK_KW_ELSE);
  (void)major;
}

static int starts_expr(int k) {
  switch (k) {
  case LEX_NAME: case LEX_NUMBER: case LEX_STRING: case LEX_LPAR: case LEX_LSQB:
  case LEX_LBRACE: case LEX_KW_NONE: case LEX_KW_TRUE: case LEX_KW_FALSE:
  case LEX_ELLIPSIS: case LEX_TILDE: case LEX_KW_LAMBDA: case LEX_KW_NOT:
    return 1;
  }
  return 0;
}
static int ends_expr(int k) {
  switch (k) {
  case LEX_NAME: case LEX_NUMBER: case LEX_STRING: case LEX_RPAR: case LEX_RSQB:
  case LEX_RBRACE: case LEX_KW_NONE: case LEX_KW_TRUE: case LEX_KW_FALSE:
  case LEX_ELLIPSIS:
    return 1;
  }
  return 0;
}

/* First token of the logical line containing token i. */
static int line_start_tok(Parser *p, int i) {
  int depth = 0;
  while (i > 0) {
    int k = p->toks[i - 1].kind;
    if (depth == 0 && (k == LEX_NEWLINE || k == LEX_INDENT || k == LEX_DEDENT || k == LEX_SEMI)) break;
    if (k == LEX_RPAR || k == LEX_RSQB || k == LEX_RBRACE) depth++;
    if (k == LEX_LPAR || k == LEX_LSQB || k == LEX_LBRACE) depth--;
    i--;
  }
  return i;
}

static const char *block_name(int k) {
  switch (k) {
  case LEX_KW_IF: return "'if' statement";
  case LEX_KW_ELIF: return "'elif' statement";
  case LEX_KW_ELSE: return "'else' statement";
  case LEX_KW_WHILE: return "'while' statement";
  case LEX_KW_FOR: return "'for' statement";
  case LEX_KW_WITH: return "'with' statement";
  case LEX_KW_TRY: return "'try' statement";
  case LEX_KW_EXCEPT: return "'except' statement";
  case LEX_KW_FINALLY: return "'finally' statement";
  case LEX_KW_DEF: return "function definition";
  case LEX_KW_CLASS: return "class definition";
  }
  return NULL;
}

static int is_open(int k) { return k == LEX_LPAR || k == LEX_LSQB || k == LEX_LBRACE; }
static int is_close(int k) { return k == LEX_RPAR || k == LEX_RSQB || k == LEX_RBRACE; }

/* The bracket matching the closing one at token c (or c if unmatched). */
static int matching_open(Parser *p, int c) {
  int d = 0;
  for (int j = c; j >= 0; j--) {
    d += is_close(p->toks[j].kind) - is_open(p->toks[j].kind);
    if (d == 0) return j;
  }
  return c;
}

/* Tokens open..close are "(" expr ")" around a single expression (no call, tuple,
   generator or yield), whose AST node excludes the parentheses. */
static int paren_group(Parser *p, int open, int close) {
  if (p->toks[open].kind != LEX_LPAR || p->toks[close].kind != LEX_RPAR || close - open < 2) return 0;
  if (open > 0 && ends_expr(p->toks[open - 1].kind)) return 0;   /* a call */
  if (matching_open(p, close) != open) return 0;                  /* (a) + (b) */
  int d = 0;
  for (int j = open + 1; j < close; j++) {
    int k = p->toks[j].kind;
    d += is_open(k) - is_close(k);
    if (d == 0 && (k == LEX_COMMA || k == LEX_KW_FOR || k == LEX_KW_YIELD)) return 0;
  }
  return 1;
}

/* Last token of the node of an expression ending at token e (inside parentheses of
   a parenthesised group). */
static int node_end(Parser *p, int e) {
  while (p->toks[e].kind == LEX_RPAR && paren_group(p, matching_open(p, e), e)) e--;
  return e;
}

/* Token i sits directly inside braces that already hold a "key:" (a dict display). */
static int in_dict(Parser *p, int i) {
  int d = 0, colon = 0;
  for (int j = i - 1; j >= 0; j--) {
    int k = p->toks[j].kind;
    d += is_close(k) - is_open(k);
    if (d == 0 && k == LEX_COLON) colon = 1;
    if (d == 0 && k == LEX_KW_LAMBDA) return 0;
    if (d < 0) return k == LEX_LBRACE && colon;
  }
  return 0;
}

/* First token of the expression (a disjunction, roughly) that ends at token a. */
static int disjunction_start(Parser *p, int a) {
  int d = 0;
  while (a > 0) {
    int k = p->toks[a].kind;
    d += is_close(k) - is_open(k);
    if (d > 0) {   /* inside a bracketed part of the expression */
      a--;
      continue;
    }
    int pk = p->toks[a - 1].kind;
    if (is_open(pk) || pk == LEX_COMMA || pk == LEX_EQUAL || pk == LEX_COLON || pk == LEX_COLONEQUAL ||
        pk == LEX_KW_IF || pk == LEX_KW_ELSE || pk == LEX_KW_FOR || pk == LEX_KW_LAMBDA ||
        pk == LEX_KW_YIELD || pk == LEX_STAR || pk == LEX_DOUBLESTAR || pk == LEX_KW_RETURN ||
        pk == LEX_NEWLINE || pk == LEX_INDENT || pk == LEX_DEDENT || pk == LEX_SEMI)
      break;
    a--;
  }
  return a;
}

/* First token of the node of the expression starting at a and ending at e. */
static int node_start(Parser *p, int a, int e) {
  while (a < e && p->toks[a].kind == LEX_LPAR && paren_group(p, a, e)) a++, e--;
  return a;
}

/* Word the generic parser failure at token i the way CPython 3.11 does. */
static void explain(Parser *p, int i, int depth) {
  Token *t = &p->toks[i];
  Token *prev = i > 0 ? &p->toks[i - 1] : NULL;
  if (t->kind == LEX_INDENT) {
    parse_error(p, "IndentationError", t->lineno, -1, t->lineno, -1, "unexpected indent");
    return;
  }
  if (p->expect_indent && prev && prev->kind == LEX_NEWLINE) {
    /* find the header: the line ending in ':' before the NEWLINE */
    int s = line_start_tok(p, i - 1);
    int k = p->toks[s].kind;
    if (k == LEX_AT) {
      while (s < i && p->toks[s].kind != LEX_KW_DEF && p->toks[s].kind != LEX_KW_CLASS) s++;
      k = p->toks[s].kind;
    }
    const char *what = block_name(k);
    if (what) {
      if (t->kind == LEX_ENDMARKER || t->kind == LEX_DEDENT)   /* at end of input: no caret */
        parse_error(p, "IndentationError", prev->lineno, -1, prev->lineno, -1,
                    "expected an indented block after %s on line %d", what, p->toks[s].lineno);
      else
        parse_error(p, "IndentationError", t->lineno, t->col, t->lineno, t->col,
                    "expected an indented block after %s on line %d", what, p->toks[s].lineno);
      return;
    }
  }
  if (p->expect_except && !p->expect_colon) {
    if ((t->kind == LEX_ENDMARKER || t->kind == LEX_DEDENT) && t->len == 0 && t->lineno > 1)
      /* at EOF: CPython names the file's last line, without a caret */
      parse_error(p, NULL, t->lineno - 1, -1, t->lineno - 1, -1, "expected 'except' or 'finally' block");
    else
      parse_error(p, NULL, t->lineno, t->col, t->end_lineno, t->end_col,
                  "expected 'except' or 'finally' block");
    return;
  }
  if (p->expect_colon && t->kind == LEX_NEWLINE) {
    int s = line_start_tok(p, i);
    int k = p->toks[s].kind;
    if (block_name(k) || k == LEX_KW_LAMBDA) {
      if (k != LEX_KW_LAMBDA) {
        parse_error(p, NULL, t->lineno, t->col, t->end_lineno, t->end_col, "expected ':'");
        return;
      }
    }
  }
  if (prev && prev->kind == LEX_NAME && starts_expr(t->kind) && t->kind != LEX_LPAR &&
      ((prev->len == 5 && !memcmp(prev->start, "print", 5)) ||
       (prev->len == 4 && !memcmp(prev->start, "exec", 4))) &&
      line_start_tok(p, i - 1) == i - 1) {
    int e = i;
    while (e + 1 < p->ntoks && p->toks[e + 1].kind != LEX_NEWLINE && p->toks[e + 1].kind != LEX_SEMI &&
           p->toks[e + 1].kind != LEX_ENDMARKER)
      e++;
    parse_error(p, NULL, prev->lineno, prev->col, p->toks[e].end_lineno, p->toks[e].end_col,
                "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?", prev->len,
                prev->start, prev->len, prev->start);
    return;
  }
  if (prev && (t->kind == LEX_RBRACE || t->kind == LEX_COMMA) && in_dict(p, i)) {
    if (prev->kind == LEX_COLON) {
      parse_error(p, NULL, prev->lineno, prev->col, prev->end_lineno, prev->end_col,
                  "expression expected after dictionary key and ':'");
      return;
    }
    if (p->expect_colon && ends_expr(prev->kind)) {
      const Token *e = &p->toks[node_end(p, i - 1)];
      parse_error(p, NULL, e->end_lineno, e->end_col - 1, e->end_lineno, e->end_col,
                  "':' expected after dictionary key");
      return;
    }
  }
  if (p->expect_else && prev && ends_expr(prev->kind) && t->kind != LEX_COLON) {
    /* `a if b` without else: CPython spans a..b */
    int f = i - 1, d = 0;
    while (f > 0 && !(d == 0 && p->toks[f].kind == LEX_KW_IF)) {
      int k = p->toks[f].kind;
      if (k == LEX_RPAR || k == LEX_RSQB || k == LEX_RBRACE) d++;
      else if (k == LEX_LPAR || k == LEX_LSQB || k == LEX_LBRACE) d--;
      f--;
    }
    if (f > 0 && p->toks[f].kind == LEX_KW_IF) {
      int a = node_start(p, disjunction_start(p, f - 1), f - 1), b = node_end(p, i - 1);
      parse_error(p, NULL, p->toks[a].lineno, p->toks[a].col, p->toks[b].end_lineno, p->toks[b].end_col,
                  "expected 'else' after 'if' expression");
      return;
    }
  }
  if (depth > 0 && prev && ends_expr(prev->kind) && starts_expr(t->kind) &&
      !(prev->kind == LEX_NAME && t->kind == LEX_STRING)) {
    /* a = the disjunction ending at prev, b = the expression starting at t */
    int a = node_start(p, disjunction_start(p, i - 1), i - 1);
    int b = i, d = 0;
    while (b + 1 < p->ntoks) {
      int k = p->toks[b + 1].kind;
      if (k == LEX_LPAR || k == LEX_LSQB || k == LEX_LBRACE) d++;
      else if (k == LEX_RPAR || k == LEX_RSQB || k == LEX_RBRACE) { if (d == 0) break; d--; }
      else if (d == 0 && (k == LEX_COMMA || k == LEX_COLON || k == LEX_EQUAL || k == LEX_COLONEQUAL ||
                          k == LEX_KW_FOR || k == LEX_NEWLINE || k == LEX_ENDMARKER ||
                          (ends_expr(p->toks[b].kind) && starts_expr(k))))
        break;
      b++;
    }
    parse_error(p, NULL, p->toks[a].lineno, p->toks[a].col, p->toks[b].end_lineno, p->toks[b].end_col,
                "invalid syntax. Perhaps you forgot a comma?");
    p->comma_error = 1;
    return;
  }
  if (t->kind == LEX_ENDMARKER || (t->kind == LEX_NEWLINE && t->len == 0)) {
    parse_error(p, NULL, t->lineno, t->col, t->end_lineno, t->end_col, "unexpected EOF while parsing");
    return;
  }
  if (t->kind == LEX_DEDENT) {
    parse_error(p, "IndentationError", t->lineno, -1, t->lineno, -1, "unexpected unindent");
    return;
  }
  parse_error(p, NULL, t->lineno, t->col, t->end_lineno, t->end_col, "invalid syntax");
}

/* ==== the token loop ============================================================= */

static int push_token(Parser *p, const Token *t) {
  if (p->ntoks == p->cap) {
    int nc = p->cap ? p->cap * 2 : 256;
    Token *n = heap_realloc(p->vm, p->toks, (size_t)p->cap * sizeof *n, (size_t)nc * sizeof *n);
    if (!n) return 0;
    p->toks = n;
    p->cap = nc;
  }
  p->toks[p->ntoks++] = *t;
  return 1;
}

static void out_of_memory(Parser *p) {
  if (p->failed) return;
  p->failed = 1;
  p->root->failed = 1;
  p->err->type = "MemoryError";
  snprintf(p->err->msg, sizeof p->err->msg, "out of memory");
}

/* Run the engine over buf (prepared). Line/column shift applies to f-strings. */
static void run(Parser *p, const char *buf, size_t len, int mode_tok) {
  Lexer *lx = heap_alloc(p->vm, sizeof *lx);
  void *eng = heap_alloc(p->vm, parse_engine_size());
  if (!lx || !eng) {
    if (lx) heap_free(p->vm, lx, sizeof *lx);
    if (eng) heap_free(p->vm, eng, parse_engine_size());
    out_of_memory(p);
    return;
  }
  lex_init(lx, buf, len, p->mode == PARSE_SINGLE);
  parse_engineInit(eng, p);
  p->engine = eng;
  parse_engine(eng, mode_tok, -1);
  int bracket_depth = 0;
  for (;;) {
    Token t;
    int before = lx->depth;
    int k = lex_next(lx, &t);
    if (p->fdepth && k != LEX_ERRORTOKEN) {
      /* move the token from the "(expr)" buffer to the field's place in the file */
      if (t.lineno == 1) t.col += p->base_col;
      if (t.end_lineno == 1) t.end_col += p->base_col;
      t.lineno += p->base_lineno - 1;
      t.end_lineno += p->base_lineno - 1;
    }
    if (k == LEX_ERRORTOKEN && lx->failed) {
      LexError le = lx->s.err;
      if (p->fdepth) {
        if (le.lineno == 1) le.offset += p->base_col, le.end_offset += le.end_offset ? p->base_col : 0;
        le.lineno += p->base_lineno - 1;
        le.end_lineno += p->base_lineno - 1;
      }
      if (p->syntax_tok >= 0 && le.unclosed) {
        /* wins only if the bracket opened before the parser's error line (or before
           the token it looked ahead at) */
        if (le.lineno < p->toks[p->syntax_tok].lineno ||
            (p->comma_error && (!p->after_line || le.lineno < p->after_line))) {
          p->failed = 0;
          lex_error(p, &le);
        }
      } else if (p->syntax_tok < 0 || !p->failed) {
        lex_error(p, &le);
      } else if (!le.unclosed) {
        /* a tokenizer error later in the file replaces the parser's error */
        p->failed = 0;
        lex_error(p, &le);
      }
      break;
    }
    if (p->syntax_tok >= 0) {           /* parser failed: just scan for lexer errors */
      if (!p->after_line) p->after_line = t.lineno;
      if (k == LEX_ENDMARKER) break;
      continue;
    }
    if (!push_token(p, &t)) {
      out_of_memory(p);
      break;
    }
    bracket_depth = before;
    parse_engine(eng, tk_of_lex[k], p->ntoks - 1);
    if (p->syntax_tok >= 0 && !p->failed) {
      explain(p, p->syntax_tok, bracket_depth);
      /* keep the explanation but let later lexer errors override it */
      if (k == LEX_ENDMARKER) break;
      continue;
    }
    if (p->failed && p->syntax_tok < 0) {
      /* a constructor error: CPython would also have tokenized on */
      p->syntax_tok = p->ntoks - 1;
      continue;
    }
    if (k == LEX_ENDMARKER) {
      parse_engine(eng, 0, 0);
      break;
    }
  }
  parse_engineFinalize(eng);
  heap_free(p->vm, eng, parse_engine_size());
  heap_free(p->vm, lx, sizeof *lx);
  p->engine = NULL;
}

static void free_parser(Parser *p) {
  if (p->toks) heap_free(p->vm, p->toks, (size_t)p->cap * sizeof *p->toks);
  p->toks = NULL;
}

Expr *parse_fstring_expr(Parser *p, const char *text, size_t len, int lineno, int col) {
  if (p->failed) return NULL;
  if (p->fdepth >= 2) {
    parse_error(p, NULL, lineno, col, lineno, col + 1, "f-string: expressions nested too deeply");
    return NULL;
  }
  char *buf = ast_alloc(p->arena, len + 4);
  if (!buf) {
    out_of_memory(p);
    return NULL;
  }
  buf[0] = '(';
  memcpy(buf + 1, text, len);
  buf[len + 1] = ')';
  buf[len + 2] = '\n';
  buf[len + 3] = 0;
  Parser sub = {0};
  sub.vm = p->vm;
  sub.arena = p->arena;
  sub.root = p->root;
  sub.buf = buf;
  sub.mode = PARSE_EVAL;
  sub.err = p->err;
  sub.syntax_tok = -1;
  sub.fdepth = p->fdepth + 1;
  sub.base_lineno = lineno;
  sub.base_col = col;
  sub.filename = p->filename;
  run(&sub, buf, len + 3, TK_MODE_FSTRING);
  free_parser(&sub);
  if (sub.failed) {
    p->failed = 1;
    return NULL;
  }
  return sub.fresult;
}

Mod *parse_source(VM *vm, Arena *arena, const char *src, size_t len, const char *filename,
                  ParseMode mode, SyntaxErrorInfo *err) {
  memset(err, 0, sizeof *err);
  Parser p = {0};
  p.vm = vm;
  p.arena = arena;
  p.root = &p;
  p.mode = mode;
  p.err = err;
  p.syntax_tok = -1;
  p.filename = filename;
  LexError le = {0};
  size_t blen;
  char *buf = lex_prepare(arena, src, len, &blen, &le);
  if (!buf) {
    if (!le.type) {
      out_of_memory(&p);
      return NULL;
    }
    err->type = le.type;
    if (le.offset == -1) {
      /* invalid UTF-8: CPython's message for a file without a coding cookie */
      snprintf(err->msg, sizeof err->msg,
               "Non-UTF-8 code starting with '%.8s' in file %.80s on line %d, but no encoding "
               "declared; see https://peps.python.org/pep-0263/ for details",
               le.msg, filename ? filename : "<string>", le.lineno);
      return NULL;
    }
    snprintf(err->msg, sizeof err->msg, "%s", le.msg);
    err->lineno = err->end_lineno = le.lineno;
    /* the text up to the NUL, as CPython prints it */
    const char *s = src;
    const char *end = src + len;
    for (int l = 1; l < le.lineno && s < end; s++)
      if (*s == '\n') l++;
    size_t n = 0;
    while (s + n < end && s[n] && s[n] != '\n' && n < sizeof err->text - 1) n++;
    memcpy(err->text, s, n);
    err->text[n] = 0;
    return NULL;
  }
  p.buf = buf;
  int mode_tok = mode == PARSE_FILE ? TK_MODE_FILE : mode == PARSE_SINGLE ? TK_MODE_SINGLE : TK_MODE_EVAL;
  run(&p, buf, blen, mode_tok);
  if (!p.failed && !p.result) parse_error(&p, NULL, 1, 0, 1, 0, "invalid syntax");
  if (p.failed && p.syntax_tok >= 0 && p.syntax_tok < p.ntoks) {
    int k = p.toks[p.syntax_tok].kind;
    if (k == LEX_ENDMARKER || (k == LEX_DEDENT && p.toks[p.syntax_tok].len == 0 &&
                               p.syntax_tok + 1 >= p.ntoks))
      err->incomplete = 1;
  }
  if (p.failed && (strstr(err->msg, "unterminated triple-quoted") || strstr(err->msg, "was never closed") ||
                   !strcmp(err->msg, "unexpected EOF while parsing")))
    err->incomplete = 1;
  free_parser(&p);
  if (arena->failed && !p.failed) out_of_memory(&p);
  return p.failed ? NULL : p.result;
}

/* ==== printing =================================================================== */

void parse_print_error(const SyntaxErrorInfo *err, const char *filename, FILE *out) {
  if (err->lineno > 0) {
    fprintf(out, "  File \"%s\", line %d\n", filename ? filename : "<unknown>", err->lineno);
    /* pythonrun.c print_error_text */
    const char *text = err->text;
    long offset = err->col_offset, end_offset = err->end_col_offset;
    long line_size = (long)strlen(text) + 1;   /* CPython's text keeps its "\n" */
    if (err->end_lineno > err->lineno) end_offset = line_size;
    if (end_offset > line_size + 1) end_offset = line_size + 1;
    long reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') text++, offset--;
    long len = (long)strlen(text);
    if (offset > len) offset = len;
    fprintf(out, "    %s\n", text);
    if (offset >= 0 && err->col_offset > 0) {
      fputs("    ", out);
      while (--offset >= 0) fputc(' ', out);
      for (long i = 0; i < reps; i++) fputc('^', out);
      fputc('\n', out);
    }
  }
  fprintf(out, "%s: %s\n", err->type ? err->type : "SyntaxError", err->msg);
}
