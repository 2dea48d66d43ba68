/*
 * ast: Kite's abstract syntax tree, its arena, its constructors and its dumper.
 *
 * The node kinds and field names are CPython 3.11's Parser/Python.asdl, spelled the
 * way CPython's own C AST spells them (Include/internal/pycore_ast.h): a node is a
 * tagged struct (`kind` plus a union `v` of per-kind field structs), so
 * `e->v.BinOp.left`, `s->v.FunctionDef.args->kwonlyargs` read as in CPython's
 * compiler. A compiler written against CPython's AST semantics works on this one.
 *
 * Invariants callers rely on:
 *  - Every Stmt, Expr, Arg, Keyword, Alias and ExceptHandler carries lineno,
 *    col_offset, end_lineno, end_col_offset with CPython's meaning: lines 1-based,
 *    columns 0-based UTF-8 *byte* offsets (as ast.parse reports them).
 *  - Optional fields (`expr?` in the ASDL) are NULL when absent. Sequences are
 *    (items, count) pairs; count 0 means empty (items may then be NULL). `cap` is
 *    the parser's growth bookkeeping: read-only for everyone else.
 *  - Dict.keys has NULL entries for `**mapping` items, as CPython's AST does.
 *    Arguments.kw_defaults has NULL entries for keyword-only args without default.
 *  - Identifiers are NUL-terminated UTF-8 strings in the arena. The AST holds no
 *    runtime objects: constants are a small tagged value (AstConst), ints as a
 *    normalised digit string because they are arbitrary precision.
 *  - Contexts: Name/Attribute/Subscript/Starred/List/Tuple carry Load, Store or Del
 *    exactly as CPython sets them (assignment targets, for targets, with/as, del...).
 *  - The tree is immutable once parse_source returns it.
 *
 * Ownership: every node, sequence and string is allocated in one Arena, whose blocks
 * come from heap_alloc(vm, ...). Nothing is freed individually: ast_arena_free
 * releases the whole tree at once. The arena (and so the tree) must not outlive the VM.
 *
 * Kinds not produced yet (async, await, match, except*) are absent; they will be
 * added at the end of their enums, never renumbering or renaming what is here.
 */
#ifndef KITE_PARSER_AST_H
#define KITE_PARSER_AST_H

#include <stddef.h>
#include <stdio.h>     /* for FILE in ast_dump() */

typedef struct VM VM;

/* ---- locations ---------------------------------------------------------- */

/* A source span: 1-based lines, 0-based UTF-8 byte columns; end is exclusive. */
typedef struct Loc {
  int lineno, col_offset, end_lineno, end_col_offset;
} Loc;

/* Embedded in every located node: the four fields are readable by name
   (n->lineno) or as a whole (n->loc). */
#define AST_LOC_FIELDS                                                     \
  union {                                                                  \
    Loc loc;                                                               \
    struct { int lineno, col_offset, end_lineno, end_col_offset; };        \
  }

/* ---- arena ---------------------------------------------------------------- */

typedef struct ArenaBlock ArenaBlock;

/* Bump allocator for one parse. Blocks come from heap_alloc(vm) and go back with
   heap_free(vm) in ast_arena_free. `failed` is set after the first failed
   allocation (MemoryError is then set on the VM) and stays set. */
typedef struct Arena {
  VM *vm;
  ArenaBlock *head;      /* current block; older blocks chain behind it */
  char *next, *limit;    /* free space in head */
  int failed;
} Arena;

/* A new empty arena, or NULL with MemoryError set. */
Arena *ast_arena_new(VM *vm);
/* Free the arena and everything allocated in it. NULL is allowed. */
void ast_arena_free(Arena *a);
/* n zeroed bytes, 16-byte aligned, or NULL (and a->failed set) on failure. */
void *ast_alloc(Arena *a, size_t n);
/* A NUL-terminated copy of s[0..n) in the arena, or NULL. */
char *ast_strndup(Arena *a, const char *s, size_t n);

