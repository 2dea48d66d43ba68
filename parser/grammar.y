/*
 * grammar: Python 3.11's syntax as an LALR(1) grammar for Lemon.
 *
 * The grammar is stratified by precedence (test > or_test > and_test > not_test >
 * comparison > expr (|) > xor > and > shift > arith > term > factor > power >
 * atom_expr), like CPython's pre-PEG Grammar/Grammar, so there are no precedence
 * declarations and no conflicts at all (lemon fails the build on any).
 *
 * Where LALR(1) cannot see what PEG sees, the grammar parses a superset and an ast_
 * constructor checks the rest and raises CPython's message: assignment targets are
 * parsed as expressions and then turned into Store/Del targets (ast_set_store),
 * keyword arguments as `test '=' test`, parameter lists as a flat list of items
 * (ast_params_add), `a = b = c` as a list of right-hand sides.
 *
 * Every action is one call to an ast_ constructor (STYLE item 29); constructors are
 * NULL-tolerant so that after the first error (recorded in Parser.err) the parse can
 * unwind without crashing. Terminals carry the index of their token in Parser.toks.
 */

// Renames ParseAlloc & co. so the generated symbols carry Kite's prefix.
%name parse_engine
// Generated terminal numbers are TK_NAME, TK_COLON, ... (grammar.h).
%token_prefix TK_
// Terminals are token indexes into Parser.toks (stable across array growth).
%token_type {int}
// The Parser travels in the engine itself (no extra argument on every call).
%extra_context {Parser *p}
// A fixed stack, allocated with the engine from the VM heap: lempar.c's growable
// stack would call realloc/free directly. 200 nested brackets need about 1000
// entries; deeper nesting is reported as "too many nested parentheses".
%stack_size 2000
%stack_overflow { parse_stack_overflow(p); }
// Records the offending token only; the driver words the SyntaxError.
%syntax_error { parse_syntax_error(p, yymajor); }
%parse_failure { parse_syntax_error(p, 0); }
%start_symbol start

%include {
#include <stddef.h>
#include "parser/parse.h"
#include "parser/ast.h"
}

// Token numbers follow this order; every LexKind has a terminal of the same name
// (parse.c maps them with the LEX_TOKENS X-macro), plus the mode tokens the driver
// feeds first to select the start rule.
%token ENDMARKER NAME NUMBER STRING NEWLINE INDENT DEDENT LPAR RPAR LSQB RSQB
  LBRACE RBRACE COLON COMMA SEMI PLUS MINUS STAR SLASH VBAR AMPER LESS GREATER
  EQUAL DOT PERCENT EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL TILDE CIRCUMFLEX
  LEFTSHIFT RIGHTSHIFT DOUBLESTAR PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL
  PERCENTEQUAL AMPEREQUAL VBAREQUAL CIRCUMFLEXEQUAL LEFTSHIFTEQUAL
  RIGHTSHIFTEQUAL DOUBLESTAREQUAL DOUBLESLASH DOUBLESLASHEQUAL AT ATEQUAL RARROW
  ELLIPSIS COLONEQUAL EXCLAMATION KW_FALSE KW_NONE KW_TRUE KW_AND KW_AS
  KW_ASSERT KW_ASYNC KW_AWAIT KW_BREAK KW_CLASS KW_CONTINUE KW_DEF KW_DEL
  KW_ELIF KW_ELSE KW_EXCEPT KW_FINALLY KW_FOR KW_FROM KW_GLOBAL KW_IF
  KW_IMPORT KW_IN KW_IS KW_LAMBDA KW_NONLOCAL KW_NOT KW_OR KW_PASS KW_RAISE
  KW_RETURN KW_TRY KW_WHILE KW_WITH KW_YIELD ERRORTOKEN
  MODE_FILE MODE_SINGLE MODE_EVAL MODE_FSTRING.

