/*
 * set: set and frozenset (open addressing, CPython's probing so that iteration order
 * matches CPython's for the same insertions).
 *
 * Deleted entries hold key == &vm->set_dummy and hash -1 (never a valid hash), so
 * set_next can skip them without the VM. Sets and frozensets are always tracked.
 */
#ifndef KITE_RUNTIME_SET_H
#define KITE_RUNTIME_SET_H

#include "vm/vm.h"

typedef struct SetEntry {
  Object *key;           /* NULL = empty; the VM's dummy marker = deleted */
  int64_t hash;
} SetEntry;

typedef struct SetObject {
  Object ob;
  ssize_t fill;          /* active + dummy */
  ssize_t used;          /* active */
  ssize_t mask;          /* table size - 1 */
  SetEntry *table;
  int64_t hash;          /* frozenset only; -1 until computed */
  ssize_t finger;        /* pop() position */
  SetEntry smalltable[8];
} SetObject;

/* New reference: an empty set, or set(iterable) when iterable is not NULL. */
Object *set_new(VM *vm, Object *iterable);
/* New reference: frozenset(iterable) (iterable may be NULL). */
Object *frozenset_new(VM *vm, Object *iterable);
/* Add key (borrowed). 0 or -1. */
int set_add(VM *vm, Object *set, Object *key);
/* 1, 0 or -1. */
int set_contains(VM *vm, Object *set, Object *key);
/* Remove key: 1 if found, 0 if not, -1 on error. */
int set_discard(VM *vm, Object *set, Object *key);
/* Iterate: *pos = 0 first; returns 1 with a borrowed key while entries remain. */
int set_next(Object *set, ssize_t *pos, Object **key);
static inline ssize_t set_size(Object *s) { return ((SetObject *)s)->used; }

/* Initialises set and set_iterator (and the dummy marker). */
void set_type_init(VM *vm);
void frozenset_type_init(VM *vm);

#endif