/* ---- enums (CPython's order; 0 is never a valid value, as in CPython) ------ */

typedef enum ExprContext { AST_LOAD = 1, AST_STORE, AST_DEL } ExprContext;

typedef enum AstBoolOp { AST_AND = 1, AST_OR } AstBoolOp;

typedef enum AstOperator {
  AST_ADD = 1, AST_SUB, AST_MULT, AST_MATMULT, AST_DIV, AST_MOD, AST_POW,
  AST_LSHIFT, AST_RSHIFT, AST_BITOR, AST_BITXOR, AST_BITAND, AST_FLOORDIV
} AstOperator;

typedef enum AstUnaryOp { AST_INVERT = 1, AST_NOT, AST_UADD, AST_USUB } AstUnaryOp;

typedef enum AstCmpOp {
  AST_EQ = 1, AST_NOTEQ, AST_LT, AST_LTE, AST_GT, AST_GTE,
  AST_IS, AST_ISNOT, AST_IN, AST_NOTIN
} AstCmpOp;

typedef enum ModKind { MOD_MODULE = 1, MOD_INTERACTIVE, MOD_EXPRESSION } ModKind;

typedef enum StmtKind {
  STMT_FUNCTIONDEF = 1, STMT_CLASSDEF, STMT_RETURN, STMT_DELETE, STMT_ASSIGN,
  STMT_AUGASSIGN, STMT_ANNASSIGN, STMT_FOR, STMT_WHILE, STMT_IF, STMT_WITH,
  STMT_RAISE, STMT_TRY, STMT_ASSERT, STMT_IMPORT, STMT_IMPORTFROM, STMT_GLOBAL,
  STMT_NONLOCAL, STMT_EXPR, STMT_PASS, STMT_BREAK, STMT_CONTINUE
} StmtKind;

typedef enum ExprKind {
  EXPR_BOOLOP = 1, EXPR_NAMEDEXPR, EXPR_BINOP, EXPR_UNARYOP, EXPR_LAMBDA,
  EXPR_IFEXP, EXPR_DICT, EXPR_SET, EXPR_LISTCOMP, EXPR_SETCOMP, EXPR_DICTCOMP,
  EXPR_GENERATOREXP, EXPR_YIELD, EXPR_YIELDFROM, EXPR_COMPARE, EXPR_CALL,
  EXPR_FORMATTEDVALUE, EXPR_JOINEDSTR, EXPR_CONSTANT, EXPR_ATTRIBUTE,
  EXPR_SUBSCRIPT, EXPR_STARRED, EXPR_NAME, EXPR_LIST, EXPR_TUPLE, EXPR_SLICE
} ExprKind;

/* ---- sequences ------------------------------------------------------------ */

typedef struct Mod Mod;
typedef struct Stmt Stmt;
typedef struct Expr Expr;
typedef struct Arguments Arguments;
typedef struct Arg Arg;
typedef struct Keyword Keyword;
typedef struct Alias Alias;
typedef struct WithItem WithItem;
typedef struct Comprehension Comprehension;
typedef struct ExceptHandler ExceptHandler;

typedef struct StmtSeq { Stmt **items; int count, cap; } StmtSeq;
typedef struct ExprSeq { Expr **items; int count, cap; } ExprSeq;
typedef struct ArgSeq { Arg **items; int count, cap; } ArgSeq;
typedef struct KeywordSeq { Keyword **items; int count, cap; } KeywordSeq;
typedef struct AliasSeq { Alias **items; int count, cap; } AliasSeq;
typedef struct WithItemSeq { WithItem **items; int count, cap; } WithItemSeq;
typedef struct ComprehensionSeq { Comprehension **items; int count, cap; } ComprehensionSeq;
typedef struct ExceptHandlerSeq { ExceptHandler **items; int count, cap; } ExceptHandlerSeq;
typedef struct IdentSeq { const char **items; int count, cap; } IdentSeq;
typedef struct CmpOpSeq { AstCmpOp *items; int count, cap; } CmpOpSeq;

/* ---- constants ------------------------------------------------------------ */