// Nodes live in the arena: destructors have nothing to free.
%type stmt {StmtSeq *}
%type stmts {StmtSeq *}
%type simple_stmt {StmtSeq *}
%type small_stmts {StmtSeq *}
%type suite {StmtSeq *}
%type else_opt {StmtSeq *}
%type finally_opt {StmtSeq *}
%type small_stmt {Stmt *}
%type compound_stmt {Stmt *}
%type expr_stmt {Stmt *}
%type if_stmt {Stmt *}
%type while_stmt {Stmt *}
%type for_stmt {Stmt *}
%type try_stmt {Stmt *}
%type with_stmt {Stmt *}
%type funcdef {Stmt *}
%type classdef {Stmt *}
%type import_stmt {Stmt *}
%type if_head {IfChain *}
%type except_clauses {ExceptHandlerSeq *}
%type except_clause {ExceptHandler *}
%type with_items {WithItemSeq *}
%type with_item {WithItem *}
%type wp_list {WithItemSeq *}
%type decorators {ExprSeq *}
%type decorator {Expr *}
%type assign_lhs {ExprSeq *}
%type augassign {int}
%type comp_op {int}
%type dots {int}
%type names {IdentSeq *}
%type dotted_name {Token *}
%type dotted_as_names {AliasSeq *}
%type dotted_as_name {Alias *}
%type import_as_names {AliasSeq *}
%type import_as_name {Alias *}
%type params {Params *}
%type params_opt {Params *}
%type lparams {Params *}
%type lparams_opt {Params *}
%type return_opt {Expr *}
%type annot_opt {Expr *}
%type arglist {CallArgs *}
%type arglist_opt {CallArgs *}
%type argprefix {CallArgs *}
%type comp_for {ComprehensionSeq *}
%type tse_list {ExprSeq *}
%type tlc_list {ExprSeq *}
%type target_list {ExprSeq *}
%type subscripts {ExprSeq *}
%type dict_items {DictItems *}
%type strings {int}
%type tse {Expr *}
%type tse_or_yield {Expr *}
%type targets {Expr *}
%type yield_expr {Expr *}
%type named {Expr *}
%type named_or_star {Expr *}
%type test_or_star {Expr *}
%type star_or_expr {Expr *}
%type test {Expr *}
%type opt_test {Expr *}
%type lambdef {Expr *}
%type or_test {Expr *}
%type and_test {Expr *}
%type not_test {Expr *}
%type comparison {Expr *}
%type star_expr {Expr *}
%type expr {Expr *}
%type xor_expr {Expr *}
%type and_expr {Expr *}
%type shift_expr {Expr *}
%type arith_expr {Expr *}
%type term {Expr *}
%type factor {Expr *}
%type power {Expr *}
%type atom_expr {Expr *}
%type atom {Expr *}
%type subscriptlist {Expr *}
%type subscript {Expr *}

// ---- start rules (the driver feeds one MODE_ token first) ------------------------

start ::= MODE_FILE ENDMARKER.                  { ast_set_module(p, NULL); }
start ::= MODE_FILE stmts(B) ENDMARKER.         { ast_set_module(p, B); }
start ::= MODE_SINGLE NEWLINE ENDMARKER.        { ast_set_interactive(p, NULL); }
start ::= MODE_SINGLE stmt(B) ENDMARKER.        { ast_set_interactive(p, B); }
start ::= MODE_EVAL tse(B) NEWLINE ENDMARKER.   { ast_set_expression(p, B); }
start ::= MODE_EVAL tse(B) ENDMARKER.           { ast_set_expression(p, B); }
start ::= MODE_FSTRING tse_or_yield(B) NEWLINE ENDMARKER. { ast_set_expression(p, B); }

stmts(A) ::= stmt(A).
stmts(A) ::= stmts(A) stmt(B).                  { A = ast_stmts_extend(p, A, B); }

stmt(A) ::= simple_stmt(A).
stmt(A) ::= compound_stmt(B).                   { A = ast_stmts_push(p, NULL, B); }

simple_stmt(A) ::= small_stmts(A) NEWLINE.
simple_stmt(A) ::= small_stmts(A) SEMI NEWLINE.
small_stmts(A) ::= small_stmt(B).               { A = ast_stmts_push(p, NULL, B); }
small_stmts(A) ::= small_stmts(A) SEMI small_stmt(B). { A = ast_stmts_push(p, A, B); }

// ---- simple statements ------------------------------------------------------------

small_stmt(A) ::= expr_stmt(A).
small_stmt(A) ::= KW_DEL(T) target_list(B).     { A = ast_delete(p, T, B, 0); }
small_stmt(A) ::= KW_DEL(T) target_list(B) COMMA(C). { A = ast_delete(p, T, B, C); }
small_stmt(A) ::= KW_PASS(T).                   { A = ast_simple(p, STMT_PASS, T); }
small_stmt(A) ::= KW_BREAK(T).                  { A = ast_simple(p, STMT_BREAK, T); }
small_stmt(A) ::= KW_CONTINUE(T).               { A = ast_simple(p, STMT_CONTINUE, T); }
small_stmt(A) ::= KW_RETURN(T).                 { A = ast_return(p, T, NULL); }
small_stmt(A) ::= KW_RETURN(T) tse(B).          { A = ast_return(p, T, B); }
small_stmt(A) ::= KW_RAISE(T).                  { A = ast_raise(p, T, NULL, NULL); }
small_stmt(A) ::= KW_RAISE(T) test(B).          { A = ast_raise(p, T, B, NULL); }
small_stmt(A) ::= KW_RAISE(T) test(B) KW_FROM test(C). { A = ast_raise(p, T, B, C); }
small_stmt(A) ::= KW_GLOBAL(T) names(B).        { A = ast_global(p, STMT_GLOBAL, T, B); }
small_stmt(A) ::= KW_NONLOCAL(T) names(B).      { A = ast_global(p, STMT_NONLOCAL, T, B); }
small_stmt(A) ::= KW_ASSERT(T) test(B).         { A = ast_assert(p, T, B, NULL); }
small_stmt(A) ::= KW_ASSERT(T) test(B) COMMA test(C). { A = ast_assert(p, T, B, C); }
small_stmt(A) ::= import_stmt(A).

