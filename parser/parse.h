/*
 * parse: source text -> AST, the front end's entry point.
 *
 * parse_source() prepares the text (lex_prepare), pulls tokens from lex_next() and
 * feeds them to the parser built from parser/grammar.y (STYLE item 31:
 * the token loop lives here, not in the grammar). The grammar's actions call the
 * ast_ constructors (parser/ast.c), which also raise the SyntaxErrors that need a
 * look at a finished subtree (bad assignment targets, argument order...).
 *
 * Error policy, as CPython 3.11's: only the first error is reported, with no
 * recovery. A lexical error anywhere in the file beats a parser error (CPython
 * tokenizes the rest of the file before reporting a generic "invalid syntax"), except
 * "'(' was never closed", which wins only when the bracket opened on an earlier line
 * than the parser error. Messages, lines and columns follow CPython 3.11 exactly
 * where tests/py/syntax shows them; otherwise the message is "invalid syntax" at
 * the offending token.
 *
 * Ownership: the returned tree and all its strings live in the caller's Arena
 * (ast_arena_new/ast_arena_free); SyntaxErrorInfo is a plain struct filled in place
 * (it holds a copy of the source line, so it outlives the arena and the source).
 * Temporary buffers come from heap_alloc(vm) and are released before returning.
 * No global state: parsers may run concurrently on different VMs.
 */
#ifndef KITE_PARSER_PARSE_H
#define KITE_PARSER_PARSE_H

#include <stddef.h>
#include <stdio.h>

#include "parser/ast.h"
#include "lexer/lex.h"

typedef struct VM VM;

typedef enum ParseMode {
  PARSE_FILE,     /* a module: Module(body) */
  PARSE_SINGLE,   /* one interactive statement (REPL): Interactive(body) */
  PARSE_EVAL      /* one expression list: Expression(body) */
} ParseMode;

typedef struct SyntaxErrorInfo {
  /* "SyntaxError", "IndentationError" or "TabError"; "MemoryError" when the VM ran
     out of memory (MemoryError is then already set on the VM). */
  const char *type;
  char msg[256];          /* CPython's message, e.g. "'(' was never closed" */
  /* 1-based line; 1-based columns in *characters* (SyntaxError.offset/end_offset);
     0 when unknown (then nothing is shown). */
  int lineno, col_offset, end_lineno, end_col_offset;
  char text[1024];        /* the offending source line, "\n"-free; "" if none */
  int incomplete;         /* the input ended too early: the REPL should read more */
} SyntaxErrorInfo;

/* Parse src[0..len) (need not be NUL-terminated; may contain anything). Returns the
   Module / Interactive / Expression root, allocated in arena, or NULL with *err
   filled in. filename is only used in messages that embed it. */
Mod *parse_source(VM *vm, Arena *arena, const char *src, size_t len,
                  const char *filename, ParseMode mode, SyntaxErrorInfo *err);

/* Print err exactly as CPython 3.11 prints an uncaught SyntaxError (without the
   "Traceback" header, which SyntaxErrors raised by the compiler do not have):
     File "x.py", line 3
       <source line, leading whitespace stripped>
       <spaces>^^^^
   SyntaxError: msg
   filename NULL means err's own, i.e. omit the File line when lineno is 0. */
void parse_print_error(const SyntaxErrorInfo *err, const char *filename, FILE *out);

/* ==== front-end internals: shared by parse.c, grammar.y and ast.c only ========== */

/* Builders the grammar threads through its non-terminals. */
typedef struct IfChain IfChain;
typedef struct Params Params;
typedef struct CallArgs CallArgs;
typedef struct DictItems DictItems;

enum { PARAM_NAME, PARAM_STAR, PARAM_VARARG, PARAM_KWARG, PARAM_SLASH };
enum { ARG_POS, ARG_KEYWORD, ARG_STAR, ARG_DOUBLESTAR };

typedef struct Parser {
  VM *vm;
  Arena *arena;
  struct Parser *root;    /* the file's parser (itself, unless parsing an f-string) */
  const char *buf;        /* prepared text (root's buffer holds the error lines) */
  Token *toks;            /* every token so far (heap_realloc'd); minor values index it */
  int ntoks, cap;
  ParseMode mode;
  Mod *result;
  Expr *fresult;          /* f-string sub-parse result */
  SyntaxErrorInfo *err;
  int failed;             /* an error has been recorded; later ones are ignored */
  int syntax_tok;         /* token index where the engine failed, or -1 */
  void *engine;           /* the Lemon engine, for parse_engine_expects */
  int expect_colon, expect_indent, expect_except, expect_else;   /* at the failure */
  int fdepth;             /* f-string nesting */
  /* "Perhaps you forgot a comma?" was given: CPython's parser then looked one token
     past the failure, so an unclosed bracket also wins when that token is the end of
     input or lies on a later line than the bracket. after_line: line of the first
     token scanned after the failure (0: none yet). */
  int comma_error, after_line;
  /* f-string sub-parser: where "(" of the substring sits in the file */
  int base_lineno, base_col;
  const char *filename;
} Parser;

/* Record a SyntaxError (type NULL = "SyntaxError") spanning the given 1-based lines
   and 0-based byte columns; only the first error of a parse is kept. */
void parse_error(Parser *p, const char *type, int lineno, int col, int end_lineno,
                 int end_col, const char *fmt, ...)
  __attribute__((format(printf, 7, 8)));
/* Record a SyntaxError over the span of a node location. */
void parse_error_loc(Parser *p, Loc loc, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));
/* Parse the text of one f-string replacement field ("(" expr ")" placed at the
   given file position). Returns the expression or NULL (error recorded). */
Expr *parse_fstring_expr(Parser *p, const char *text, size_t len, int lineno, int col);

/* The Lemon engine (generated from grammar.y; %name parse_engine). */
size_t parse_engine_size(void);
void parse_engineInit(void *engine, Parser *p);
void parse_engine(void *engine, int major, int minor);
void parse_engineFinalize(void *engine);
int parse_engine_expects(void *engine, int token);

/* Hooks called by the generated engine. */
void parse_syntax_error(Parser *p, int major);
void parse_stack_overflow(Parser *p);

#endif