typedef enum AstConstKind {
  CONST_NONE = 1, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
  CONST_INT,      /* v.i: digits in base, see below */
  CONST_FLOAT,    /* v.f */
  CONST_COMPLEX,  /* v.f is the imaginary part (a literal like 2.5j); real part 0 */
  CONST_STR,      /* v.s: UTF-8, may contain NUL, len excludes the trailing NUL */
  CONST_BYTES     /* v.s: raw bytes */
} AstConstKind;

typedef struct AstConst {
  AstConstKind kind;
  union {
    /* Integer literal: base 2, 8, 10 or 16; digits without prefix or underscores,
       lowercase, no leading zeros (zero is "0"). Always non-negative. */
    struct { const char *digits; int base; } i;
    double f;
    /* String/bytes payload, NUL-terminated in the arena (the NUL is extra). */
    struct { const char *data; size_t len; } s;
  } v;
} AstConst;

/* ---- nodes ---------------------------------------------------------------- */

struct Mod {
  ModKind kind;
  union {
    struct { StmtSeq body; } Module;        /* type_ignores are always [] */
    struct { StmtSeq body; } Interactive;
    struct { Expr *body; } Expression;
  } v;
};

struct Stmt {
  StmtKind kind;
  AST_LOC_FIELDS;
  union {
    struct { const char *name; Arguments *args; StmtSeq body; ExprSeq decorator_list;
             Expr *returns; } FunctionDef;
    struct { const char *name; ExprSeq bases; KeywordSeq keywords; StmtSeq body;
             ExprSeq decorator_list; } ClassDef;
    struct { Expr *value; } Return;
    struct { ExprSeq targets; } Delete;
    struct { ExprSeq targets; Expr *value; } Assign;
    struct { Expr *target; AstOperator op; Expr *value; } AugAssign;
    /* simple is 1 for a bare Name target not in parentheses */
    struct { Expr *target; Expr *annotation; Expr *value; int simple; } AnnAssign;
    struct { Expr *target; Expr *iter; StmtSeq body; StmtSeq orelse; } For;
    struct { Expr *test; StmtSeq body; StmtSeq orelse; } While;
    struct { Expr *test; StmtSeq body; StmtSeq orelse; } If;
    struct { WithItemSeq items; StmtSeq body; } With;
    struct { Expr *exc; Expr *cause; } Raise;
    struct { StmtSeq body; ExceptHandlerSeq handlers; StmtSeq orelse;
             StmtSeq finalbody; } Try;
    struct { Expr *test; Expr *msg; } Assert;
    struct { AliasSeq names; } Import;
    /* module NULL for `from . import x`; level = number of leading dots */
    struct { const char *module; AliasSeq names; int level; } ImportFrom;
    struct { IdentSeq names; } Global;
    struct { IdentSeq names; } Nonlocal;
    struct { Expr *value; } Expr;
  } v;
};

