/*
 * opcodes: every bytecode instruction, listed once.
 *
 * Instruction format: one 32-bit word, opcode in the low 8 bits and a 24-bit unsigned
 * argument above it (INSTR_OP / INSTR_ARG). 24 bits hold any index or jump target a
 * real program needs (a code object larger than 16M instructions is a SyntaxError
 * "too many ..."), so there is no EXTENDED_ARG and jump targets are absolute
 * instruction indices: decoding is one mask and one shift, and a jump is one add.
 *
 * OP(name, effect) gives the net stack effect of the instruction when it does not
 * jump; OPCODE_VAR marks the ones whose effect depends on the argument or on whether
 * the jump is taken (comp_stack_effect in vm/compile.c computes those). The list feeds
 * the Opcode enum, the disassembler's names, the compiler's max-stack computation and
 * the computed-goto label table in vm/exec.c.
 *
 * Stack notation in the comments: [... a, b] -> [... c], top of stack on the right.
 * The call protocol follows CPython 3.11: a call site is [NULL, callable, args...] or
 * [method, self, args...] (LOAD_METHOD), so a bound method can be unpacked in place.
 */
#ifndef KITE_VM_OPCODES_H
#define KITE_VM_OPCODES_H

#include <stdint.h>

#define OPCODE_VAR 99

