/*
 * lex: logical lines, INDENT/DEDENT and brackets around the raw re2c scanner.
 *
 * State machine (STYLE item 34, after MicroPython lexer.c:722-767): `at_line_start`
 * says the next token begins a logical line; the indent stacks start at [0]; a
 * signed `pending` counter holds queued INDENTs (>0) or DEDENTs (<0), drained before
 * the scanner is called again, with no rewinding; `depth` counts open brackets, and
 * newlines inside brackets are plain whitespace (implicit line joining).
 *
 * Indentation is measured twice, as CPython's tokenizer does: tabs to the next
 * multiple of 8 (`indents`) and tabs as one column (`alt_indents`). When the two
 * measures disagree about the order of two lines, the indentation depends on the
 * tab size and that is a TabError.
 *
 * End of input: lex_prepare guarantees a final "\n", so the last logical line ends
 * with a real NEWLINE; then one DEDENT per open level and ENDMARKER. End of input
 * inside brackets is CPython's "'(' was never closed", reported at the bracket.
 */
#include <stdio.h>
#include <string.h>

#include "lexer/lex.h"
#include "parser/ast.h"   /* for ast_alloc() (the prepared buffer lives in the arena) */

static const char *const kind_names[] = {
#define LEX_NAME_(n, s) s,
  LEX_TOKENS(LEX_NAME_)
#undef LEX_NAME_
};

const char *lex_kind_name(int kind) {
  return kind >= 0 && kind < LEX__COUNT ? kind_names[kind] : "?";
}

void lex_line_bounds(const char *buf, const char *p, const char **start, const char **end) {
  const char *a = p, *b = p;
  while (a > buf && a[-1] != '\n') a--;
  while (*b && *b != '\n') b++;
  *start = a;
  *end = b;
}

/* ---- input preparation ------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at p (1..4), or 0 if invalid. */
static int utf8_len(const unsigned char *p, const unsigned char *end) {
  unsigned c = p[0];
  if (c < 0x80) return 1;
  int n;
  unsigned min;
  if (c >= 0xC2 && c <= 0xDF) n = 2, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF) n = 3, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, min = 0x10000;
  else return 0;
  if (end - p < n) return 0;
  unsigned cp = c & (0x7F >> n);
  for (int i = 1; i < n; i++) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

char *lex_prepare(Arena *a, const char *src, size_t len, size_t *out_len, LexError *err) {
  const unsigned char *p = (const unsigned char *)src, *end = p + len;
  if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) p += 3;
  int line = 1;
  /* Validate first: CPython reports these before anything else. */
  for (const unsigned char *q = p; q < end;) {
    if (*q == 0) {
      err->type = "SyntaxError";
      snprintf(err->msg, sizeof err->msg, "source code cannot contain null bytes");
      err->lineno = err->end_lineno = line;
      err->offset = err->end_offset = 0;
      return NULL;
    }
    if (*q == '\n' || (*q == '\r' && !(q + 1 < end && q[1] == '\n'))) line++;
    int n = utf8_len(q, end);
    if (!n) {
      err->type = "SyntaxError";
      snprintf(err->msg, sizeof err->msg, "\\x%02x", *q);   /* parse.c words it */
      err->lineno = err->end_lineno = line;
      err->offset = err->end_offset = -1;                  /* marks a decode error */
      return NULL;
    }
    q += n;
  }
  char *buf = ast_alloc(a, (size_t)(end - p) + 2);
  if (!buf) {
    err->type = NULL;
    return NULL;
  }
  char *o = buf;
  for (const unsigned char *q = p; q < end; q++) {
    if (*q == '\r') {
      *o++ = '\n';
      if (q + 1 < end && q[1] == '\n') q++;
    } else {
      *o++ = (char)*q;
    }
  }
  if (o > buf && o[-1] != '\n') *o++ = '\n';   /* the tokenizer adds a last newline */
  *o = 0;
  *out_len = (size_t)(o - buf);
  return buf;
}

/* ---- the state machine ---------------------------------------------------------- */