struct Expr {
  ExprKind kind;
  AST_LOC_FIELDS;
  union {
    struct { AstBoolOp op; ExprSeq values; } BoolOp;
    struct { Expr *target; Expr *value; } NamedExpr;
    struct { Expr *left; AstOperator op; Expr *right; } BinOp;
    struct { AstUnaryOp op; Expr *operand; } UnaryOp;
    struct { Arguments *args; Expr *body; } Lambda;
    struct { Expr *test; Expr *body; Expr *orelse; } IfExp;
    struct { ExprSeq keys; ExprSeq values; } Dict;      /* keys[i] NULL: **values[i] */
    struct { ExprSeq elts; } Set;
    struct { Expr *elt; ComprehensionSeq generators; } ListComp;
    struct { Expr *elt; ComprehensionSeq generators; } SetComp;
    struct { Expr *key; Expr *value; ComprehensionSeq generators; } DictComp;
    struct { Expr *elt; ComprehensionSeq generators; } GeneratorExp;
    struct { Expr *value; } Yield;                     /* value may be NULL */
    struct { Expr *value; } YieldFrom;
    struct { Expr *left; CmpOpSeq ops; ExprSeq comparators; } Compare;
    struct { Expr *func; ExprSeq args; KeywordSeq keywords; } Call;
    /* conversion: -1 none, 's', 'r' or 'a'; format_spec NULL or a JoinedStr */
    struct { Expr *value; int conversion; Expr *format_spec; } FormattedValue;
    struct { ExprSeq values; } JoinedStr;   /* Constant(str) and FormattedValue parts */
    /* kind is "u" for a u'' literal, else NULL (CPython's Constant.kind) */
    struct { AstConst value; const char *kind; } Constant;
    struct { Expr *value; const char *attr; ExprContext ctx; } Attribute;
    struct { Expr *value; Expr *slice; ExprContext ctx; } Subscript;
    struct { Expr *value; ExprContext ctx; } Starred;
    struct { const char *id; ExprContext ctx; } Name;
    struct { ExprSeq elts; ExprContext ctx; } List;
    struct { ExprSeq elts; ExprContext ctx; } Tuple;
    struct { Expr *lower; Expr *upper; Expr *step; } Slice;
  } v;
  /* Parser bookkeeping: 1 when the expression was written inside its own
     parentheses, e.g. `(a)` (CPython's AST does not record this; the compiler can
     ignore it). */
  unsigned char parenthesized;
};

/* No location (as in CPython). defaults holds the defaults of the LAST
   len(defaults) of posonlyargs+args; kw_defaults is parallel to kwonlyargs. */
struct Arguments {
  ArgSeq posonlyargs;
  ArgSeq args;
  Arg *vararg;            /* *name, or NULL */
  ArgSeq kwonlyargs;
  ExprSeq kw_defaults;    /* NULL entry = no default */
  Arg *kwarg;             /* **name, or NULL */
  ExprSeq defaults;
};

struct Arg {
  const char *arg;
  Expr *annotation;       /* NULL if none */
  AST_LOC_FIELDS;
};

struct Keyword {
  const char *arg;        /* NULL for **mapping */
  Expr *value;
  AST_LOC_FIELDS;
};

struct Alias {
  const char *name;       /* dotted name, or "*" */
  const char *asname;     /* NULL if none */
  AST_LOC_FIELDS;
};

struct WithItem {         /* no location (as in CPython) */
  Expr *context_expr;
  Expr *optional_vars;    /* NULL if none; else a Store target */
};

struct Comprehension {    /* no location (as in CPython) */
  Expr *target;
  Expr *iter;
  ExprSeq ifs;
  int is_async;           /* always 0 for now */
};

struct ExceptHandler {
  Expr *type;             /* NULL for a bare except */
  const char *name;       /* NULL if no `as` */
  StmtSeq body;
  AST_LOC_FIELDS;
};

/* ---- constructors (called by parser/grammar.y actions only) ------------------
   Each builds one node in p->arena with CPython's location rules, or checks what
   LALR(1) could not and records CPython's SyntaxError in p. All return NULL once an
   error has been recorded (p->failed), and accept NULL children in that state. */

typedef struct Parser Parser;
typedef struct IfChain IfChain;
typedef struct Params Params;
typedef struct CallArgs CallArgs;
typedef struct DictItems DictItems;
typedef struct Token Token;

void ast_set_module(Parser *p, StmtSeq *body);
void ast_set_interactive(Parser *p, StmtSeq *body);
void ast_set_expression(Parser *p, Expr *body);
StmtSeq *ast_stmts_push(Parser *p, StmtSeq *seq, Stmt *s);
StmtSeq *ast_stmts_extend(Parser *p, StmtSeq *seq, StmtSeq *more);
ExprSeq *ast_exprs_push(Parser *p, ExprSeq *seq, Expr *e);
IdentSeq *ast_names_push(Parser *p, IdentSeq *seq, int name_tok);
AliasSeq *ast_aliases_push(Parser *p, AliasSeq *seq, Alias *a);
ExceptHandlerSeq *ast_handlers_push(Parser *p, ExceptHandlerSeq *seq, ExceptHandler *h);
WithItemSeq *ast_withitems_push(Parser *p, WithItemSeq *seq, WithItem *w);

