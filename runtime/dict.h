/*
 * dict: insertion-ordered hash tables (CPython 3.6+ compact layout: a dense entry
 * array plus a sparse index table). A dict is a container, but one whose keys and
 * values are all atomic stays untracked, as in CPython 3.11.
 *
 * Mutation during iteration raises "dictionary changed size during iteration".
 */
#ifndef KITE_RUNTIME_DICT_H
#define KITE_RUNTIME_DICT_H

#include "vm/vm.h"
#include "runtime/int.h"   /* for int_hash() in dict_key_hash */
#include "runtime/str.h"   /* for the cached str hash in dict_key_hash */

typedef struct DictEntry {
  int64_t hash;
  Object *key;           /* NULL = deleted entry */
  Object *value;
} DictEntry;

typedef struct DictObject {
  Object ob;
  ssize_t used;          /* live entries */
  ssize_t nentries;      /* entries[0..nentries) in use (live or deleted) */
  ssize_t capacity;      /* entries allocated (2/3 of the index table size) */
  uint64_t version;      /* bumped on every mutation (inline caches) */
  void *indices;         /* one heap block: the index table, then the entries; NULL
                            (with entries NULL, capacity 0) for an empty dict */
  uint8_t log2_size;     /* index table size = 1 << log2_size; slots are 1/2/4/8 bytes */
  DictEntry *entries;    /* points into the indices block */
} DictObject;

/* obj_hash(key) with the common cases inline: immediates and exact strs with a
   cached hash never leave this function. -1 on error (unhashable). */
static inline int64_t dict_key_hash(VM *vm, Object *key) {
  if (obj_is_small(key)) {
    int64_t v = small_value(key);
    const int64_t P = (INT64_C(1) << 61) - 1;   /* the int hash modulus */
    if (v > -P && v < P) return v == -1 ? -2 : v;
    return int_hash(vm, key);
  }
  if (key->ob_type == &vm->str_type) {
    int64_t h = ((StrObject *)key)->hash;
    return h != -1 ? h : str_hash(vm, key);
  }
  return obj_hash(vm, key);
}

/* New reference: an empty dict. */
Object *dict_new(VM *vm);
/* Borrowed reference (alive while the dict holds it): d[key], or NULL. NULL with an
   exception only if hashing/comparison failed: check exc_occurred. */
Object *dict_getitem(VM *vm, Object *d, Object *key);
/* Borrowed reference: d[key] for a str key given as a C string, or NULL (no exception). */
Object *dict_getitem_cstr(VM *vm, Object *d, const char *key);
/* Borrowed reference: d[key] for an interned str key (pointer-compare fast path,
   falls back to equality), or NULL (no exception). */
Object *dict_getitem_str(VM *vm, Object *d, Object *key);
/* d[key] = value; both borrowed. 0 or -1. */
int dict_setitem(VM *vm, Object *d, Object *key, Object *value);
int dict_setitem_cstr(VM *vm, Object *d, const char *key, Object *value);
/* del d[key]: 0, or -1 with KeyError (or a hash/comparison error). */
int dict_delitem(VM *vm, Object *d, Object *key);
/* Iterate: start with *pos = 0; returns 1 and borrowed key/value while entries remain. */
int dict_next(Object *d, ssize_t *pos, Object **key, Object **value);
/* 1 if key in d, 0 if not, -1 on error. */
int dict_contains(VM *vm, Object *d, Object *key);
/* Update d from a mapping or an iterable of pairs (dict.update semantics). 0 or -1. */
int dict_update(VM *vm, Object *d, Object *other);
/* Merge: d[k] = v for every item of dict other; override 0 keeps existing keys. 0/-1. */
int dict_merge(VM *vm, Object *d, Object *other, int override);
/* New reference: a shallow copy. */
Object *dict_copy(VM *vm, Object *d);
void dict_clear(VM *vm, Object *d);
static inline ssize_t dict_size(Object *d) { return ((DictObject *)d)->used; }
/* New references: list(d.keys()) / list(d.values()) / list(d.items()). */
Object *dict_keys_list(VM *vm, Object *d);
Object *dict_values_list(VM *vm, Object *d);
Object *dict_items_list(VM *vm, Object *d);

/* New reference: an empty dict with room for n entries without resizing. */
Object *dict_new_presized(VM *vm, ssize_t n);

/* Known-hash variants (hash = obj_hash(key)), for set.c and callers that hash once. */
Object *dict_getitem_hash(VM *vm, Object *d, Object *key, int64_t hash);  /* borrowed */
int dict_setitem_hash(VM *vm, Object *d, Object *key, int64_t hash, Object *value);
int dict_contains_hash(VM *vm, Object *d, Object *key, int64_t hash);
/* As dict_next, also giving the entry's stored hash. */
int dict_next_hash(Object *d, ssize_t *pos, Object **key, Object **value, int64_t *hash);

/* For inline caches: the entry number of str key in d, or -1 if absent (never raises).
   While d->version is unchanged, d->entries[ix] stays the entry for key, so a cache may
   hold (dict, version, ix) and read ((DictObject *)d)->entries[ix].value directly.
   (Any mutation, including a value store, bumps version.) */
ssize_t dict_lookup_index(VM *vm, Object *d, Object *key);

/* Initialises dict, its three views and their six iterator types. */
void dict_type_init(VM *vm);

#endif