names(A) ::= NAME(N).                           { A = ast_names_push(p, NULL, N); }
names(A) ::= names(A) COMMA NAME(N).            { A = ast_names_push(p, A, N); }

expr_stmt(A) ::= tse_or_yield(B).               { A = ast_expr_stmt(p, B); }
expr_stmt(A) ::= tse(B) augassign(O) tse_or_yield(C). { A = ast_augassign(p, B, O, C); }
expr_stmt(A) ::= tse(B) COLON test(T).          { A = ast_annassign(p, B, T, NULL); }
expr_stmt(A) ::= tse(B) COLON test(T) EQUAL tse_or_yield(C). { A = ast_annassign(p, B, T, C); }
expr_stmt(A) ::= assign_lhs(L) tse_or_yield(C). { A = ast_assign(p, L, C); }
assign_lhs(A) ::= tse_or_yield(B) EQUAL(E).     { A = ast_assign_target(p, NULL, B, E); }
assign_lhs(A) ::= assign_lhs(A) tse_or_yield(B) EQUAL(E). { A = ast_assign_target(p, A, B, E); }

augassign(A) ::= PLUSEQUAL.         { A = AST_ADD; }
augassign(A) ::= MINEQUAL.          { A = AST_SUB; }
augassign(A) ::= STAREQUAL.         { A = AST_MULT; }
augassign(A) ::= ATEQUAL.           { A = AST_MATMULT; }
augassign(A) ::= SLASHEQUAL.        { A = AST_DIV; }
augassign(A) ::= PERCENTEQUAL.      { A = AST_MOD; }
augassign(A) ::= AMPEREQUAL.        { A = AST_BITAND; }
augassign(A) ::= VBAREQUAL.         { A = AST_BITOR; }
augassign(A) ::= CIRCUMFLEXEQUAL.   { A = AST_BITXOR; }
augassign(A) ::= LEFTSHIFTEQUAL.    { A = AST_LSHIFT; }
augassign(A) ::= RIGHTSHIFTEQUAL.   { A = AST_RSHIFT; }
augassign(A) ::= DOUBLESTAREQUAL.   { A = AST_POW; }
augassign(A) ::= DOUBLESLASHEQUAL.  { A = AST_FLOORDIV; }

import_stmt(A) ::= KW_IMPORT(T) dotted_as_names(B). { A = ast_import(p, T, B); }
import_stmt(A) ::= KW_FROM(T) dotted_name(M) KW_IMPORT import_targets(B). { A = ast_import_from(p, T, 0, M, B); }
import_stmt(A) ::= KW_FROM(T) dots(D) dotted_name(M) KW_IMPORT import_targets(B). { A = ast_import_from(p, T, D, M, B); }
import_stmt(A) ::= KW_FROM(T) dots(D) KW_IMPORT import_targets(B). { A = ast_import_from(p, T, D, NULL, B); }
%type import_targets {AliasSeq *}
import_targets(A) ::= STAR(S).                  { A = ast_alias_star(p, S); }
import_targets(A) ::= LPAR import_as_names(B) RPAR(R). { A = ast_import_close(p, B, R); }
import_targets(A) ::= LPAR import_as_names(B) COMMA RPAR(R). { A = ast_import_close(p, B, R); }
import_targets(A) ::= import_as_names(A).
import_targets(A) ::= import_as_names(A) COMMA(C). { ast_import_trailing_comma(p, C); }
dots(A) ::= DOT.                                { A = 1; }
dots(A) ::= ELLIPSIS.                           { A = 3; }
dots(A) ::= dots(B) DOT.                        { A = B + 1; }
dots(A) ::= dots(B) ELLIPSIS.                   { A = B + 3; }
dotted_name(A) ::= NAME(N).                     { A = ast_dotted_name(p, NULL, N); }
dotted_name(A) ::= dotted_name(B) DOT NAME(N).  { A = ast_dotted_name(p, B, N); }
dotted_as_names(A) ::= dotted_as_name(B).       { A = ast_aliases_push(p, NULL, B); }
dotted_as_names(A) ::= dotted_as_names(A) COMMA dotted_as_name(B). { A = ast_aliases_push(p, A, B); }
dotted_as_name(A) ::= dotted_name(N).           { A = ast_alias(p, N, 0); }
dotted_as_name(A) ::= dotted_name(N) KW_AS NAME(B). { A = ast_alias(p, N, B); }
import_as_names(A) ::= import_as_name(B).       { A = ast_aliases_push(p, NULL, B); }
import_as_names(A) ::= import_as_names(A) COMMA import_as_name(B). { A = ast_aliases_push(p, A, B); }
import_as_name(A) ::= NAME(N).                  { A = ast_alias_name(p, N, 0); }
import_as_name(A) ::= NAME(N) KW_AS NAME(B).    { A = ast_alias_name(p, N, B); }