void lex_init(Lexer *lx, const char *buf, size_t len, int interactive) {
  memset(lx, 0, sizeof *lx);
  lx->s.buf = lx->s.cur = lx->s.tok = lx->s.line_start = buf;
  lx->s.lim = buf + len;
  lx->s.lineno = 1;
  lx->at_line_start = 1;
  lx->last_kind = LEX_NEWLINE;
  lx->interactive = interactive;
}

static int error(Lexer *lx, Token *t, const char *type, int lineno, int offset,
                 int end_offset, const char *msg) {
  LexError *e = &lx->s.err;
  e->type = type;
  snprintf(e->msg, sizeof e->msg, "%s", msg);
  e->lineno = e->end_lineno = lineno;
  e->offset = offset;
  e->end_offset = end_offset;
  lx->failed = 1;
  t->kind = LEX_ERRORTOKEN;
  return LEX_ERRORTOKEN;
}

/* A zero-width token at p (INDENT, DEDENT, ENDMARKER). */
static int synth(Lexer *lx, Token *t, int kind, const char *p) {
  t->kind = kind;
  t->flags = 0;
  t->start = p;
  t->len = 0;
  t->lineno = t->end_lineno = lx->s.lineno;
  t->col = t->end_col = (int)(p - lx->s.line_start);
  lx->last_kind = kind;
  return kind;
}

/* Measure the indentation of the line at s->cur; skip blank and comment-only lines.
   Returns 0 on success (pending updated), or LEX_ERRORTOKEN. */
static int indentation(Lexer *lx, Token *t) {
  Scanner *s = &lx->s;
  for (;;) {
    int col = 0, alt = 0;
    const char *p = s->cur;
    for (;; p++) {
      if (*p == ' ') col++, alt++;
      else if (*p == '\t') col = (col / 8 + 1) * 8, alt++;
      else if (*p == '\f') col = alt = 0;
      else break;
    }
    if (*p == '#' || *p == '\n') {          /* blank or comment-only line */
      while (*p != '\n' && *p) p++;
      if (*p == '\n') {
        s->cur = p + 1;
        s->lineno++;
        s->line_start = s->cur;
        continue;
      }
      s->cur = p;
      return 0;
    }
    s->cur = p;
    if (*p == 0) return 0;                  /* end of input: handled by the caller */
    int top = lx->indent_top;
    if (col == lx->indents[top]) {
      if (alt != lx->alt_indents[top]) goto tab_error;
    } else if (col > lx->indents[top]) {
      if (top + 1 >= LEX_MAX_INDENT)
        return error(lx, t, "IndentationError", s->lineno, 0, 0, "too many levels of indentation");
      if (alt <= lx->alt_indents[top]) goto tab_error;
      lx->indent_top++;
      lx->indents[top + 1] = col;
      lx->alt_indents[top + 1] = alt;
      lx->pending = 1;
    } else {
      int n = 0;
      while (top > 0 && col < lx->indents[top]) top--, n++;
      if (col != lx->indents[top]) {
        /* CPython points past the end of the line */
        const char *eol = p;
        while (*eol && *eol != '\n') eol++;
        int off = (int)(eol - s->line_start) + 1;
        return error(lx, t, "IndentationError", s->lineno, off, off,
                     "unindent does not match any outer indentation level");
      }
      if (alt != lx->alt_indents[top]) goto tab_error;
      lx->indent_top = top;
      lx->pending = -n;
    }
    return 0;
  tab_error:
    return error(lx, t, "TabError", s->lineno, 0, 0,
                 "inconsistent use of tabs and spaces in indentation");
  }
}

static int bracket_error(Lexer *lx, Token *t, char close) {
  Scanner *s = &lx->s;
  char msg[160];
  int off = (int)(s->tok - s->line_start) + 1;
  if (lx->depth == 0) {
    snprintf(msg, sizeof msg, "unmatched '%c'", close);
  } else {
    char open = lx->brackets[lx->depth - 1].ch;
    int line = lx->brackets[lx->depth - 1].lineno;
    const char *name = "parenthesis";   /* CPython says so for all three kinds */
    if (line != s->lineno)
      snprintf(msg, sizeof msg, "closing %s '%c' does not match opening %s '%c' on line %d",
               name, close, name, open, line);
    else
      snprintf(msg, sizeof msg, "closing %s '%c' does not match opening %s '%c'",
               name, close, name, open);
  }
  return error(lx, t, "SyntaxError", s->lineno, off, off, msg);
}

