/*
 * lex_test: tokens, INDENT/DEDENT and every lexical error, checked against what
 * CPython 3.11's tokenizer produces (kinds, positions, messages).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lex.h"

/* Lex src (NUL-terminated, "\n" line ends) into kinds; returns the count. */
static int lex_all(const char *src, int *kinds, int max, Lexer *lx) {
  lex_init(lx, src, strlen(src), 0);
  int n = 0;
  Token t;
  while (n < max) {
    int k = lex_next(lx, &t);
    kinds[n++] = k;
    if (k == LEX_ENDMARKER || k == LEX_ERRORTOKEN) break;
  }
  return n;
}

#define EXPECT_KINDS(src, ...)                                                   \
  do {                                                                           \
    static const int want_[] = {__VA_ARGS__};                                    \
    int got_[64];                                                                \
    Lexer lx_;                                                                   \
    int n_ = lex_all(src, got_, 64, &lx_);                                       \
    cr_assert_eq(n_, (int)(sizeof want_ / sizeof want_[0]), "%s: %d tokens", src, n_); \
    for (int i_ = 0; i_ < n_; i_++)                                              \
      cr_assert_eq(got_[i_], want_[i_], "%s: token %d is %s, want %s", src, i_,  \
                   lex_kind_name(got_[i_]), lex_kind_name(want_[i_]));           \
  } while (0)

Test(lex, every_operator) {
  const char *ops = "( ) [ ] { } : , ; + - * / | & < > = . % == != <= >= ~ ^ << >> ** += -= *= "
                    "/= %= &= |= ^= <<= >>= **= // //= @ @= -> ... := !\n";
  EXPECT_KINDS(ops, LEX_LPAR, LEX_RPAR, LEX_LSQB, LEX_RSQB, LEX_LBRACE, LEX_RBRACE, LEX_COLON,
               LEX_COMMA, LEX_SEMI, LEX_PLUS, LEX_MINUS, LEX_STAR, LEX_SLASH, LEX_VBAR, LEX_AMPER,
               LEX_LESS, LEX_GREATER, LEX_EQUAL, LEX_DOT, LEX_PERCENT, LEX_EQEQUAL, LEX_NOTEQUAL,
               LEX_LESSEQUAL, LEX_GREATEREQUAL, LEX_TILDE, LEX_CIRCUMFLEX, LEX_LEFTSHIFT,
               LEX_RIGHTSHIFT, LEX_DOUBLESTAR, LEX_PLUSEQUAL, LEX_MINEQUAL, LEX_STAREQUAL,
               LEX_SLASHEQUAL, LEX_PERCENTEQUAL, LEX_AMPEREQUAL, LEX_VBAREQUAL, LEX_CIRCUMFLEXEQUAL,
               LEX_LEFTSHIFTEQUAL, LEX_RIGHTSHIFTEQUAL, LEX_DOUBLESTAREQUAL, LEX_DOUBLESLASH,
               LEX_DOUBLESLASHEQUAL, LEX_AT, LEX_ATEQUAL, LEX_RARROW, LEX_ELLIPSIS, LEX_COLONEQUAL,
               LEX_EXCLAMATION, LEX_NEWLINE, LEX_ENDMARKER);
}

Test(lex, keywords_and_names) {
  EXPECT_KINDS("False None True and as assert async await break class continue def del elif else "
               "except finally for from global if import in is lambda nonlocal not or pass raise "
               "return try while with yield match case _ Truex café\n",
               LEX_KW_FALSE, LEX_KW_NONE, LEX_KW_TRUE, LEX_KW_AND, LEX_KW_AS, LEX_KW_ASSERT,
               LEX_KW_ASYNC, LEX_KW_AWAIT, LEX_KW_BREAK, LEX_KW_CLASS, LEX_KW_CONTINUE, LEX_KW_DEF,
               LEX_KW_DEL, LEX_KW_ELIF, LEX_KW_ELSE, LEX_KW_EXCEPT, LEX_KW_FINALLY, LEX_KW_FOR,
               LEX_KW_FROM, LEX_KW_GLOBAL, LEX_KW_IF, LEX_KW_IMPORT, LEX_KW_IN, LEX_KW_IS,
               LEX_KW_LAMBDA, LEX_KW_NONLOCAL, LEX_KW_NOT, LEX_KW_OR, LEX_KW_PASS, LEX_KW_RAISE,
               LEX_KW_RETURN, LEX_KW_TRY, LEX_KW_WHILE, LEX_KW_WITH, LEX_KW_YIELD, LEX_NAME,
               LEX_NAME, LEX_NAME, LEX_NAME, LEX_NAME, LEX_NEWLINE, LEX_ENDMARKER);
}