// ---- compound statements ----------------------------------------------------------

compound_stmt(A) ::= if_stmt(A).
compound_stmt(A) ::= while_stmt(A).
compound_stmt(A) ::= for_stmt(A).
compound_stmt(A) ::= try_stmt(A).
compound_stmt(A) ::= with_stmt(A).
compound_stmt(A) ::= funcdef(A).
compound_stmt(A) ::= classdef(A).
compound_stmt(A) ::= decorators(D) funcdef(F).  { A = ast_decorate(p, D, F); }
compound_stmt(A) ::= decorators(D) classdef(F). { A = ast_decorate(p, D, F); }

suite(A) ::= simple_stmt(A).
suite(A) ::= NEWLINE INDENT stmts(B) DEDENT.      { A = B; }

if_head(A) ::= KW_IF(T) named(C) COLON suite(B).            { A = ast_if_chain(p, NULL, T, C, B); }
if_head(A) ::= if_head(H) KW_ELIF(T) named(C) COLON suite(B). { A = ast_if_chain(p, H, T, C, B); }
if_stmt(A) ::= if_head(H).                                  { A = ast_if(p, H, NULL); }
if_stmt(A) ::= if_head(H) KW_ELSE COLON suite(B).           { A = ast_if(p, H, B); }

while_stmt(A) ::= KW_WHILE(T) named(C) COLON suite(B) else_opt(E). { A = ast_while(p, T, C, B, E); }
for_stmt(A) ::= KW_FOR(T) targets(X) KW_IN tse(I) COLON suite(B) else_opt(E). { A = ast_for(p, T, X, I, B, E); }
else_opt(A) ::= .                                           { A = NULL; }
else_opt(A) ::= KW_ELSE COLON suite(B).                   { A = B; }

try_stmt(A) ::= KW_TRY(T) COLON suite(B) except_clauses(H) else_opt(E) finally_opt(F). { A = ast_try(p, T, B, H, E, F); }
try_stmt(A) ::= KW_TRY(T) COLON suite(B) KW_FINALLY COLON suite(F). { A = ast_try(p, T, B, NULL, NULL, F); }
finally_opt(A) ::= .                                        { A = NULL; }
finally_opt(A) ::= KW_FINALLY COLON suite(B).             { A = B; }
except_clauses(A) ::= except_clause(B).                     { A = ast_handlers_push(p, NULL, B); }
except_clauses(A) ::= except_clauses(A) except_clause(B).   { A = ast_handlers_push(p, A, B); }
except_clause(A) ::= KW_EXCEPT(T) COLON suite(B).           { A = ast_handler(p, T, NULL, 0, B); }
except_clause(A) ::= KW_EXCEPT(T) test(E) COLON suite(B).   { A = ast_handler(p, T, E, 0, B); }
except_clause(A) ::= KW_EXCEPT(T) test(E) KW_AS NAME(N) COLON suite(B). { A = ast_handler(p, T, E, N, B); }

with_stmt(A) ::= KW_WITH(T) with_items(I) COLON suite(B).   { A = ast_with(p, T, I, B); }
with_stmt(A) ::= KW_WITH(T) LPAR wp_list(I) RPAR COLON suite(B). { A = ast_with(p, T, I, B); }
with_items(A) ::= with_item(B).                             { A = ast_withitems_push(p, NULL, B); }
with_items(A) ::= with_items(A) COMMA with_item(B).         { A = ast_withitems_push(p, A, B); }
with_item(A) ::= test(E).                                   { A = ast_withitem(p, E, NULL); }
with_item(A) ::= test(E) KW_AS star_or_expr(V).             { A = ast_withitem(p, E, V); }
// `with (a, b as c):` (3.10+): items before the first `as` arrive as a tuple list.
wp_list(A) ::= test(E) KW_AS star_or_expr(V).               { A = ast_wp_add(p, NULL, E, V); }
wp_list(A) ::= tlc_list(L) COMMA test(E) KW_AS star_or_expr(V). { A = ast_withitems_from(p, L, E, V); }
wp_list(A) ::= wp_list(B) COMMA test(E) KW_AS star_or_expr(V). { A = ast_wp_add(p, B, E, V); }
wp_list(A) ::= wp_list(B) COMMA test(E).                    { A = ast_wp_add(p, B, E, NULL); }
wp_list(A) ::= wp_list(A) COMMA.

funcdef(A) ::= KW_DEF(T) NAME(N) LPAR params_opt(P) RPAR return_opt(R) COLON suite(B). { A = ast_funcdef(p, T, N, P, R, B); }
return_opt(A) ::= .                                         { A = NULL; }
return_opt(A) ::= RARROW test(B).                          { A = B; }
classdef(A) ::= KW_CLASS(T) NAME(N) COLON suite(B).         { A = ast_classdef(p, T, N, NULL, B); }
classdef(A) ::= KW_CLASS(T) NAME(N) LPAR arglist_opt(C) RPAR COLON suite(B). { A = ast_classdef(p, T, N, C, B); }
decorators(A) ::= decorator(B).                             { A = ast_exprs_push(p, NULL, B); }
decorators(A) ::= decorators(A) decorator(B).               { A = ast_exprs_push(p, A, B); }
decorator(A) ::= AT named(B) NEWLINE.                      { A = B; }