Stmt *ast_expr_stmt(Parser *p, Expr *e);
Stmt *ast_simple(Parser *p, StmtKind kind, int tok);
Stmt *ast_delete(Parser *p, int del_tok, ExprSeq *targets, int comma_tok);
Stmt *ast_return(Parser *p, int tok, Expr *value);
Stmt *ast_raise(Parser *p, int tok, Expr *exc, Expr *cause);
Stmt *ast_global(Parser *p, StmtKind kind, int tok, IdentSeq *names);
Stmt *ast_assert(Parser *p, int tok, Expr *test, Expr *msg);
Stmt *ast_augassign(Parser *p, Expr *target, int op, Expr *value);
Stmt *ast_annassign(Parser *p, Expr *target, Expr *annotation, Expr *value);
ExprSeq *ast_assign_target(Parser *p, ExprSeq *targets, Expr *e, int eq_tok);
Stmt *ast_assign(Parser *p, ExprSeq *targets, Expr *value);
Stmt *ast_import(Parser *p, int tok, AliasSeq *names);
Stmt *ast_import_from(Parser *p, int tok, int level, Token *module, AliasSeq *names);
AliasSeq *ast_alias_star(Parser *p, int star_tok);
AliasSeq *ast_import_close(Parser *p, AliasSeq *names, int rpar_tok);
void ast_import_trailing_comma(Parser *p, int comma_tok);
Token *ast_dotted_name(Parser *p, Token *prefix, int name_tok);
Alias *ast_alias(Parser *p, Token *dotted, int as_tok);
Alias *ast_alias_name(Parser *p, int name_tok, int as_tok);
Stmt *ast_decorate(Parser *p, ExprSeq *decorators, Stmt *def);
IfChain *ast_if_chain(Parser *p, IfChain *chain, int tok, Expr *test, StmtSeq *body);
Stmt *ast_if(Parser *p, IfChain *chain, StmtSeq *orelse);
Stmt *ast_while(Parser *p, int tok, Expr *test, StmtSeq *body, StmtSeq *orelse);
Stmt *ast_for(Parser *p, int tok, Expr *target, Expr *iter, StmtSeq *body, StmtSeq *orelse);
Stmt *ast_try(Parser *p, int tok, StmtSeq *body, ExceptHandlerSeq *handlers,
              StmtSeq *orelse, StmtSeq *finalbody);
ExceptHandler *ast_handler(Parser *p, int tok, Expr *type, int name_tok, StmtSeq *body);
Stmt *ast_with(Parser *p, int tok, WithItemSeq *items, StmtSeq *body);
WithItem *ast_withitem(Parser *p, Expr *ctx, Expr *vars);
WithItemSeq *ast_wp_add(Parser *p, WithItemSeq *seq, Expr *ctx, Expr *vars);
WithItemSeq *ast_withitems_from(Parser *p, ExprSeq *plain, Expr *ctx, Expr *vars);
Stmt *ast_funcdef(Parser *p, int tok, int name_tok, Params *params, Expr *returns,
                  StmtSeq *body);
Stmt *ast_classdef(Parser *p, int tok, int name_tok, CallArgs *args, StmtSeq *body);
Params *ast_params_add(Parser *p, Params *ps, int kind, int tok, Expr *annotation,
                       Expr *def);
Params *ast_params_bad_default(Parser *p, Params *ps, int kind, int name_tok, int eq_tok,
                               Expr *def);