Test(lex, numbers) {
  EXPECT_KINDS("0 00 0_0 123 1_000 0x_ff 0o17 0b1_0 1.5 .5 5. 1e10 1E-5 1_0.0_1e+1_0 3j 1.5J 1if x\n",
               LEX_NUMBER, LEX_NUMBER, LEX_NUMBER, LEX_NUMBER, LEX_NUMBER, LEX_NUMBER, LEX_NUMBER,
               LEX_NUMBER, LEX_NUMBER, LEX_NUMBER, LEX_NUMBER, LEX_NUMBER, LEX_NUMBER, LEX_NUMBER,
               LEX_NUMBER, LEX_NUMBER, LEX_NUMBER, LEX_KW_IF, LEX_NAME, LEX_NEWLINE, LEX_ENDMARKER);
}

Test(lex, strings) {
  EXPECT_KINDS("'a' \"b\" '''c\n''' \"\"\"d\"\"\" r'\\' ' b'x' Rb'y' f'{x}' rF\"z\" u'w' 'a\\\nb'\n",
               LEX_STRING, LEX_STRING, LEX_STRING, LEX_STRING, LEX_STRING, LEX_STRING, LEX_STRING,
               LEX_STRING, LEX_STRING, LEX_STRING, LEX_STRING, LEX_NEWLINE, LEX_ENDMARKER);
  Lexer lx;
  Token t;
  lex_init(&lx, "x = rb'a' f\"\"\"b\"\"\"\n", 19, 0);
  lex_next(&lx, &t);
  lex_next(&lx, &t);
  cr_assert_eq(lex_next(&lx, &t), LEX_STRING);
  cr_assert_eq(t.flags, LEX_STR_RAW | LEX_STR_BYTES);
  cr_assert_eq(t.col, 4);
  cr_assert_eq(t.end_col, 9);
  cr_assert_eq(lex_next(&lx, &t), LEX_STRING);
  cr_assert_eq(t.flags, LEX_STR_F | LEX_STR_TRIPLE);
}

Test(lex, indent_dedent) {
  EXPECT_KINDS("if a:\n    b\n    if c:\n        d\ne\n", LEX_KW_IF, LEX_NAME, LEX_COLON,
               LEX_NEWLINE, LEX_INDENT, LEX_NAME, LEX_NEWLINE, LEX_KW_IF, LEX_NAME, LEX_COLON,
               LEX_NEWLINE, LEX_INDENT, LEX_NAME, LEX_NEWLINE, LEX_DEDENT, LEX_DEDENT, LEX_NAME,
               LEX_NEWLINE, LEX_ENDMARKER);
}

Test(lex, dedent_at_eof) {
  EXPECT_KINDS("if a:\n  if b:\n    c\n", LEX_KW_IF, LEX_NAME, LEX_COLON, LEX_NEWLINE, LEX_INDENT,
               LEX_KW_IF, LEX_NAME, LEX_COLON, LEX_NEWLINE, LEX_INDENT, LEX_NAME, LEX_NEWLINE,
               LEX_DEDENT, LEX_DEDENT, LEX_ENDMARKER);
}

Test(lex, blank_and_comment_lines_are_ignored) {
  EXPECT_KINDS("# c\n\nif a:\n\n    # deep comment\n        \n    b # t\n  # odd\nc\n", LEX_KW_IF,
               LEX_NAME, LEX_COLON, LEX_NEWLINE, LEX_INDENT, LEX_NAME, LEX_NEWLINE, LEX_DEDENT,
               LEX_NAME, LEX_NEWLINE, LEX_ENDMARKER);
}

Test(lex, brackets_join_lines) {
  EXPECT_KINDS("x = (1,\n  2,\n\n 3)\ny = [\n]\nz = 1 + \\\n  2\n", LEX_NAME, LEX_EQUAL, LEX_LPAR,
               LEX_NUMBER, LEX_COMMA, LEX_NUMBER, LEX_COMMA, LEX_NUMBER, LEX_RPAR, LEX_NEWLINE,
               LEX_NAME, LEX_EQUAL, LEX_LSQB, LEX_RSQB, LEX_NEWLINE, LEX_NAME, LEX_EQUAL,
               LEX_NUMBER, LEX_PLUS, LEX_NUMBER, LEX_NEWLINE, LEX_ENDMARKER);
}

