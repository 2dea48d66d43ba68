/*
 * debug: a readable disassembly, in the spirit of CPython's dis module:
 *   line  index OPNAME            arg (meaning)
 * followed by the exception table, then the nested code objects.
 */
#include "vm/debug.h"

#include <string.h>

#include "parser/parse.h"
#include "runtime/exc.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compile.h"
#include "vm/run.h"

/* A constant's repr, shortened; code objects without their address so that the
   output is reproducible. */
static void print_obj(VM *vm, Object *o, FILE *out) {
  if (!obj_is_small(o) && obj_type(vm, o) == &vm->code_type) {
    CodeObject *co = (CodeObject *)o;
    fprintf(out, "<code object %s, line %d>", str_utf8(co->name), co->firstlineno);
    return;
  }
  Object *r = obj_repr(vm, o);
  if (!r) {
    exc_clear(vm);
    fputs("?", out);
    return;
  }
  fprintf(out, "%.60s", str_utf8(r));
  obj_decref(vm, r);
}

void debug_dis_instr(VM *vm, CodeObject *co, int i, FILE *out) {
  Instr in = co->code[i];
  int op = INSTR_OP(in);
  uint32_t arg = INSTR_ARG(in);
  Position p = code_position(co, i);
  int prev = i > 0 ? code_line(co, i - 1) : -1;
  if (p.line != prev) fprintf(out, "%5d ", p.line);
  else fputs("      ", out);
  fprintf(out, "%6d %-22s %u", i, op < OP__COUNT ? opcode_names[op] : "?", arg);
  switch (op) {
    case OP_LOAD_CONST:
      fputs(" (", out);
      print_obj(vm, TUPLE_ITEMS(co->consts)[arg], out);
      fputs(")", out);
      break;
    case OP_LOAD_NAME: case OP_STORE_NAME: case OP_DELETE_NAME: case OP_STORE_GLOBAL:
    case OP_DELETE_GLOBAL: case OP_LOAD_ATTR: case OP_STORE_ATTR: case OP_DELETE_ATTR:
    case OP_LOAD_METHOD: case OP_IMPORT_NAME: case OP_IMPORT_FROM:
      fprintf(out, " (%s)", str_utf8(TUPLE_ITEMS(co->names)[arg]));
      break;
    case OP_LOAD_GLOBAL:
      fprintf(out, " (%s%s)", arg & 1 ? "NULL + " : "", str_utf8(TUPLE_ITEMS(co->names)[arg >> 1]));
      break;
    case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST: case OP_LOAD_DEREF:
    case OP_STORE_DEREF: case OP_DELETE_DEREF: case OP_LOAD_CLOSURE: case OP_MAKE_CELL:
    case OP_LOAD_CLASSDEREF:
      fprintf(out, " (%s)", str_utf8(TUPLE_ITEMS(co->localsplusnames)[arg]));
      break;
    case OP_JUMP: case OP_JUMP_BACKWARD: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE: case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP: case OP_FOR_ITER: case OP_SEND:
      fprintf(out, " (to %u)", arg);
      break;
    case OP_BINARY_OP: {
      static const char *const ops[BINOP_COUNT] = {
          [BINOP_ADD] = "+", [BINOP_SUB] = "-", [BINOP_MUL] = "*", [BINOP_MATMUL] = "@",
          [BINOP_TRUEDIV] = "/", [BINOP_MOD] = "%", [BINOP_POW] = "**", [BINOP_LSHIFT] = "<<",
          [BINOP_RSHIFT] = ">>", [BINOP_OR] = "|", [BINOP_XOR] = "^", [BINOP_AND] = "&",
          [BINOP_FLOORDIV] = "//"};
      uint32_t b = arg & ~(uint32_t)BINOP_INPLACE;
      if (b < BINOP_COUNT && ops[b]) fprintf(out, " (%s%s)", ops[b], arg & BINOP_INPLACE ? "=" : "");
      break;
    }
    case OP_COMPARE_OP: {
      static const char *const cmps[] = {"<", "<=", "==", "!=", ">", ">="};
      if (arg < sizeof cmps / sizeof cmps[0]) fprintf(out, " (%s)", cmps[arg]);
      break;
    }
    default: break;
  }
  fputc('\n', out);
}

void debug_dis_code(VM *vm, CodeObject *co, FILE *out) {
  fprintf(out, "Disassembly of %s (%s, line %d, stack %d):\n", str_utf8(co->qualname), str_utf8(co->filename),
          co->firstlineno, co->stacksize);
  for (int i = 0; i < co->ncode; i++) debug_dis_instr(vm, co, i, out);
  if (co->nexc) {
    fputs("ExceptionTable:\n", out);
    for (int i = 0; i < co->nexc; i++)
      fprintf(out, "  %u to %u -> %u [%u]\n", co->exctable[i].start, co->exctable[i].end - 1,
              co->exctable[i].handler, co->exctable[i].depth);
  }
  for (ssize_t i = 0; i < TUPLE_SIZE(co->consts); i++) {
    Object *c = TUPLE_ITEMS(co->consts)[i];
    if (!obj_is_small(c) && obj_type(vm, c) == &vm->code_type) {
      fputc('\n', out);
      debug_dis_code(vm, (CodeObject *)c, out);
    }
  }
}

int debug_dis_file(VM *vm, const char *path, FILE *out) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(vm->err ? vm->err : stderr, "kite: can't open file '%s'\n", path);
    return 2;
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *src = heap_alloc(vm, (size_t)n + 1);
  if (!src) {
    fclose(f);
    return run_handle_exception(vm);
  }
  size_t got = fread(src, 1, (size_t)n, f);
  fclose(f);
  src[got] = 0;
  Arena *arena = ast_arena_new(vm);
  SyntaxErrorInfo err;
  memset(&err, 0, sizeof err);
  Mod *mod = arena ? parse_source(vm, arena, src, got, path, PARSE_FILE, &err) : NULL;
  heap_free(vm, src, (size_t)n + 1);
  if (!mod) {
    ast_arena_free(arena);
    if (exc_occurred(vm)) return run_handle_exception(vm);
    parse_print_error(&err, path, vm->err ? vm->err : stderr);
    return 1;
  }
  Object *code = comp_compile(vm, mod, arena, path, COMP_EXEC);
  ast_arena_free(arena);
  if (!code) return run_handle_exception(vm);
  debug_dis_code(vm, (CodeObject *)code, out);
  obj_decref(vm, code);
  return 0;
}