Expr *ast_tuple_or_single(Parser *p, ExprSeq *elts);
Expr *ast_tuple_trailing(Parser *p, ExprSeq *elts, int comma_tok);
Expr *ast_yield(Parser *p, int tok, Expr *value);
Expr *ast_yield_from(Parser *p, int tok, Expr *value);
Expr *ast_namedexpr(Parser *p, Expr *target, Expr *value);
Expr *ast_ifexp(Parser *p, Expr *test, Expr *body, Expr *orelse);
Expr *ast_lambda(Parser *p, int tok, Params *params, Expr *body);
Expr *ast_boolop(Parser *p, AstBoolOp op, Expr *left, Expr *right);
Expr *ast_unaryop(Parser *p, int tok, AstUnaryOp op, Expr *operand);
Expr *ast_compare(Parser *p, Expr *left, int op, Expr *right);
Expr *ast_starred(Parser *p, int tok, Expr *value);
Expr *ast_binop(Parser *p, Expr *left, AstOperator op, Expr *right);
Expr *ast_call(Parser *p, Expr *func, CallArgs *args, int rpar_tok);
Expr *ast_subscript(Parser *p, Expr *value, Expr *slice, int rsqb_tok);
Expr *ast_attribute(Parser *p, Expr *value, int name_tok);
Expr *ast_paren(Parser *p, int lpar, ExprSeq *elts, int rpar);
Expr *ast_paren_yield(Parser *p, int lpar, Expr *e, int rpar);
Expr *ast_paren_tuple(Parser *p, int lpar, ExprSeq *elts, int rpar);
Expr *ast_genexp(Parser *p, int lpar, Expr *elt, ComprehensionSeq *gens, int rpar);
Expr *ast_list(Parser *p, int lsqb, ExprSeq *elts, int rsqb);
Expr *ast_listcomp(Parser *p, int lsqb, Expr *elt, ComprehensionSeq *gens, int rsqb);
Expr *ast_dict(Parser *p, int lbrace, DictItems *items, int rbrace);
Expr *ast_dictcomp(Parser *p, int lbrace, Expr *key, Expr *value, ComprehensionSeq *gens,
                   int rbrace);
Expr *ast_set(Parser *p, int lbrace, ExprSeq *elts, int rbrace);
Expr *ast_setcomp(Parser *p, int lbrace, Expr *elt, ComprehensionSeq *gens, int rbrace);
Expr *ast_name(Parser *p, int tok);
Expr *ast_number(Parser *p, int tok);
Expr *ast_strings(Parser *p, int first_tok);
Expr *ast_keyword_const(Parser *p, int tok, AstConstKind kind);
DictItems *ast_dict_add(Parser *p, DictItems *items, Expr *key, Expr *value);
ComprehensionSeq *ast_comp_for(Parser *p, ComprehensionSeq *gens, Expr *target, Expr *iter);
ComprehensionSeq *ast_comp_if(Parser *p, ComprehensionSeq *gens, Expr *cond);
CallArgs *ast_args_add(Parser *p, CallArgs *args, int kind, Expr *value, Expr *name,
                       int tok);
CallArgs *ast_args_named(Parser *p, CallArgs *args, Expr *target, Expr *value);
CallArgs *ast_args_star(Parser *p, CallArgs *args, int star_tok, Expr *value);
CallArgs *ast_args_genexp(Parser *p, CallArgs *args, Expr *elt, ComprehensionSeq *gens);
void ast_args_trailing_comma(Parser *p, CallArgs *args, int comma_tok);
Expr *ast_slice(Parser *p, Expr *lower, int colon1, Expr *upper, int colon2, Expr *step);

/* ---- dumping -------------------------------------------------------------- */

/* Print m exactly as CPython 3.11's `print(ast.dump(tree, indent=2))` does,
   including the final newline. */
void ast_dump(const Mod *m, FILE *out);

/* Names of the enum values as CPython's ast module spells them ("Add", "Load",
   "FunctionDef", ...); useful for diagnostics and the dumper. */
const char *ast_operator_name(AstOperator op);
const char *ast_unaryop_name(AstUnaryOp op);
const char *ast_cmpop_name(AstCmpOp op);
const char *ast_boolop_name(AstBoolOp op);
const char *ast_context_name(ExprContext ctx);
const char *ast_stmt_kind_name(StmtKind k);
const char *ast_expr_kind_name(ExprKind k);

#endif