#define KITE_OPCODES(OP)                                                                 \
  OP(NOP, 0)                                                                             \
  OP(POP_TOP, -1)                                                                        \
  OP(PUSH_NULL, 1)                                                                       \
  OP(COPY, 1)             /* push a copy of the arg-th item (1 = top) */                 \
  OP(SWAP, 0)             /* swap top with the arg-th item */                            \
  OP(LOAD_CONST, 1)                                                                      \
  OP(LOAD_FAST, 1)        /* UnboundLocalError when unset */                             \
  OP(STORE_FAST, -1)                                                                     \
  OP(DELETE_FAST, 0)                                                                     \
  OP(LOAD_DEREF, 1)       /* localsplus[arg] is a cell */                                \
  OP(LOAD_CLASSDEREF, 1)  /* class body: locals dict first, then the cell */             \
  OP(STORE_DEREF, -1)                                                                    \
  OP(DELETE_DEREF, 0)                                                                    \
  OP(LOAD_CLOSURE, 1)     /* push the cell itself */                                     \
  OP(MAKE_CELL, 0)        /* wrap localsplus[arg] in a new cell */                       \
  OP(COPY_FREE_VARS, 0)   /* copy the function's closure into the last arg slots */      \
  OP(LOAD_NAME, 1)                                                                       \
  OP(STORE_NAME, -1)                                                                     \
  OP(DELETE_NAME, 0)                                                                     \
  OP(LOAD_GLOBAL, OPCODE_VAR) /* arg = name << 1 | push NULL first */                    \
  OP(STORE_GLOBAL, -1)                                                                   \
  OP(DELETE_GLOBAL, 0)                                                                   \
  OP(LOAD_ATTR, 0)                                                                       \
  OP(STORE_ATTR, -2)      /* [value, obj] */                                             \
  OP(DELETE_ATTR, -1)                                                                    \
  OP(LOAD_METHOD, 1)      /* [obj] -> [meth, self] or [NULL, attr] */                    \
  OP(BINARY_SUBSCR, -1)                                                                  \
  OP(STORE_SUBSCR, -3)    /* [value, container, key] */                                 \
  OP(DELETE_SUBSCR, -2)                                                                  \
  OP(BINARY_OP, -1)       /* arg: BinOp (| BINOP_INPLACE) */                             \
  OP(UNARY_NEGATIVE, 0)                                                                  \
  OP(UNARY_POSITIVE, 0)                                                                  \
  OP(UNARY_INVERT, 0)                                                                    \
  OP(UNARY_NOT, 0)                                                                       \
  OP(COMPARE_OP, -1)      /* arg: CMP_* */                                               \
  OP(IS_OP, -1)           /* arg 1: is not */                                            \
  OP(CONTAINS_OP, -1)     /* arg 1: not in */                                            \
  OP(BUILD_TUPLE, OPCODE_VAR)                                                            \
  OP(BUILD_LIST, OPCODE_VAR)                                                             \
  OP(BUILD_SET, OPCODE_VAR)                                                              \
  OP(BUILD_MAP, OPCODE_VAR)       /* arg pairs */                                        \
  OP(BUILD_CONST_KEY_MAP, OPCODE_VAR) /* [values..., keys tuple] */                      \
  OP(BUILD_STRING, OPCODE_VAR)                                                           \
  OP(BUILD_SLICE, OPCODE_VAR)     /* arg 2 or 3 */                                       \
  OP(LIST_APPEND, -1)     /* list is the arg-th item below the popped value */           \
  OP(SET_ADD, -1)                                                                        \
  OP(MAP_ADD, -2)                                                                        \
  OP(LIST_EXTEND, -1)                                                                    \
  OP(SET_UPDATE, -1)                                                                     \
  OP(DICT_UPDATE, -1)                                                                    \
  OP(DICT_MERGE, -1)      /* for **kwargs: duplicate keys are an error */                \
  OP(LIST_TO_TUPLE, 0)                                                                   \
  OP(UNPACK_SEQUENCE, OPCODE_VAR)                                                        \
  OP(UNPACK_EX, OPCODE_VAR)       /* arg: before | after << 8 */                         \
  OP(JUMP, 0)                                                                            \
  OP(JUMP_BACKWARD, 0)    /* a loop edge: the place for periodic checks */               \
  OP(POP_JUMP_IF_FALSE, -1)                                                              \
  OP(POP_JUMP_IF_TRUE, -1)                                                               \
  OP(POP_JUMP_IF_NONE, -1)                                                               \
  OP(POP_JUMP_IF_NOT_NONE, -1)                                                           \
  OP(JUMP_IF_FALSE_OR_POP, OPCODE_VAR)                                                   \
  OP(JUMP_IF_TRUE_OR_POP, OPCODE_VAR)                                                    \
  OP(GET_ITER, 0)                                                                        \
  OP(FOR_ITER, OPCODE_VAR) /* [iter] -> [iter, next], or pop and jump */                 \
  OP(KW_NAMES, 0)         /* consts[arg] names the next CALL's keyword arguments */      \
  OP(CALL, OPCODE_VAR)    /* [NULL|meth, callable|self, args...] -> [result] */          \
  OP(CALL_FUNCTION_EX, OPCODE_VAR) /* [NULL, f, args tuple, (kwargs)] arg 1: kwargs */   \
  OP(MAKE_FUNCTION, OPCODE_VAR) /* flags: 1 defaults 2 kwdefaults 4 annotations 8 closure */ \
  OP(RETURN_VALUE, -1)                                                                   \
  OP(RAISE_VARARGS, OPCODE_VAR)                                                          \
  OP(RERAISE, -1)         /* [exc] */                                                    \
  OP(PUSH_EXC_INFO, 1)    /* [exc] -> [prev, exc]; exc becomes the handled one */        \
  OP(POP_EXCEPT, -1)      /* [prev] restores the handled exception */                    \
  OP(CHECK_EXC_MATCH, 0)  /* [exc, type] -> [exc, bool] */                               \
  OP(BEFORE_WITH, 1)      /* [mgr] -> [exit, enter()] */                                 \
  OP(WITH_EXCEPT_START, 1) /* [exit, prev, exc] -> [..., exit(type, exc, tb)] */         \
  OP(YIELD_VALUE, 0)                                                                     \
  OP(GET_YIELD_FROM_ITER, 0)                                                             \
  OP(SEND, OPCODE_VAR)    /* [sub, v] -> [sub, yielded], or [value] and jump */          \
  OP(LOAD_BUILD_CLASS, 1)                                                                \
  OP(LOAD_ASSERTION_ERROR, 1)                                                            \
  OP(IMPORT_NAME, -1)     /* [level, fromlist] -> [module] */                            \
  OP(IMPORT_FROM, 1)                                                                     \
  OP(IMPORT_STAR, -1)                                                                    \
  OP(FORMAT_VALUE, OPCODE_VAR) /* arg: conversion (0 none 1 s 2 r 3 a) | 4 has spec */   \
  OP(SETUP_ANNOTATIONS, 0)                                                               \
  OP(PRINT_EXPR, -1)                                                                     \
  OP(RETURN_GENERATOR, 0) /* first instruction of a generator: suspend at once */        \
  OP(BINARY_ADD_INT, -1)  /* specialised forms (quickened in place; same layout) */      \
  OP(BINARY_SUB_INT, -1)                                                                 \
  OP(COMPARE_INT, -1)                                                                    \
  OP(FOR_ITER_RANGE, OPCODE_VAR)                                                         \
  OP(FOR_ITER_LIST, OPCODE_VAR)

typedef enum Opcode {
#define OPCODE_ENUM_(name, effect) OP_##name,
  KITE_OPCODES(OPCODE_ENUM_)
#undef OPCODE_ENUM_
  OP__COUNT
} Opcode;

typedef uint32_t Instr;

#define INSTR_OP(i) ((Opcode)((i) & 0xffu))
#define INSTR_ARG(i) ((uint32_t)(i) >> 8)
#define INSTR_MAKE(op, arg) ((Instr)(op) | ((Instr)(arg) << 8))
#define INSTR_ARG_MAX 0xffffffu

/* CALL's argument: the number of arguments after the two callable slots. */
/* FORMAT_VALUE's argument. */
enum { FVC_NONE = 0, FVC_STR = 1, FVC_REPR = 2, FVC_ASCII = 3, FVC_MASK = 3, FVS_HAVE_SPEC = 4 };
/* MAKE_FUNCTION's flags. */
enum { MKFN_DEFAULTS = 1, MKFN_KWDEFAULTS = 2, MKFN_ANNOTATIONS = 4, MKFN_CLOSURE = 8 };

/* Names of the opcodes ("LOAD_CONST"), indexed by Opcode. */
extern const char *const opcode_names[OP__COUNT];

#endif
