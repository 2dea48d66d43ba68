/*
 * code: code objects.
 *
 * Position table encoding: for each instruction, four zigzag LEB128 varints:
 * line - previous line, end_line - line, col + 1, end_col + 1 (so "unknown" = 0).
 * Most deltas fit one byte, so a typical instruction costs 4 bytes of positions
 * against 16 unpacked. Decoding is sequential: positions are only needed for
 * tracebacks and the disassembler, never on the fast path.
 */
#include "vm/code.h"

#include <string.h>

#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

const char *const opcode_names[OP__COUNT] = {
#define OPCODE_NAME_(name, effect) #name,
    KITE_OPCODES(OPCODE_NAME_)
#undef OPCODE_NAME_
};

/* ---- position table ---------------------------------------------------------- */

static size_t put_varint(uint8_t *out, int64_t v) {
  uint64_t z = ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
  size_t n = 0;
  do {
    uint8_t b = z & 0x7f;
    z >>= 7;
    out[n++] = (uint8_t)(b | (z ? 0x80 : 0));
  } while (z);
  return n;
}

static int64_t get_varint(const uint8_t **p) {
  uint64_t z = 0;
  int shift = 0;
  uint8_t b;
  do {
    b = *(*p)++;
    z |= (uint64_t)(b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  return (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
}

static uint8_t *encode_positions(VM *vm, const Position *pos, int n, size_t *len) {
  size_t cap = (size_t)n * 4 * 10 + 1;
  uint8_t *buf = heap_alloc(vm, cap);
  if (!buf) return NULL;
  size_t k = 0;
  int prev = 0;
  for (int i = 0; i < n; i++) {
    k += put_varint(buf + k, pos[i].line - prev);
    k += put_varint(buf + k, pos[i].end_line - pos[i].line);
    k += put_varint(buf + k, pos[i].col + 1);
    k += put_varint(buf + k, pos[i].end_col + 1);
    prev = pos[i].line;
  }
  uint8_t *shrunk = heap_realloc(vm, buf, cap, k ? k : 1);
  if (!shrunk) {
    heap_free(vm, buf, cap);
    return NULL;
  }
  *len = k ? k : 1;
  return shrunk;
}

Position code_position(CodeObject *co, int i) {
  Position p = {0, 0, -1, -1};
  if (i < 0 || i >= co->ncode) return p;
  const uint8_t *q = co->linetable;
  int line = 0;
  for (int k = 0; k <= i; k++) {
    line += (int)get_varint(&q);
    p.line = line;
    p.end_line = line + (int)get_varint(&q);
    p.col = (int)get_varint(&q) - 1;
    p.end_col = (int)get_varint(&q) - 1;
  }
  return p;
}

int code_line(CodeObject *co, int i) { return code_position(co, i).line; }

const ExcEntry *code_find_handler(CodeObject *co, int i) {
  uint32_t u = (uint32_t)i;
  int lo = 0, hi = co->nexc;
  while (lo < hi) {   /* entries are sorted and disjoint: binary search */
    int mid = (lo + hi) / 2;
    const ExcEntry *e = &co->exctable[mid];
    if (u < e->start) hi = mid;
    else if (u >= e->end) lo = mid + 1;
    else return e;
  }
  return NULL;
}

/* ---- the object ------------------------------------------------------------- */

static void *copy_array(VM *vm, const void *src, size_t n, bool *failed) {
  if (n == 0) return NULL;
  void *p = heap_alloc(vm, n);
  if (!p) {
    *failed = true;
    return NULL;
  }
  memcpy(p, src, n);
  return p;
}

Object *code_new(VM *vm, const CodeSpec *s) {
  CodeObject *co = (CodeObject *)obj_alloc(vm, &vm->code_type, 0);
  if (!co) return NULL;
  bool failed = false;
  int nlp = s->nlocals + s->ncellvars + s->nfreevars;
  co->code = copy_array(vm, s->code, (size_t)s->ncode * sizeof(Instr), &failed);
  co->ncode = s->ncode;
  co->exctable = copy_array(vm, s->exctable, (size_t)s->nexc * sizeof(ExcEntry), &failed);
  co->nexc = s->nexc;
  co->localspluskinds = copy_array(vm, s->localspluskinds, (size_t)nlp, &failed);
  co->argcount = s->argcount;
  co->posonlyargcount = s->posonlyargcount;
  co->kwonlyargcount = s->kwonlyargcount;
  co->flags = s->flags;
  co->nlocalsplus = nlp;
  co->nlocals = s->nlocals;
  co->ncellvars = s->ncellvars;
  co->nfreevars = s->nfreevars;
  co->stacksize = s->stacksize;
  co->firstlineno = s->firstlineno;
  co->consts = obj_newref(s->consts);
  co->names = obj_newref(s->names);
  co->localsplusnames = obj_newref(s->localsplusnames);
  co->filename = obj_newref(s->filename);
  co->name = obj_newref(s->name);
  co->qualname = obj_newref(s->qualname);
  if (!failed) {
    co->linetable = encode_positions(vm, s->positions, s->ncode, &co->linetable_len);
    failed = co->linetable == NULL;
  }
  if (failed) {
    obj_decref(vm, (Object *)co);
    return NULL;
  }
  return (Object *)co;
}

static void code_dealloc(VM *vm, Object *self) {
  CodeObject *co = (CodeObject *)self;
  if (co->code) heap_free(vm, co->code, (size_t)co->ncode * sizeof(Instr));
  if (co->exctable) heap_free(vm, co->exctable, (size_t)co->nexc * sizeof(ExcEntry));
  if (co->localspluskinds) heap_free(vm, co->localspluskinds, (size_t)co->nlocalsplus);
  if (co->linetable) heap_free(vm, co->linetable, co->linetable_len);
  OBJ_CLEAR(vm, co->consts);
  OBJ_CLEAR(vm, co->names);
  OBJ_CLEAR(vm, co->localsplusnames);
  OBJ_CLEAR(vm, co->filename);
  OBJ_CLEAR(vm, co->name);
  OBJ_CLEAR(vm, co->qualname);
  obj_free(vm, self, sizeof(CodeObject));
}

static Object *code_repr(VM *vm, Object *self) {
  CodeObject *co = (CodeObject *)self;
  return str_from_format(vm, "<code object %U at %p, file \"%U\", line %d>", co->name,
                         (void *)self, co->filename, co->firstlineno);
}

/* co_varnames: the locals (arguments first). */
static Object *names_of_kind(VM *vm, CodeObject *co, int kind, int exclude) {
  Object *items[co->nlocalsplus + 1];
  ssize_t n = 0;
  for (int i = 0; i < co->nlocalsplus; i++) {
    int k = co->localspluskinds[i];
    if ((k & kind) && !(k & exclude)) items[n++] = TUPLE_ITEMS(co->localsplusnames)[i];
  }
  return tuple_from_array(vm, items, n);
}

static Object *code_get_varnames(VM *vm, Object *self, void *c) {
  return names_of_kind(vm, (CodeObject *)self, CO_FAST_LOCAL, 0);
}
static Object *code_get_cellvars(VM *vm, Object *self, void *c) {
  return names_of_kind(vm, (CodeObject *)self, CO_FAST_CELL, 0);
}
static Object *code_get_freevars(VM *vm, Object *self, void *c) {
  return names_of_kind(vm, (CodeObject *)self, CO_FAST_FREE, 0);
}
static Object *code_get_int(VM *vm, Object *self, void *c) {
  CodeObject *co = (CodeObject *)self;
  int which = (int)(intptr_t)c;
  int v = which == 0 ? co->argcount : which == 1 ? co->posonlyargcount
        : which == 2 ? co->kwonlyargcount : which == 3 ? co->flags
        : which == 4 ? co->firstlineno : which == 5 ? co->stacksize : co->nlocals;
  return small_new(v);
}

static const GetSetDef code_getset[] = {
    {"co_varnames", code_get_varnames, NULL, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL, NULL},
    {"co_argcount", code_get_int, NULL, NULL, (void *)0},
    {"co_posonlyargcount", code_get_int, NULL, NULL, (void *)1},
    {"co_kwonlyargcount", code_get_int, NULL, NULL, (void *)2},
    {"co_flags", code_get_int, NULL, NULL, (void *)3},
    {"co_firstlineno", code_get_int, NULL, NULL, (void *)4},
    {"co_stacksize", code_get_int, NULL, NULL, (void *)5},
    {"co_nlocals", code_get_int, NULL, NULL, (void *)6},
    {NULL, NULL, NULL, NULL, NULL},
};

static const MemberDef code_members[] = {
    {"co_consts", MEMBER_OBJECT_RO, offsetof(CodeObject, consts), NULL},
    {"co_names", MEMBER_OBJECT_RO, offsetof(CodeObject, names), NULL},
    {"co_filename", MEMBER_OBJECT_RO, offsetof(CodeObject, filename), NULL},
    {"co_name", MEMBER_OBJECT_RO, offsetof(CodeObject, name), NULL},
    {"co_qualname", MEMBER_OBJECT_RO, offsetof(CodeObject, qualname), NULL},
    {NULL, 0, 0, NULL},
};

void code_type_init(VM *vm) {
  TypeObject *t = &vm->code_type;
  type_init_builtin(vm, t, "code", NULL, sizeof(CodeObject), 0, 0);
  t->tp_dealloc = code_dealloc;
  t->tp_repr = code_repr;
  t->tp_getset = code_getset;
  t->tp_members = code_members;
}