// Parameters: a flat list of items; ast_params_add checks their order.
params_opt(A) ::= .                                         { A = NULL; }
params_opt(A) ::= params(A).
params_opt(A) ::= params(A) COMMA.
params(A) ::= NAME(N) annot_opt(T).                         { A = ast_params_add(p, NULL, PARAM_NAME, N, T, NULL); }
params(A) ::= NAME(N) annot_opt(T) EQUAL test(D).           { A = ast_params_add(p, NULL, PARAM_NAME, N, T, D); }
params(A) ::= STAR(S).                                      { A = ast_params_add(p, NULL, PARAM_STAR, S, NULL, NULL); }
params(A) ::= STAR NAME(N) annot_opt(T).                    { A = ast_params_add(p, NULL, PARAM_VARARG, N, T, NULL); }
params(A) ::= STAR NAME(N) annot_opt EQUAL(E) test(D).   { A = ast_params_bad_default(p, NULL, PARAM_VARARG, N, E, D); }
params(A) ::= DOUBLESTAR NAME(N) annot_opt(T).              { A = ast_params_add(p, NULL, PARAM_KWARG, N, T, NULL); }
params(A) ::= DOUBLESTAR NAME(N) annot_opt EQUAL(E) test(D). { A = ast_params_bad_default(p, NULL, PARAM_KWARG, N, E, D); }
params(A) ::= SLASH(S).                                     { A = ast_params_add(p, NULL, PARAM_SLASH, S, NULL, NULL); }
params(A) ::= params(B) COMMA NAME(N) annot_opt(T).         { A = ast_params_add(p, B, PARAM_NAME, N, T, NULL); }
params(A) ::= params(B) COMMA NAME(N) annot_opt(T) EQUAL test(D). { A = ast_params_add(p, B, PARAM_NAME, N, T, D); }
params(A) ::= params(B) COMMA STAR(S).                      { A = ast_params_add(p, B, PARAM_STAR, S, NULL, NULL); }
params(A) ::= params(B) COMMA STAR NAME(N) annot_opt(T).    { A = ast_params_add(p, B, PARAM_VARARG, N, T, NULL); }
params(A) ::= params(B) COMMA STAR NAME(N) annot_opt EQUAL(E) test(D). { A = ast_params_bad_default(p, B, PARAM_VARARG, N, E, D); }
params(A) ::= params(B) COMMA DOUBLESTAR NAME(N) annot_opt(T). { A = ast_params_add(p, B, PARAM_KWARG, N, T, NULL); }
params(A) ::= params(B) COMMA DOUBLESTAR NAME(N) annot_opt EQUAL(E) test(D). { A = ast_params_bad_default(p, B, PARAM_KWARG, N, E, D); }
params(A) ::= params(B) COMMA SLASH(S).                     { A = ast_params_add(p, B, PARAM_SLASH, S, NULL, NULL); }
annot_opt(A) ::= .                                          { A = NULL; }
annot_opt(A) ::= COLON test(B).                            { A = B; }

lparams_opt(A) ::= .                                        { A = NULL; }
lparams_opt(A) ::= lparams(A).
lparams_opt(A) ::= lparams(A) COMMA.
lparams(A) ::= NAME(N).                                     { A = ast_params_add(p, NULL, PARAM_NAME, N, NULL, NULL); }
lparams(A) ::= NAME(N) EQUAL test(D).                       { A = ast_params_add(p, NULL, PARAM_NAME, N, NULL, D); }
lparams(A) ::= STAR(S).                                     { A = ast_params_add(p, NULL, PARAM_STAR, S, NULL, NULL); }
lparams(A) ::= STAR NAME(N).                                { A = ast_params_add(p, NULL, PARAM_VARARG, N, NULL, NULL); }
lparams(A) ::= DOUBLESTAR NAME(N).                          { A = ast_params_add(p, NULL, PARAM_KWARG, N, NULL, NULL); }
lparams(A) ::= STAR NAME(N) EQUAL(E) test(D).               { A = ast_params_bad_default(p, NULL, PARAM_VARARG, N, E, D); }
lparams(A) ::= DOUBLESTAR NAME(N) EQUAL(E) test(D).         { A = ast_params_bad_default(p, NULL, PARAM_KWARG, N, E, D); }
lparams(A) ::= lparams(B) COMMA STAR NAME(N) EQUAL(E) test(D). { A = ast_params_bad_default(p, B, PARAM_VARARG, N, E, D); }
lparams(A) ::= lparams(B) COMMA DOUBLESTAR NAME(N) EQUAL(E) test(D). { A = ast_params_bad_default(p, B, PARAM_KWARG, N, E, D); }
lparams(A) ::= SLASH(S).                                    { A = ast_params_add(p, NULL, PARAM_SLASH, S, NULL, NULL); }
lparams(A) ::= lparams(B) COMMA NAME(N).                    { A = ast_params_add(p, B, PARAM_NAME, N, NULL, NULL); }
lparams(A) ::= lparams(B) COMMA NAME(N) EQUAL test(D).      { A = ast_params_add(p, B, PARAM_NAME, N, NULL, D); }
lparams(A) ::= lparams(B) COMMA STAR(S).                    { A = ast_params_add(p, B, PARAM_STAR, S, NULL, NULL); }
lparams(A) ::= lparams(B) COMMA STAR NAME(N).               { A = ast_params_add(p, B, PARAM_VARARG, N, NULL, NULL); }
lparams(A) ::= lparams(B) COMMA DOUBLESTAR NAME(N).         { A = ast_params_add(p, B, PARAM_KWARG, N, NULL, NULL); }
lparams(A) ::= lparams(B) COMMA SLASH(S).                   { A = ast_params_add(p, B, PARAM_SLASH, S, NULL, NULL); }

