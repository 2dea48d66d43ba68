/*
 * code: code objects, the compiled form of one function, class body, module or
 * comprehension (CPython's PyCodeObject, Kite's layout).
 *
 * Invariants:
 *  - code[0..ncode) are 32-bit instructions (vm/opcodes.h); jump arguments are
 *    absolute instruction indices.
 *  - localsplus = locals (arguments first, in signature order: positional, *args,
 *    keyword-only, **kwargs), then cells that are not arguments, then free variables.
 *    localspluskinds[i] tells which; a cell that is also an argument stays in its
 *    argument slot with kind CO_FAST_LOCAL|CO_FAST_CELL and MAKE_CELL wraps it on entry
 *    (CPython 3.11's scheme). A frame needs nlocalsplus + stacksize value slots.
 *  - The exception table holds non-overlapping [start, end) ranges, sorted by start;
 *    an exception raised at instruction i with no entry covering i leaves the frame.
 *  - The position table gives (line, end line, column, end column) per instruction;
 *    columns are 0-based UTF-8 byte offsets, -1 when unknown.
 *  - Code objects are immutable after comp_ builds them (specialised instructions are
 *    rewritten in place, but they keep the layout and meaning) and are not tracked by
 *    the GC: they can only refer to constants, which cannot refer back to them.
 */
#ifndef KITE_VM_CODE_H
#define KITE_VM_CODE_H

#include "vm/vm.h"
#include "vm/opcodes.h"

enum {
  CO_OPTIMIZED = 0x1,     /* locals are fast slots (functions) */
  CO_NEWLOCALS = 0x2,
  CO_VARARGS = 0x4,
  CO_VARKEYWORDS = 0x8,
  CO_NESTED = 0x10,
  CO_GENERATOR = 0x20,
  CO_NOFREE = 0x40,
};

/* localspluskinds values (CPython's). */
enum { CO_FAST_LOCAL = 0x20, CO_FAST_CELL = 0x40, CO_FAST_FREE = 0x80 };

typedef struct ExcEntry {
  uint32_t start, end;    /* covered instructions [start, end) */
  uint32_t handler;       /* where to jump */
  uint32_t depth;         /* stack depth to unwind to before pushing the exception */
} ExcEntry;

typedef struct Position {
  int line, end_line, col, end_col;
} Position;

typedef struct CodeObject {
  Object ob;
  Instr *code;
  int ncode;
  int argcount, posonlyargcount, kwonlyargcount;
  int flags;
  int nlocalsplus, nlocals, ncellvars, nfreevars;
  int stacksize;
  int firstlineno;
  Object *consts;            /* tuple */
  Object *names;             /* tuple of interned str */
  Object *localsplusnames;   /* tuple of interned str */
  uint8_t *localspluskinds;  /* nlocalsplus bytes */
  Object *filename, *name, *qualname;  /* str */
  uint8_t *linetable;        /* compact positions, see code.c */
  size_t linetable_len;
  ExcEntry *exctable;
  int nexc;
} CodeObject;

/* Everything comp_ gathers for a new code object. Arrays are copied. */
typedef struct CodeSpec {
  const Instr *code;
  int ncode;
  const Position *positions;   /* ncode entries */
  const ExcEntry *exctable;
  int nexc;
  int argcount, posonlyargcount, kwonlyargcount, flags;
  int nlocals, ncellvars, nfreevars, stacksize, firstlineno;
  Object *consts, *names, *localsplusnames;   /* borrowed */
  const uint8_t *localspluskinds;
  Object *filename, *name, *qualname;         /* borrowed */
} CodeSpec;

/* New reference: a code object built from spec. */
Object *code_new(VM *vm, const CodeSpec *spec);
/* The source position of instruction i (lines 0 / columns -1 when unknown). */
Position code_position(CodeObject *co, int i);
/* The line of instruction i (CPython's co_lines / f_lineno). */
int code_line(CodeObject *co, int i);
/* The exception table entry covering instruction i, or NULL. */
const ExcEntry *code_find_handler(CodeObject *co, int i);
void code_type_init(VM *vm);

#endif