/* End of input inside brackets: CPython's "'(' was never closed" at the innermost
   open bracket. */
static int unclosed(Lexer *lx, Token *t) {
  int d = lx->depth - 1;
  char msg[64];
  snprintf(msg, sizeof msg, "'%c' was never closed", lx->brackets[d].ch);
  error(lx, t, "SyntaxError", lx->brackets[d].lineno, lx->brackets[d].col + 1,
        lx->brackets[d].col + 1, msg);
  lx->s.err.unclosed = 1;
  return LEX_ERRORTOKEN;
}

int lex_next(Lexer *lx, Token *t) {
  Scanner *s = &lx->s;
  if (lx->failed) {
    t->kind = LEX_ERRORTOKEN;
    return LEX_ERRORTOKEN;
  }
  if (lx->at_line_start && lx->depth == 0 && !lx->pending) {
    lx->at_line_start = 0;
    if (indentation(lx, t) == LEX_ERRORTOKEN) return LEX_ERRORTOKEN;
  }
  if (lx->pending > 0) {
    lx->pending--;
    return synth(lx, t, LEX_INDENT, s->cur);
  }
  if (lx->pending < 0) {
    lx->pending++;
    return synth(lx, t, LEX_DEDENT, s->cur);
  }
  for (;;) {
    int k = scan_next(s);
    t->flags = 0;
    t->start = s->tok;
    t->len = (int)(s->cur - s->tok);
    t->lineno = s->tok_lineno;
    t->col = (int)(s->tok - s->tok_line_start);
    t->end_lineno = s->lineno;
    t->end_col = (int)(s->cur - s->line_start);
    switch (k) {
    case SCAN_NL:
      if (lx->depth > 0) continue;
      lx->at_line_start = 1;
      t->kind = LEX_NEWLINE;
      t->end_lineno = t->lineno;
      t->end_col = t->col + 1;
      lx->last_kind = LEX_NEWLINE;
      return LEX_NEWLINE;
    case SCAN_EOF:
      if (lx->depth > 0) return unclosed(lx, t);
      if (lx->last_kind != LEX_NEWLINE && lx->last_kind != LEX_DEDENT &&
          lx->last_kind != LEX_INDENT) {
        /* Only reachable for empty trailing input; lex_prepare adds the "\n". */
        lx->last_kind = LEX_NEWLINE;
        return synth(lx, t, LEX_NEWLINE, s->cur);
      }
      if (lx->indent_top > 0) {
        lx->indent_top--;
        return synth(lx, t, LEX_DEDENT, s->cur);
      }
      return synth(lx, t, LEX_ENDMARKER, s->cur);
    case SCAN_ERROR:
      /* a continuation at EOF inside brackets: the bracket is what CPython reports */
      if (lx->depth > 0 && !strcmp(s->err.msg, "unexpected EOF while parsing")) return unclosed(lx, t);
      lx->failed = 1;
      t->kind = LEX_ERRORTOKEN;
      return LEX_ERRORTOKEN;
    case LEX_LPAR: case LEX_LSQB: case LEX_LBRACE:
      if (lx->depth >= LEX_MAX_LEVEL) {
        int off = (int)(s->tok - s->line_start) + 1;
        return error(lx, t, "SyntaxError", s->lineno, off, off, "too many nested parentheses");
      }
      lx->brackets[lx->depth].ch = *s->tok;
      lx->brackets[lx->depth].lineno = s->lineno;
      lx->brackets[lx->depth].col = (int)(s->tok - s->line_start);
      lx->depth++;
      break;
    case LEX_RPAR: case LEX_RSQB: case LEX_RBRACE: {
      char want = k == LEX_RPAR ? '(' : k == LEX_RSQB ? '[' : '{';
      if (lx->depth == 0 || lx->brackets[lx->depth - 1].ch != want)
        return bracket_error(lx, t, *s->tok);
      lx->depth--;
      break;
    }
    case LEX_STRING:
      t->flags = s->str_flags;
      break;
    default:
      break;
    }
    t->kind = k;
    lx->last_kind = k;
    return k;
  }
}