// ---- expression lists ------------------------------------------------------------

tse_or_yield(A) ::= tse(A).
tse_or_yield(A) ::= yield_expr(A).
// star_expressions: a tuple when there is a comma
tse(A) ::= tse_list(B).                         { A = ast_tuple_or_single(p, B); }
tse(A) ::= tse_list(B) COMMA(C).                { A = ast_tuple_trailing(p, B, C); }
tse_list(A) ::= test_or_star(B).                { A = ast_exprs_push(p, NULL, B); }
tse_list(A) ::= tse_list(A) COMMA test_or_star(B). { A = ast_exprs_push(p, A, B); }
test_or_star(A) ::= test(A).
test_or_star(A) ::= star_expr(A).
// for-loop and comprehension targets (expr level: `in` ends them)
targets(A) ::= target_list(B).                  { A = ast_tuple_or_single(p, B); }
targets(A) ::= target_list(B) COMMA(C).         { A = ast_tuple_trailing(p, B, C); }
target_list(A) ::= star_or_expr(B).             { A = ast_exprs_push(p, NULL, B); }
target_list(A) ::= target_list(A) COMMA star_or_expr(B). { A = ast_exprs_push(p, A, B); }
star_or_expr(A) ::= expr(A).
star_or_expr(A) ::= star_expr(A).

yield_expr(A) ::= KW_YIELD(T).                  { A = ast_yield(p, T, NULL); }
yield_expr(A) ::= KW_YIELD(T) tse(B).           { A = ast_yield(p, T, B); }
yield_expr(A) ::= KW_YIELD(T) KW_FROM test(B).  { A = ast_yield_from(p, T, B); }

// ---- expressions -------------------------------------------------------------------

named(A) ::= test(A).
named(A) ::= test(B) COLONEQUAL test(C).        { A = ast_namedexpr(p, B, C); }
named_or_star(A) ::= named(A).
named_or_star(A) ::= star_expr(A).

test(A) ::= or_test(A).
test(A) ::= or_test(B) KW_IF or_test(C) KW_ELSE test(D). { A = ast_ifexp(p, C, B, D); }
test(A) ::= lambdef(A).
lambdef(A) ::= KW_LAMBDA(T) lparams_opt(P) COLON test(B). { A = ast_lambda(p, T, P, B); }

or_test(A) ::= and_test(A).
or_test(A) ::= or_test(B) KW_OR and_test(C).    { A = ast_boolop(p, AST_OR, B, C); }
and_test(A) ::= not_test(A).
and_test(A) ::= and_test(B) KW_AND not_test(C). { A = ast_boolop(p, AST_AND, B, C); }
not_test(A) ::= KW_NOT(T) not_test(B).          { A = ast_unaryop(p, T, AST_NOT, B); }
not_test(A) ::= comparison(A).
comparison(A) ::= expr(A).
comparison(A) ::= comparison(B) comp_op(O) expr(C). { A = ast_compare(p, B, O, C); }
comp_op(A) ::= LESS.                { A = AST_LT; }
comp_op(A) ::= GREATER.             { A = AST_GT; }
comp_op(A) ::= EQEQUAL.             { A = AST_EQ; }
comp_op(A) ::= GREATEREQUAL.        { A = AST_GTE; }
comp_op(A) ::= LESSEQUAL.           { A = AST_LTE; }
comp_op(A) ::= NOTEQUAL.            { A = AST_NOTEQ; }
comp_op(A) ::= KW_IN.               { A = AST_IN; }
comp_op(A) ::= KW_NOT KW_IN.        { A = AST_NOTIN; }
comp_op(A) ::= KW_IS.               { A = AST_IS; }
comp_op(A) ::= KW_IS KW_NOT.        { A = AST_ISNOT; }
star_expr(A) ::= STAR(S) expr(B).   { A = ast_starred(p, S, B); }