Test(lex, tabs_count_to_multiples_of_eight) {
  EXPECT_KINDS("if a:\n\tb\n\tc\n", LEX_KW_IF, LEX_NAME, LEX_COLON, LEX_NEWLINE, LEX_INDENT,
               LEX_NAME, LEX_NEWLINE, LEX_NAME, LEX_NEWLINE, LEX_DEDENT, LEX_ENDMARKER);
}

Test(lex, positions) {
  Lexer lx;
  Token t;
  const char *src = "ab = 'é'\n  # x\ncd\n";
  lex_init(&lx, src, strlen(src), 0);
  lex_next(&lx, &t);
  cr_assert(t.lineno == 1 && t.col == 0 && t.end_col == 2);
  lex_next(&lx, &t);
  cr_assert(t.col == 3 && t.end_col == 4);
  lex_next(&lx, &t);
  cr_assert(t.col == 5 && t.end_col == 9, "UTF-8 byte columns: %d %d", t.col, t.end_col);
  lex_next(&lx, &t);
  cr_assert_eq(t.kind, LEX_NEWLINE);
  lex_next(&lx, &t);
  cr_assert(t.kind == LEX_NAME && t.lineno == 3 && t.col == 0);
}

typedef struct LexErrCase { const char *src, *type, *msg; int lineno, offset; } LexErrCase;

Test(lex, every_error) {
  static const LexErrCase cases[] = {
    {"x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5},
    {"x = 1_\n", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 1__0\n", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 1e+\n", "SyntaxError", "invalid decimal literal", 1, 7},
    {"x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 6},
    {"x = 0o\n", "SyntaxError", "invalid octal literal", 1, 6},
    {"x = 0o8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 7},
    {"x = 0b2\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 7},
    {"x = 0b\n", "SyntaxError", "invalid binary literal", 1, 6},
    {"x = 012\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5},
    {"x = 1jx\n", "SyntaxError", "invalid imaginary literal", 1, 6},
    {"x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5},
    {"x = \"\"\"abc\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5},
    {"x = 1 \\ 2\n", "SyntaxError", "unexpected character after line continuation character", 1, 8},
    {"x = €\n", "SyntaxError", "invalid character '€' (U+20AC)", 1, 5},
    {"x = )\n", "SyntaxError", "unmatched ')'", 1, 5},
    {"x = (]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6},
    {"x = (\n", "SyntaxError", "'(' was never closed", 1, 5},
    {"if a:\n    b\n  c\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4},
    {"if a:\n        b\n\tc\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int kinds[64];
    Lexer lx;
    int n = lex_all(cases[i].src, kinds, 64, &lx);
    cr_assert_eq(kinds[n - 1], LEX_ERRORTOKEN, "case %zu: no error", i);
    cr_expect_str_eq(lx.s.err.type, cases[i].type, "case %zu", i);
    cr_expect_str_eq(lx.s.err.msg, cases[i].msg, "case %zu", i);
    cr_expect_eq(lx.s.err.lineno, cases[i].lineno, "case %zu", i);
    cr_expect_eq(lx.s.err.offset, cases[i].offset, "case %zu (%s): offset %d", i, cases[i].msg, lx.s.err.offset);
  }
}

Test(lex, too_many_indent_levels) {
  char buf[8000];
  int n = 0;
  for (int lvl = 0; lvl <= 100; lvl++) {
    for (int i = 0; i < lvl; i++) buf[n++] = ' ';
    n += sprintf(buf + n, "if x:\n");
  }
  for (int i = 0; i <= 101; i++) buf[n++] = ' ';
  n += sprintf(buf + n, "pass\n");
  int kinds[1];
  Lexer lx;
  lex_init(&lx, buf, (size_t)n, 0);
  Token t;
  int k;
  while ((k = lex_next(&lx, &t)) != LEX_ENDMARKER && k != LEX_ERRORTOKEN) {}
  (void)kinds;
  cr_assert_eq(k, LEX_ERRORTOKEN);
  cr_assert_str_eq(lx.s.err.msg, "too many levels of indentation");
}