expr(A) ::= xor_expr(A).
expr(A) ::= expr(B) VBAR xor_expr(C).           { A = ast_binop(p, B, AST_BITOR, C); }
xor_expr(A) ::= and_expr(A).
xor_expr(A) ::= xor_expr(B) CIRCUMFLEX and_expr(C). { A = ast_binop(p, B, AST_BITXOR, C); }
and_expr(A) ::= shift_expr(A).
and_expr(A) ::= and_expr(B) AMPER shift_expr(C). { A = ast_binop(p, B, AST_BITAND, C); }
shift_expr(A) ::= arith_expr(A).
shift_expr(A) ::= shift_expr(B) LEFTSHIFT arith_expr(C). { A = ast_binop(p, B, AST_LSHIFT, C); }
shift_expr(A) ::= shift_expr(B) RIGHTSHIFT arith_expr(C). { A = ast_binop(p, B, AST_RSHIFT, C); }
arith_expr(A) ::= term(A).
arith_expr(A) ::= arith_expr(B) PLUS term(C).   { A = ast_binop(p, B, AST_ADD, C); }
arith_expr(A) ::= arith_expr(B) MINUS term(C).  { A = ast_binop(p, B, AST_SUB, C); }
term(A) ::= factor(A).
term(A) ::= term(B) STAR factor(C).             { A = ast_binop(p, B, AST_MULT, C); }
term(A) ::= term(B) SLASH factor(C).            { A = ast_binop(p, B, AST_DIV, C); }
term(A) ::= term(B) PERCENT factor(C).          { A = ast_binop(p, B, AST_MOD, C); }
term(A) ::= term(B) DOUBLESLASH factor(C).      { A = ast_binop(p, B, AST_FLOORDIV, C); }
term(A) ::= term(B) AT factor(C).               { A = ast_binop(p, B, AST_MATMULT, C); }
factor(A) ::= PLUS(T) factor(B).                { A = ast_unaryop(p, T, AST_UADD, B); }
factor(A) ::= MINUS(T) factor(B).               { A = ast_unaryop(p, T, AST_USUB, B); }
factor(A) ::= TILDE(T) factor(B).               { A = ast_unaryop(p, T, AST_INVERT, B); }
factor(A) ::= power(A).
power(A) ::= atom_expr(A).
power(A) ::= atom_expr(B) DOUBLESTAR factor(C). { A = ast_binop(p, B, AST_POW, C); }

atom_expr(A) ::= atom(A).
atom_expr(A) ::= atom_expr(B) LPAR arglist_opt(C) RPAR(R). { A = ast_call(p, B, C, R); }
atom_expr(A) ::= atom_expr(B) LSQB subscriptlist(C) RSQB(R). { A = ast_subscript(p, B, C, R); }
atom_expr(A) ::= atom_expr(B) DOT NAME(N).      { A = ast_attribute(p, B, N); }

atom(A) ::= LPAR(L) RPAR(R).                    { A = ast_paren(p, L, NULL, R); }
atom(A) ::= LPAR(L) yield_expr(B) RPAR(R).      { A = ast_paren_yield(p, L, B, R); }
atom(A) ::= LPAR(L) tlc_list(B) RPAR(R).        { A = ast_paren(p, L, B, R); }
atom(A) ::= LPAR(L) tlc_list(B) COMMA RPAR(R).  { A = ast_paren_tuple(p, L, B, R); }
atom(A) ::= LPAR(L) named_or_star(B) comp_for(C) RPAR(R). { A = ast_genexp(p, L, B, C, R); }
atom(A) ::= LSQB(L) RSQB(R).                    { A = ast_list(p, L, NULL, R); }
atom(A) ::= LSQB(L) tlc_list(B) RSQB(R).        { A = ast_list(p, L, B, R); }
atom(A) ::= LSQB(L) tlc_list(B) COMMA RSQB(R).  { A = ast_list(p, L, B, R); }
atom(A) ::= LSQB(L) named_or_star(B) comp_for(C) RSQB(R). { A = ast_listcomp(p, L, B, C, R); }
atom(A) ::= LBRACE(L) RBRACE(R).                { A = ast_dict(p, L, NULL, R); }
atom(A) ::= LBRACE(L) dict_items(B) RBRACE(R).  { A = ast_dict(p, L, B, R); }
atom(A) ::= LBRACE(L) dict_items(B) COMMA RBRACE(R). { A = ast_dict(p, L, B, R); }
atom(A) ::= LBRACE(L) test(K) COLON test(V) comp_for(C) RBRACE(R). { A = ast_dictcomp(p, L, K, V, C, R); }
atom(A) ::= LBRACE(L) tlc_list(B) RBRACE(R).    { A = ast_set(p, L, B, R); }
atom(A) ::= LBRACE(L) tlc_list(B) COMMA RBRACE(R). { A = ast_set(p, L, B, R); }
atom(A) ::= LBRACE(L) named_or_star(B) comp_for(C) RBRACE(R). { A = ast_setcomp(p, L, B, C, R); }
atom(A) ::= NAME(T).                            { A = ast_name(p, T); }
atom(A) ::= NUMBER(T).                          { A = ast_number(p, T); }
atom(A) ::= strings(T).                         { A = ast_strings(p, T); }
atom(A) ::= ELLIPSIS(T).                        { A = ast_keyword_const(p, T, CONST_ELLIPSIS); }
atom(A) ::= KW_NONE(T).                         { A = ast_keyword_const(p, T, CONST_NONE); }
atom(A) ::= KW_TRUE(T).                         { A = ast_keyword_const(p, T, CONST_TRUE); }
atom(A) ::= KW_FALSE(T).                        { A = ast_keyword_const(p, T, CONST_FALSE); }
strings(A) ::= STRING(A).
strings(A) ::= strings(A) STRING.

tlc_list(A) ::= named_or_star(B).               { A = ast_exprs_push(p, NULL, B); }
tlc_list(A) ::= tlc_list(A) COMMA named_or_star(B). { A = ast_exprs_push(p, A, B); }

dict_items(A) ::= test(K) COLON test(V).        { A = ast_dict_add(p, NULL, K, V); }
dict_items(A) ::= DOUBLESTAR expr(V).           { A = ast_dict_add(p, NULL, NULL, V); }
dict_items(A) ::= dict_items(B) COMMA test(K) COLON test(V). { A = ast_dict_add(p, B, K, V); }
dict_items(A) ::= dict_items(B) COMMA DOUBLESTAR expr(V). { A = ast_dict_add(p, B, NULL, V); }

comp_for(A) ::= KW_FOR targets(T) KW_IN or_test(I).          { A = ast_comp_for(p, NULL, T, I); }
comp_for(A) ::= comp_for(B) KW_FOR targets(T) KW_IN or_test(I). { A = ast_comp_for(p, B, T, I); }
comp_for(A) ::= comp_for(B) KW_IF or_test(C).               { A = ast_comp_if(p, B, C); }

// Call arguments: each item is checked against the ones before it.
arglist_opt(A) ::= .                            { A = NULL; }
arglist_opt(A) ::= arglist(A).
arglist_opt(A) ::= arglist(A) COMMA(C).         { ast_args_trailing_comma(p, A, C); }
argprefix(A) ::= .                              { A = NULL; }
argprefix(A) ::= arglist(A) COMMA.
arglist(A) ::= argprefix(P) test(B).            { A = ast_args_add(p, P, ARG_POS, B, NULL, 0); }
arglist(A) ::= argprefix(P) test(B) COLONEQUAL test(C). { A = ast_args_named(p, P, B, C); }
arglist(A) ::= argprefix(P) test(B) comp_for(C). { A = ast_args_genexp(p, P, B, C); }
arglist(A) ::= argprefix(P) test(B) EQUAL(E) test(C). { A = ast_args_add(p, P, ARG_KEYWORD, C, B, E); }
arglist(A) ::= argprefix(P) STAR(S) test(B).    { A = ast_args_star(p, P, S, B); }
arglist(A) ::= argprefix(P) DOUBLESTAR(S) test(B). { A = ast_args_add(p, P, ARG_DOUBLESTAR, B, NULL, S); }

subscriptlist(A) ::= subscripts(B).             { A = ast_tuple_or_single(p, B); }
subscriptlist(A) ::= subscripts(B) COMMA(C).    { A = ast_tuple_trailing(p, B, C); }
subscripts(A) ::= subscript(B).                 { A = ast_exprs_push(p, NULL, B); }
subscripts(A) ::= subscripts(A) COMMA subscript(B). { A = ast_exprs_push(p, A, B); }
subscript(A) ::= named(A).
subscript(A) ::= star_expr(A).
subscript(A) ::= opt_test(B) COLON(C) opt_test(D). { A = ast_slice(p, B, C, D, 0, NULL); }
subscript(A) ::= opt_test(B) COLON(C) opt_test(D) COLON(E) opt_test(F). { A = ast_slice(p, B, C, D, E, F); }
opt_test(A) ::= .                               { A = NULL; }
opt_test(A) ::= test(A).

// Engine introspection for the driver: the engine's size (to allocate it from the
// VM heap) and whether the current state can shift a token (for messages such as
// "expected ':'"); both need yyParser, which only exists in this file.
%code {
size_t parse_engine_size(void) { return sizeof(yyParser); }
int parse_engine_expects(void *engine, int token) {
  yyParser *e = engine;
  YYACTIONTYPE act = yy_find_shift_action((YYCODETYPE)token, e->yytos->stateno);
  return act != YY_ERROR_ACTION && act != YY_NO_ACTION;
}
}
