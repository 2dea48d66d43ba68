/*
 * dict: CPython 3.11's compact, insertion-ordered dict (Objects/dictobject.c).
 *
 * Layout: one heap block per table,
 *
 *     [ indices: size slots of 1/2/4/8 bytes ][ entries: usable DictEntry ]
 *
 * where size = 1 << log2_size (>= 8) and usable = size * 2 / 3. The index table maps a
 * probe position to an entry number, DKIX_EMPTY (never used) or DKIX_DUMMY (deleted);
 * entries[0..nentries) are in insertion order, a deleted entry having key == NULL.
 * Probing is CPython's: i = hash & mask, then i = i*5 + perturb + 1 with perturb
 * shifted right by 5 each step. An empty dict owns no block at all (indices == NULL,
 * capacity 0), so `{}` costs only the object header.
 *
 * Growth: when an insertion finds no free entry, the table is rebuilt with room for
 * used*3 (CPython's GROWTH_RATE), which also compacts away deleted entries.
 *
 * Mutation from __eq__/__hash__: a comparison may run Python code that changes the
 * dict; lookups then restart (the entries block or the entry's key changed), exactly
 * as CPython's. Iterators detect a size change ("dictionary changed size during
 * iteration") and a same-size key swap ("dictionary keys changed during iteration").
 *
 * GC tracking (CPython's MAINTAIN_TRACKING): an exact dict starts untracked and is
 * tracked the first time it receives a key or value that may be tracked (a container
 * other than an untracked tuple). Subclass instances are tracked from the start.
 *
 * Fast paths: keys that are exact strs are compared by pointer, then by str_equal,
 * never through obj_richcompare; dict_getitem_str serves the VM's name lookups.
 */
#include "runtime/dict.h"

#include <limits.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define DICT_MINLOG2 3
#define PERTURB_SHIFT 5

#define D(o) ((DictObject *)(o))

typedef struct DictViewObject {
  Object ob;
  Object *dict;
} DictViewObject;

typedef struct DictIterObject {
  Object ob;
  Object *dict;        /* NULL once exhausted */
  ssize_t used;        /* dict size when the iterator was made; -1 after an error */
  ssize_t pos;
  ssize_t len;         /* items still expected */
  Object *result;      /* items iterators: a (key, value) tuple reused when unshared */
} DictIterObject;

/* ======================================================================== */
/* the table                                                                */
/* ======================================================================== */

static inline ssize_t usable_of(int log2) { return (((ssize_t)1 << log2) << 1) / 3; }
static inline int ix_width(int log2) { return log2 < 8 ? 1 : log2 < 16 ? 2 : log2 < 32 ? 4 : 8; }
static inline size_t block_bytes(int log2) {
  return ((size_t)1 << log2) * (size_t)ix_width(log2) + sizeof(DictEntry) * (size_t)usable_of(log2);
}

static inline ssize_t ix_get(const DictObject *d, size_t i) {
  int log2 = d->log2_size;
  if (log2 < 8) return ((const int8_t *)d->indices)[i];
  if (log2 < 16) return ((const int16_t *)d->indices)[i];
  if (log2 < 32) return ((const int32_t *)d->indices)[i];
  return (ssize_t)((const int64_t *)d->indices)[i];
}

static inline void ix_set(DictObject *d, size_t i, ssize_t ix) {
  int log2 = d->log2_size;
  if (log2 < 8) ((int8_t *)d->indices)[i] = (int8_t)ix;
  else if (log2 < 16) ((int16_t *)d->indices)[i] = (int16_t)ix;
  else if (log2 < 32) ((int32_t *)d->indices)[i] = (int32_t)ix;
  else ((int64_t *)d->indices)[i] = (int64_t)ix;
}

#define key_hash dict_key_hash

/* Could o ever be part of a cycle? (_PyObject_GC_MAY_BE_TRACKED) */
static inline bool may_be_tracked(VM *vm, Object *o) {
  if (obj_is_small(o) || !(o->ob_type->tp_flags & TYPE_FLAG_GC)) return false;
  return o->ob_type != &vm->tuple_type || gc_is_tracked(o);
}

static inline void maintain_tracking(VM *vm, DictObject *d, Object *key, Object *value) {
  if (!gc_is_tracked(&d->ob) && (may_be_tracked(vm, key) || may_be_tracked(vm, value)))
    gc_track(vm, &d->ob);
}

/* Slot in the index table for a hash known to be absent (fresh tables, inserts). */
static size_t find_empty_slot(const DictObject *d, int64_t hash) {
  size_t mask = ((size_t)1 << d->log2_size) - 1;
  size_t i = (size_t)hash & mask, perturb = (size_t)hash;
  while (ix_get(d, i) >= 0 || ix_get(d, i) == DKIX_DUMMY) {
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

/* Replace the table with one of 1 << log2 slots holding the live entries in order. */
static int dict_resize(VM *vm, DictObject *d, int log2) {
  if (log2 < DICT_MINLOG2) log2 = DICT_MINLOG2;
  size_t nbytes = block_bytes(log2);
  char *block = heap_alloc(vm, nbytes);
  if (!block) return -1;
  size_t isize = ((size_t)1 << log2) * (size_t)ix_width(log2);
  memset(block, 0xff, isize);   /* every slot DKIX_EMPTY */
  DictEntry *ne = (DictEntry *)(block + isize);
  DictEntry *oe = d->entries;
  ssize_t n = 0;
  for (ssize_t i = 0; i < d->nentries; i++)
    if (oe[i].key) ne[n++] = oe[i];
  if (d->indices) heap_free(vm, d->indices, block_bytes(d->log2_size));
  d->indices = block;
  d->entries = ne;
  d->log2_size = (uint8_t)log2;
  d->capacity = usable_of(log2);
  d->nentries = n;
  for (ssize_t i = 0; i < n; i++) ix_set(d, find_empty_slot(d, ne[i].hash), i);
  return 0;
}

/* Smallest log2 table size whose usable part holds n entries. */
static int log2_for(ssize_t n) {
  int log2 = DICT_MINLOG2;
  while (usable_of(log2) < n) log2++;
  return log2;
}

static int insertion_resize(VM *vm, DictObject *d) {
  /* CPython's GROWTH_RATE: used*3, as a table size. */
  ssize_t want = d->used * 3;
  int log2 = DICT_MINLOG2;
  while (((ssize_t)1 << log2) < want) log2++;
  return dict_resize(vm, d, log2);
}

/* Find key. Returns the entry number, DKIX_EMPTY if absent, DKIX_ERROR on error;
   *slot receives the index-table position of a hit. */
static ssize_t lookup(VM *vm, DictObject *d, Object *key, int64_t hash, size_t *slot) {
restart:
  if (!d->indices) return DKIX_EMPTY;
  size_t mask = ((size_t)1 << d->log2_size) - 1;
  size_t i = (size_t)hash & mask, perturb = (size_t)hash;
  bool key_is_str = !obj_is_small(key) && key->ob_type == &vm->str_type;
  for (;;) {
    ssize_t ix = ix_get(d, i);
    if (ix == DKIX_EMPTY) return DKIX_EMPTY;
    if (ix >= 0) {
      DictEntry *e = &d->entries[ix];
      Object *k = e->key;
      if (k == key) {
        *slot = i;
        return ix;
      }
      if (e->hash == hash && k) {
        if (key_is_str && !obj_is_small(k) && k->ob_type == &vm->str_type) {
          if (str_equal(k, key)) {
            *slot = i;
            return ix;
          }
        } else if (!(obj_is_small(k) && obj_is_small(key))) {
          DictEntry *entries = d->entries;
          obj_incref(k);
          int c = obj_richcompare_bool(vm, k, key, CMP_EQ);
          obj_decref(vm, k);
          if (c < 0) return DKIX_ERROR;
          if (entries != d->entries || e->key != k) goto restart;
          if (c) {
            *slot = i;
            return ix;
          }
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
}

/* Insert or replace with a known hash; steals neither. 0 or -1. */
static int insert(VM *vm, DictObject *d, Object *key, int64_t hash, Object *value) {
  /* Track first: gc_track may collect, and a finalizer run by that collection may
     mutate d, which would invalidate a lookup result. */
  maintain_tracking(vm, d, key, value);
  size_t slot;
  ssize_t ix = lookup(vm, d, key, hash, &slot);
  if (ix == DKIX_ERROR) return -1;
  if (ix >= 0) {
    Object *old = d->entries[ix].value;
    if (old == value) return 0;
    d->entries[ix].value = obj_newref(value);
    d->version++;
    obj_decref(vm, old);
    return 0;
  }
  if (d->nentries >= d->capacity && insertion_resize(vm, d) < 0) return -1;
  ssize_t n = d->nentries;
  DictEntry *e = &d->entries[n];
  e->hash = hash;
  e->key = obj_newref(key);
  e->value = obj_newref(value);
  ix_set(d, find_empty_slot(d, hash), n);
  d->nentries = n + 1;
  d->used++;
  d->version++;
  return 0;
}

/* Remove the entry ix found at slot. The caller owns nothing afterwards. */
static void delete_at(VM *vm, DictObject *d, size_t slot, ssize_t ix) {
  DictEntry *e = &d->entries[ix];
  Object *k = e->key, *v = e->value;
  ix_set(d, slot, DKIX_DUMMY);
  e->key = NULL;
  e->value = NULL;
  d->used--;
  d->version++;
  obj_decref(vm, k);
  obj_decref(vm, v);
}

/* ======================================================================== */
/* the C API                                                                */
/* ======================================================================== */

static Object *dict_alloc(VM *vm, TypeObject *type) {
  DictObject *d = (DictObject *)obj_alloc(vm, type, 0);
  if (!d) return NULL;
  d->log2_size = DICT_MINLOG2;
  if (type != &vm->dict_type) gc_track(vm, &d->ob);
  return &d->ob;
}

Object *dict_new(VM *vm) { return dict_alloc(vm, &vm->dict_type); }

Object *dict_new_presized(VM *vm, ssize_t n) {
  Object *d = dict_new(vm);
  if (d && n > usable_of(DICT_MINLOG2) && dict_resize(vm, D(d), log2_for(n)) < 0) {
    obj_decref(vm, d);
    return NULL;
  }
  return d;
}

Object *dict_getitem(VM *vm, Object *d, Object *key) {
  int64_t hash = key_hash(vm, key);
  if (hash == -1) return NULL;
  size_t slot;
  ssize_t ix = lookup(vm, D(d), key, hash, &slot);
  return ix >= 0 ? D(d)->entries[ix].value : NULL;
}

Object *dict_getitem_hash(VM *vm, Object *d, Object *key, int64_t hash) {
  size_t slot;
  ssize_t ix = lookup(vm, D(d), key, hash, &slot);
  return ix >= 0 ? D(d)->entries[ix].value : NULL;
}

ssize_t dict_lookup_index(VM *vm, Object *d, Object *key) {
  DictObject *dd = D(d);
  if (!dd->indices) return -1;
  int64_t hash = ((StrObject *)key)->hash;
  if (hash == -1) hash = str_hash(vm, key);
  size_t mask = ((size_t)1 << dd->log2_size) - 1;
  size_t i = (size_t)hash & mask, perturb = (size_t)hash;
  for (;;) {
    ssize_t ix = ix_get(dd, i);
    if (ix == DKIX_EMPTY) return -1;
    if (ix >= 0) {
      Object *k = dd->entries[ix].key;
      if (k == key) return ix;
      if (k && dd->entries[ix].hash == hash) {
        if (!obj_is_small(k) && k->ob_type == &vm->str_type) {
          if (!(((StrObject *)k)->interned && ((StrObject *)key)->interned) && str_equal(k, key))
            return ix;
        } else {
          /* A non-str key equal to a str: take the general path. */
          size_t slot;
          ix = lookup(vm, dd, key, hash, &slot);
          if (ix == DKIX_ERROR) {
            exc_clear(vm);
            return -1;
          }
          return ix >= 0 ? ix : -1;
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
}

Object *dict_getitem_str(VM *vm, Object *d, Object *key) {
  ssize_t ix = dict_lookup_index(vm, d, key);
  return ix >= 0 ? D(d)->entries[ix].value : NULL;
}

Object *dict_getitem_cstr(VM *vm, Object *d, const char *key) {
  Object *k = str_from_cstr(vm, key);
  if (!k) {
    exc_clear(vm);
    return NULL;
  }
  Object *v = dict_getitem(vm, d, k);
  obj_decref(vm, k);
  if (!v && exc_occurred(vm)) exc_clear(vm);
  return v;
}

int dict_setitem(VM *vm, Object *d, Object *key, Object *value) {
  int64_t hash = key_hash(vm, key);
  if (hash == -1) return -1;
  return insert(vm, D(d), key, hash, value);
}

int dict_setitem_hash(VM *vm, Object *d, Object *key, int64_t hash, Object *value) {
  return insert(vm, D(d), key, hash, value);
}

int dict_setitem_cstr(VM *vm, Object *d, const char *key, Object *value) {
  Object *k = str_intern_cstr(vm, key);
  if (!k) return -1;
  int r = dict_setitem(vm, d, k, value);
  obj_decref(vm, k);
  return r;
}

int dict_delitem(VM *vm, Object *d, Object *key) {
  int64_t hash = key_hash(vm, key);
  if (hash == -1) return -1;
  size_t slot;
  ssize_t ix = lookup(vm, D(d), key, hash, &slot);
  if (ix == DKIX_ERROR) return -1;
  if (ix < 0) {
    exc_set_key_error(vm, key);
    return -1;
  }
  delete_at(vm, D(d), slot, ix);
  return 0;
}

int dict_next(Object *d, ssize_t *pos, Object **key, Object **value) {
  DictObject *dd = D(d);
  ssize_t i = *pos;
  while (i < dd->nentries && !dd->entries[i].key) i++;
  if (i >= dd->nentries) return 0;
  *pos = i + 1;
  if (key) *key = dd->entries[i].key;
  if (value) *value = dd->entries[i].value;
  return 1;
}

int dict_next_hash(Object *d, ssize_t *pos, Object **key, Object **value, int64_t *hash) {
  if (!dict_next(d, pos, key, value)) return 0;
  *hash = D(d)->entries[*pos - 1].hash;
  return 1;
}

int dict_contains(VM *vm, Object *d, Object *key) {
  int64_t hash = key_hash(vm, key);
  if (hash == -1) return -1;
  size_t slot;
  ssize_t ix = lookup(vm, D(d), key, hash, &slot);
  return ix == DKIX_ERROR ? -1 : ix >= 0;
}

int dict_contains_hash(VM *vm, Object *d, Object *key, int64_t hash) {
  size_t slot;
  ssize_t ix = lookup(vm, D(d), key, hash, &slot);
  return ix == DKIX_ERROR ? -1 : ix >= 0;
}

void dict_clear(VM *vm, Object *d) {
  DictObject *dd = D(d);
  if (!dd->indices) return;
  void *block = dd->indices;
  DictEntry *entries = dd->entries;
  ssize_t n = dd->nentries;
  int log2 = dd->log2_size;
  /* Empty the dict first: the decrefs below may run code that looks at it. */
  dd->indices = NULL;
  dd->entries = NULL;
  dd->used = dd->nentries = dd->capacity = 0;
  dd->log2_size = DICT_MINLOG2;
  dd->version++;
  for (ssize_t i = 0; i < n; i++) {
    if (entries[i].key) {
      obj_decref(vm, entries[i].key);
      obj_decref(vm, entries[i].value);
    }
  }
  heap_free(vm, block, block_bytes(log2));
}

/* True if the object iterates like a plain dict (its keys are its entries). */
static bool is_plain_dict(VM *vm, Object *o) {
  return DICT_CHECK(vm, o) && obj_type(vm, o)->tp_iter == vm->dict_type.tp_iter;
}

int dict_merge(VM *vm, Object *d, Object *other, int override) {
  DictObject *dd = D(d);
  if (d == other) return 0;
  if (is_plain_dict(vm, other)) {
    DictObject *od = D(other);
    if (od->used == 0) return 0;
    if (dd->capacity - dd->nentries < od->used &&
        dict_resize(vm, dd, log2_for(dd->used + od->used)) < 0)
      return -1;
    for (ssize_t i = 0; i < od->nentries; i++) {
      DictEntry *e = &od->entries[i];
      if (!e->key) continue;
      Object *k = obj_newref(e->key), *v = obj_newref(e->value);
      int rc = 0;
      if (override) {
        rc = insert(vm, dd, k, e->hash, v);
      } else {
        size_t slot;
        ssize_t ix = lookup(vm, dd, k, e->hash, &slot);
        rc = ix == DKIX_ERROR ? -1 : ix >= 0 ? 0 : insert(vm, dd, k, e->hash, v);
      }
      obj_decref(vm, k);
      obj_decref(vm, v);
      if (rc < 0) return -1;
      /* A comparison may have mutated other: CPython checks the size. */
      if (od->nentries <= i) break;
    }
    return 0;
  }
  /* A generic mapping: for k in other.keys(): d[k] = other[k]. */
  Object *keys = obj_call_method(vm, other, "keys", NULL, 0);
  if (!keys) return -1;
  Object *it = obj_iter(vm, keys);
  obj_decref(vm, keys);
  if (!it) return -1;
  Object *k;
  while ((k = obj_next(vm, it)) != NULL) {
    int rc = 0;
    if (!override) {
      rc = dict_contains(vm, d, k);
      if (rc == 1) {
        obj_decref(vm, k);
        continue;
      }
    }
    Object *v = rc < 0 ? NULL : obj_getitem(vm, other, k);
    rc = v ? dict_setitem(vm, d, k, v) : -1;
    obj_xdecref(vm, v);
    obj_decref(vm, k);
    if (rc < 0) {
      obj_decref(vm, it);
      return -1;
    }
  }
  obj_decref(vm, it);
  return exc_occurred(vm) ? -1 : 0;
}

/* dict.update(iterable of pairs). */
static int merge_from_seq2(VM *vm, Object *d, Object *seq2) {
  Object *it = obj_iter(vm, seq2);
  if (!it) return -1;
  ssize_t i = 0;
  Object *item;
  for (; (item = obj_next(vm, it)) != NULL; i++) {
    Object *pair = NULL;
    int rc = -1;
    if (LIST_CHECK(vm, item) || TUPLE_CHECK(vm, item)) {
      pair = obj_newref(item);
    } else {
      TypeObject *t = obj_type(vm, item);
      if (t->tp_iter || t->tp_getitem) pair = list_from_iterable(vm, item);
      else
        exc_set(vm, &vm->exc_TypeError,
                "cannot convert dictionary update sequence element #%zd to a sequence", i);
    }
    if (pair) {
      bool is_list = LIST_CHECK(vm, pair);
      ssize_t n = is_list ? LIST_SIZE(pair) : TUPLE_SIZE(pair);
      if (n != 2) {
        exc_set(vm, &vm->exc_ValueError,
                "dictionary update sequence element #%zd has length %zd; 2 is required", i, n);
      } else {
        Object **kv = is_list ? LIST_ITEMS(pair) : TUPLE_ITEMS(pair);
        Object *k = obj_newref(kv[0]), *v = obj_newref(kv[1]);
        rc = dict_setitem(vm, d, k, v);
        obj_decref(vm, k);
        obj_decref(vm, v);
      }
      obj_decref(vm, pair);
    }
    obj_decref(vm, item);
    if (rc < 0) {
      obj_decref(vm, it);
      return -1;
    }
  }
  obj_decref(vm, it);
  return exc_occurred(vm) ? -1 : 0;
}

int dict_update(VM *vm, Object *d, Object *other) {
  if (DICT_CHECK(vm, other)) return dict_merge(vm, d, other, 1);
  Object *keys = obj_lookup_attr(vm, other, vm->id.keys);
  if (keys) {
    obj_decref(vm, keys);
    return dict_merge(vm, d, other, 1);
  }
  if (exc_occurred(vm)) return -1;
  return merge_from_seq2(vm, d, other);
}

Object *dict_copy(VM *vm, Object *d) {
  DictObject *src = D(d);
  Object *r = dict_new(vm);
  if (!r || src->used == 0) return r;
  DictObject *dd = D(r);
  if (dict_resize(vm, dd, log2_for(src->used)) < 0) {
    obj_decref(vm, r);
    return NULL;
  }
  for (ssize_t i = 0; i < src->nentries; i++) {
    DictEntry *e = &src->entries[i];
    if (!e->key) continue;
    ssize_t n = dd->nentries++;
    dd->entries[n].hash = e->hash;
    dd->entries[n].key = obj_newref(e->key);
    dd->entries[n].value = obj_newref(e->value);
    ix_set(dd, find_empty_slot(dd, e->hash), n);
  }
  dd->used = dd->nentries;
  if (gc_is_tracked(&src->ob)) gc_track(vm, r);
  return r;
}

static Object *dict_list_of(VM *vm, Object *d, int what) {
  DictObject *dd = D(d);
  Object *l = list_new(vm, dd->used);
  if (!l) return NULL;
  ssize_t j = 0;
  for (ssize_t i = 0; i < dd->nentries; i++) {
    DictEntry *e = &dd->entries[i];
    if (!e->key) continue;
    Object *x;
    if (what == 0) x = obj_newref(e->key);
    else if (what == 1) x = obj_newref(e->value);
    else if (!(x = tuple_pack(vm, 2, e->key, e->value))) {
      LIST_SIZE(l) = j;
      obj_decref(vm, l);
      return NULL;
    }
    LIST_ITEMS(l)[j++] = x;
  }
  return l;
}

Object *dict_keys_list(VM *vm, Object *d) { return dict_list_of(vm, d, 0); }
Object *dict_values_list(VM *vm, Object *d) { return dict_list_of(vm, d, 1); }
Object *dict_items_list(VM *vm, Object *d) { return dict_list_of(vm, d, 2); }

/* ======================================================================== */
/* slots                                                                    */
/* ======================================================================== */

static void dict_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  dict_clear(vm, self);
  obj_free(vm, self, type_instance_size(self->ob_type, 0));
}

static int dict_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  DictObject *d = D(self);
  for (ssize_t i = 0; i < d->nentries; i++) {
    DictEntry *e = &d->entries[i];
    if (!e->key) continue;
    if (!obj_is_small(e->key)) {
      int r = visit(vm, e->key, arg);
      if (r) return r;
    }
    if (!obj_is_small(e->value)) {
      int r = visit(vm, e->value, arg);
      if (r) return r;
    }
  }
  return 0;
}

static int dict_tp_clear(VM *vm, Object *self) {
  dict_clear(vm, self);
  return 0;
}

static Object *dict_tp_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                           Object *kwnames) {
  return dict_alloc(vm, type);
}

/* The `(arg=None, /, **kwargs)` protocol shared by dict() and dict.update(). */
static int update_common(VM *vm, Object *self, const char *fname, Object *const *args,
                         size_t nargs, Object *kwnames) {
  if (arg_count(vm, fname, nargs, 0, 1) < 0) return -1;
  if (nargs && dict_update(vm, self, args[0]) < 0) return -1;
  if (kwnames) {
    ssize_t nk = TUPLE_SIZE(kwnames);
    for (ssize_t i = 0; i < nk; i++)
      if (dict_setitem(vm, self, TUPLE_ITEMS(kwnames)[i], args[nargs + i]) < 0) return -1;
  }
  return 0;
}

static int dict_tp_init(VM *vm, Object *self, Object *const *args, size_t nargs,
                        Object *kwnames) {
  return update_common(vm, self, "dict", args, nargs, kwnames);
}

static Object *dict_repr(VM *vm, Object *self) {
  DictObject *d = D(self);
  if (d->used == 0) return str_from_cstr(vm, "{}");
  int rc = repr_enter(vm, self);
  if (rc != 0) return rc > 0 ? str_from_cstr(vm, "{...}") : NULL;
  StrBuf b;
  strbuf_init(&b);
  strbuf_append_char(vm, &b, '{');
  bool first = true;
  for (ssize_t i = 0; i < d->nentries; i++) {
    DictEntry *e = &d->entries[i];
    if (!e->key) continue;
    Object *k = obj_newref(e->key), *v = obj_newref(e->value);
    if (!first) strbuf_append(vm, &b, ", ", 2);
    first = false;
    Object *r = obj_repr(vm, k);
    if (r) {
      strbuf_append_str(vm, &b, r);
      obj_decref(vm, r);
      strbuf_append(vm, &b, ": ", 2);
      r = obj_repr(vm, v);
      if (r) {
        strbuf_append_str(vm, &b, r);
        obj_decref(vm, r);
      }
    }
    obj_decref(vm, k);
    obj_decref(vm, v);
    if (!r) {
      strbuf_discard(vm, &b);
      repr_leave(vm, self);
      return NULL;
    }
  }
  strbuf_append_char(vm, &b, '}');
  repr_leave(vm, self);
  return strbuf_finish(vm, &b);
}

static ssize_t dict_len(VM *vm, Object *self) { return D(self)->used; }

static Object *dict_subscript(VM *vm, Object *self, Object *key) {
  int64_t hash = key_hash(vm, key);
  if (hash == -1) return NULL;
  size_t slot;
  ssize_t ix = lookup(vm, D(self), key, hash, &slot);
  if (ix == DKIX_ERROR) return NULL;
  if (ix >= 0) return obj_newref(D(self)->entries[ix].value);
  if (self->ob_type != &vm->dict_type) {
    Object *missing = type_lookup(vm, self->ob_type, vm->id.__missing__);
    if (missing) {
      Object *args[2] = {self, key};
      Object *f = obj_newref(missing);
      Object *r = obj_call(vm, f, args, 2, NULL);
      obj_decref(vm, f);
      return r;
    }
  }
  return exc_set_key_error(vm, key);
}

static int dict_ass_sub(VM *vm, Object *self, Object *key, Object *value) {
  if (value) return dict_setitem(vm, self, key, value);
  return dict_delitem(vm, self, key);
}

static int dict_tp_contains(VM *vm, Object *self, Object *key) {
  return dict_contains(vm, self, key);
}

static Object *dict_richcompare(VM *vm, Object *a, Object *b, int op) {
  if (!DICT_CHECK(vm, a) || !DICT_CHECK(vm, b) || (op != CMP_EQ && op != CMP_NE))
    return obj_newref(VM_NOTIMPL(vm));
  DictObject *x = D(a), *y = D(b);
  int eq = 1;
  if (x->used != y->used) {
    eq = 0;
  } else {
    for (ssize_t i = 0; i < x->nentries && eq == 1; i++) {
      DictEntry *e = &x->entries[i];
      if (!e->key) continue;
      Object *k = obj_newref(e->key), *av = obj_newref(e->value);
      size_t slot;
      ssize_t ix = lookup(vm, y, k, e->hash, &slot);
      if (ix == DKIX_ERROR) {
        eq = -1;
      } else if (ix < 0) {
        eq = 0;
      } else {
        Object *bv = obj_newref(y->entries[ix].value);
        eq = obj_richcompare_bool(vm, av, bv, CMP_EQ);
        obj_decref(vm, bv);
      }
      obj_decref(vm, k);
      obj_decref(vm, av);
    }
  }
  if (eq < 0) return NULL;
  return vm_bool(vm, op == CMP_EQ ? eq == 1 : eq == 0);
}

static Object *dict_binop(VM *vm, Object *a, Object *b, int op) {
  int base = op & ~BINOP_INPLACE;
  if (base != BINOP_OR) return obj_newref(VM_NOTIMPL(vm));
  if (op & BINOP_INPLACE) {
    if (!DICT_CHECK(vm, a)) return obj_newref(VM_NOTIMPL(vm));
    if (dict_update(vm, a, b) < 0) return NULL;
    return obj_newref(a);
  }
  if (!DICT_CHECK(vm, a) || !DICT_CHECK(vm, b)) return obj_newref(VM_NOTIMPL(vm));
  Object *r;
  if (a->ob_type == &vm->dict_type) {
    r = dict_copy(vm, a);
  } else {
    /* type(a)(a): a subclass's copy is made by its constructor. */
    r = obj_call1(vm, (Object *)a->ob_type, a);
  }
  if (!r) return NULL;
  if (dict_update(vm, r, b) < 0) {
    obj_decref(vm, r);
    return NULL;
  }
  return r;
}

/* ======================================================================== */
/* methods                                                                  */
/* ======================================================================== */

static Object *view_new(VM *vm, Object *d, TypeObject *t);
static Object *dictiter_new(VM *vm, Object *d, TypeObject *t, bool reversed);

static Object *m_keys(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  return view_new(vm, self, &vm->dict_keys_type);
}
static Object *m_values(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  return view_new(vm, self, &vm->dict_values_type);
}
static Object *m_items(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  return view_new(vm, self, &vm->dict_items_type);
}

static Object *m_get(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (arg_count(vm, "get", nargs, 1, 2) < 0) return NULL;
  Object *v = dict_getitem(vm, self, args[0]);
  if (v) return obj_newref(v);
  if (exc_occurred(vm)) return NULL;
  return obj_newref(nargs > 1 ? args[1] : VM_NONE(vm));
}

static Object *m_setdefault(VM *vm, Object *self, Object *const *args, size_t nargs,
                            Object *kw) {
  if (arg_count(vm, "setdefault", nargs, 1, 2) < 0) return NULL;
  Object *key = args[0], *dflt = nargs > 1 ? args[1] : VM_NONE(vm);
  int64_t hash = key_hash(vm, key);
  if (hash == -1) return NULL;
  size_t slot;
  ssize_t ix = lookup(vm, D(self), key, hash, &slot);
  if (ix == DKIX_ERROR) return NULL;
  if (ix >= 0) return obj_newref(D(self)->entries[ix].value);
  if (insert(vm, D(self), key, hash, dflt) < 0) return NULL;
  return obj_newref(dflt);
}

static Object *m_pop(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (arg_count(vm, "pop", nargs, 1, 2) < 0) return NULL;
  Object *key = args[0];
  DictObject *d = D(self);
  if (d->used == 0) {
    if (nargs > 1) return obj_newref(args[1]);
    return exc_set_key_error(vm, key);
  }
  int64_t hash = key_hash(vm, key);
  if (hash == -1) return NULL;
  size_t slot;
  ssize_t ix = lookup(vm, d, key, hash, &slot);
  if (ix == DKIX_ERROR) return NULL;
  if (ix < 0) {
    if (nargs > 1) return obj_newref(args[1]);
    return exc_set_key_error(vm, key);
  }
  Object *v = obj_newref(d->entries[ix].value);
  delete_at(vm, d, slot, ix);
  return v;
}

static Object *m_popitem(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  DictObject *d = D(self);
  if (d->used == 0) return exc_set(vm, &vm->exc_KeyError, "popitem(): dictionary is empty");
  ssize_t i = d->nentries - 1;
  while (i >= 0 && !d->entries[i].key) i--;
  DictEntry *e = &d->entries[i];
  Object *r = tuple_alloc(vm, 2);
  if (!r) return NULL;
  /* Find the index slot that points at entry i. */
  size_t mask = ((size_t)1 << d->log2_size) - 1;
  size_t j = (size_t)e->hash & mask, perturb = (size_t)e->hash;
  while (ix_get(d, j) != i) {
    perturb >>= PERTURB_SHIFT;
    j = (j * 5 + perturb + 1) & mask;
  }
  ix_set(d, j, DKIX_DUMMY);
  TUPLE_ITEMS(r)[0] = e->key;     /* the entry's references move into the tuple */
  TUPLE_ITEMS(r)[1] = e->value;
  e->key = e->value = NULL;
  d->used--;
  d->nentries = i;
  d->version++;
  gc_track(vm, r);
  return r;
}

static Object *m_update(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (update_common(vm, self, "update", args, nargs, kw) < 0) return NULL;
  return vm_none(vm);
}

static Object *m_fromkeys(VM *vm, Object *cls, Object *const *args, size_t nargs, Object *kw) {
  if (arg_count(vm, "fromkeys", nargs, 1, 2) < 0) return NULL;
  Object *iterable = args[0], *value = nargs > 1 ? args[1] : VM_NONE(vm);
  Object *d = obj_call0(vm, cls);
  if (!d) return NULL;
  bool exact = DICT_CHECK_EXACT(vm, d);
  Object *it = obj_iter(vm, iterable);
  if (!it) {
    obj_decref(vm, d);
    return NULL;
  }
  Object *k;
  while ((k = obj_next(vm, it)) != NULL) {
    int rc = exact ? dict_setitem(vm, d, k, value) : obj_setitem(vm, d, k, value);
    obj_decref(vm, k);
    if (rc < 0) break;
  }
  obj_decref(vm, it);
  if (exc_occurred(vm)) {
    obj_decref(vm, d);
    return NULL;
  }
  return d;
}

static Object *m_copy(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  return dict_copy(vm, self);
}

static Object *m_clear(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  dict_clear(vm, self);
  return vm_none(vm);
}

static Object *m_contains(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  int r = dict_contains(vm, self, args[0]);
  return r < 0 ? NULL : vm_bool(vm, r);
}

static Object *m_getitem(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  return dict_subscript(vm, self, args[0]);
}

static Object *m_reversed(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  return dictiter_new(vm, self, &vm->dict_revkeyiter_type, true);
}

static Object *m_sizeof(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  DictObject *d = D(self);
  size_t sz = self->ob_type->tp_basicsize + (d->indices ? block_bytes(d->log2_size) : 0);
  return int_from_i64(vm, (int64_t)sz);
}

static const MethodDef dict_methods[] = {
  {"__contains__", m_contains, METH_O, "True if the dictionary has the specified key, else False."},
  {"__getitem__", m_getitem, METH_O, "x.__getitem__(y) <==> x[y]"},
  {"__sizeof__", m_sizeof, METH_NOARGS, "D.__sizeof__() -> size of D in memory, in bytes"},
  {"get", m_get, METH_VARARGS | METH_NOKW, "Return the value for key if key is in the dictionary, else default."},
  {"setdefault", m_setdefault, METH_VARARGS | METH_NOKW, "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default."},
  {"pop", m_pop, METH_VARARGS | METH_NOKW, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return the default if given; otherwise,\nraise a KeyError."},
  {"popitem", m_popitem, METH_NOARGS, "Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, first-out) order.\nRaises KeyError if the dict is empty."},
  {"keys", m_keys, METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"},
  {"items", m_items, METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"},
  {"values", m_values, METH_NOARGS, "D.values() -> an object providing a view on D's values"},
  {"update", m_update, METH_VARARGS, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
  {"fromkeys", m_fromkeys, METH_VARARGS | METH_NOKW | METH_CLASS, "Create a new dictionary with keys from iterable and values set to value."},
  {"clear", m_clear, METH_NOARGS, "D.clear() -> None.  Remove all items from D."},
  {"copy", m_copy, METH_NOARGS, "D.copy() -> a shallow copy of D"},
  {"__reversed__", m_reversed, METH_NOARGS, "Return a reverse iterator over the dict keys."},
  {NULL, NULL, 0, NULL},
};

/* ======================================================================== */
/* iterators                                                                */
/* ======================================================================== */

static Object *dictiter_new(VM *vm, Object *d, TypeObject *t, bool reversed) {
  DictIterObject *it = (DictIterObject *)obj_alloc(vm, t, 0);
  if (!it) return NULL;
  it->dict = obj_newref(d);
  it->used = D(d)->used;
  it->len = D(d)->used;
  it->pos = reversed ? D(d)->nentries - 1 : 0;
  it->result = NULL;
  gc_track(vm, &it->ob);
  return &it->ob;
}

static Object *dict_iter(VM *vm, Object *self) {
  return dictiter_new(vm, self, &vm->dict_keyiter_type, false);
}

/* The next live entry, or NULL (exhausted, or an error is set). */
static DictEntry *dictiter_step(VM *vm, DictIterObject *it, bool reversed) {
  DictObject *d = (DictObject *)it->dict;
  if (!d) return NULL;
  if (it->used != d->used) {
    exc_set(vm, &vm->exc_RuntimeError, "dictionary changed size during iteration");
    it->used = -1;   /* sticky */
    return NULL;
  }
  ssize_t i = it->pos;
  if (reversed) {
    if (i >= d->nentries) i = d->nentries - 1;
    while (i >= 0 && !d->entries[i].key) i--;
    if (i < 0) goto exhausted;
    it->pos = i - 1;
  } else {
    while (i < d->nentries && !d->entries[i].key) i++;
    if (i >= d->nentries) goto exhausted;
    it->pos = i + 1;
  }
  if (it->len == 0) {
    exc_set(vm, &vm->exc_RuntimeError, "dictionary keys changed during iteration");
    goto exhausted;
  }
  it->len--;
  return &d->entries[i];
exhausted:
  it->dict = NULL;
  obj_decref(vm, &d->ob);
  return NULL;
}

static Object *dictiter_nextkey(VM *vm, Object *self) {
  DictEntry *e = dictiter_step(vm, (DictIterObject *)self, false);
  return e ? obj_newref(e->key) : NULL;
}
static Object *dictiter_nextvalue(VM *vm, Object *self) {
  DictEntry *e = dictiter_step(vm, (DictIterObject *)self, false);
  return e ? obj_newref(e->value) : NULL;
}
static Object *dictiter_revkey(VM *vm, Object *self) {
  DictEntry *e = dictiter_step(vm, (DictIterObject *)self, true);
  return e ? obj_newref(e->key) : NULL;
}
static Object *dictiter_revvalue(VM *vm, Object *self) {
  DictEntry *e = dictiter_step(vm, (DictIterObject *)self, true);
  return e ? obj_newref(e->value) : NULL;
}

/* (key, value), reusing the previous tuple when nobody else holds it. */
static Object *item_pair(VM *vm, DictIterObject *it, DictEntry *e) {
  Object *r = it->result;
  if (r && r->ob_refcnt == 1) {
    Object *ok = TUPLE_ITEMS(r)[0], *ov = TUPLE_ITEMS(r)[1];
    TUPLE_ITEMS(r)[0] = obj_newref(e->key);
    TUPLE_ITEMS(r)[1] = obj_newref(e->value);
    obj_decref(vm, ok);
    obj_decref(vm, ov);
    if (!gc_is_tracked(r)) gc_track(vm, r);
    return obj_newref(r);
  }
  r = tuple_pack(vm, 2, e->key, e->value);
  if (!r) return NULL;
  if (!it->result) it->result = obj_newref(r);
  return r;
}

static Object *dictiter_nextitem(VM *vm, Object *self) {
  DictEntry *e = dictiter_step(vm, (DictIterObject *)self, false);
  return e ? item_pair(vm, (DictIterObject *)self, e) : NULL;
}
static Object *dictiter_revitem(VM *vm, Object *self) {
  DictEntry *e = dictiter_step(vm, (DictIterObject *)self, true);
  return e ? item_pair(vm, (DictIterObject *)self, e) : NULL;
}

static Object *dictiter_length_hint(VM *vm, Object *self, Object *const *a, size_t n,
                                    Object *kw) {
  DictIterObject *it = (DictIterObject *)self;
  ssize_t len = 0;
  if (it->dict && it->used == D(it->dict)->used) len = it->len;
  return int_from_i64(vm, len);
}

static int dictiter_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  DictIterObject *it = (DictIterObject *)self;
  if (it->dict) {
    int r = visit(vm, it->dict, arg);
    if (r) return r;
  }
  return it->result ? visit(vm, it->result, arg) : 0;
}

static int dictiter_clear(VM *vm, Object *self) {
  DictIterObject *it = (DictIterObject *)self;
  OBJ_CLEAR(vm, it->dict);
  OBJ_CLEAR(vm, it->result);
  return 0;
}

static void dictiter_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  dictiter_clear(vm, self);
  obj_free(vm, self, sizeof(DictIterObject));
}

static const MethodDef dictiter_methods[] = {
  {"__length_hint__", dictiter_length_hint, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
  {NULL, NULL, 0, NULL},
};

/* ======================================================================== */
/* views                                                                    */
/* ======================================================================== */

static Object *view_new(VM *vm, Object *d, TypeObject *t) {
  DictViewObject *v = (DictViewObject *)obj_alloc(vm, t, 0);
  if (!v) return NULL;
  v->dict = obj_newref(d);
  gc_track(vm, &v->ob);
  return &v->ob;
}

#define VIEW_DICT(o) (((DictViewObject *)(o))->dict)

static bool is_keys_or_items(VM *vm, Object *o) {
  return !obj_is_small(o) &&
         (o->ob_type == &vm->dict_keys_type || o->ob_type == &vm->dict_items_type);
}

static ssize_t view_len(VM *vm, Object *self) { return D(VIEW_DICT(self))->used; }

static Object *view_iter(VM *vm, Object *self) {
  TypeObject *t = self->ob_type == &vm->dict_keys_type     ? &vm->dict_keyiter_type
                  : self->ob_type == &vm->dict_values_type ? &vm->dict_valueiter_type
                                                           : &vm->dict_itemiter_type;
  return dictiter_new(vm, VIEW_DICT(self), t, false);
}

static Object *view_reversed(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  TypeObject *t = self->ob_type == &vm->dict_keys_type     ? &vm->dict_revkeyiter_type
                  : self->ob_type == &vm->dict_values_type ? &vm->dict_revvalueiter_type
                                                           : &vm->dict_revitemiter_type;
  return dictiter_new(vm, VIEW_DICT(self), t, true);
}

static int keys_contains(VM *vm, Object *self, Object *key) {
  return dict_contains(vm, VIEW_DICT(self), key);
}

static int items_contains(VM *vm, Object *self, Object *item) {
  if (!TUPLE_CHECK(vm, item) || TUPLE_SIZE(item) != 2) return 0;
  Object *v = dict_getitem(vm, VIEW_DICT(self), TUPLE_ITEMS(item)[0]);
  if (!v) return exc_occurred(vm) ? -1 : 0;
  obj_incref(v);
  int r = obj_richcompare_bool(vm, v, TUPLE_ITEMS(item)[1], CMP_EQ);
  obj_decref(vm, v);
  return r;
}

static Object *view_repr(VM *vm, Object *self) {
  int rc = repr_enter(vm, self);
  if (rc != 0) return rc > 0 ? str_from_cstr(vm, "...") : NULL;
  Object *r = NULL;
  Object *l = list_from_iterable(vm, self);
  if (l) {
    r = str_from_format(vm, "%s(%R)", type_name(self->ob_type), l);
    obj_decref(vm, l);
  }
  repr_leave(vm, self);
  return r;
}

/* Every item of a is in b (b a view, set or anything with __contains__). */
static int all_contained_in(VM *vm, Object *a, Object *b) {
  Object *it = obj_iter(vm, a);
  if (!it) return -1;
  int ok = 1;
  Object *x;
  while ((x = obj_next(vm, it)) != NULL) {
    ok = obj_contains(vm, b, x);
    obj_decref(vm, x);
    if (ok <= 0) break;
  }
  obj_decref(vm, it);
  if (ok == 1 && exc_occurred(vm)) return -1;
  return ok;
}

static bool is_set_like(VM *vm, Object *o) {
  return SET_CHECK(vm, o) || is_keys_or_items(vm, o);
}

static Object *view_richcompare(VM *vm, Object *a, Object *b, int op) {
  if (!is_keys_or_items(vm, a) || !is_set_like(vm, b)) return obj_newref(VM_NOTIMPL(vm));
  ssize_t na = obj_len(vm, a);
  if (na < 0) return NULL;
  ssize_t nb = obj_len(vm, b);
  if (nb < 0) return NULL;
  int ok = 0;
  switch (op) {
  case CMP_NE:
  case CMP_EQ:
    if (na == nb) ok = all_contained_in(vm, a, b);
    if (op == CMP_NE && ok >= 0) ok = !ok;
    break;
  case CMP_LT:
    if (na < nb) ok = all_contained_in(vm, a, b);
    break;
  case CMP_LE:
    if (na <= nb) ok = all_contained_in(vm, a, b);
    break;
  case CMP_GT:
    if (na > nb) ok = all_contained_in(vm, b, a);
    break;
  case CMP_GE:
    if (na >= nb) ok = all_contained_in(vm, b, a);
    break;
  }
  if (ok < 0) return NULL;
  return vm_bool(vm, ok);
}

/* dictviews_to_set: a keys view is copied from its dict (set.update's dict path,
   which pre-sizes the table and so fixes the iteration order CPython shows). */
static Object *view_to_set(VM *vm, Object *o) {
  if (!obj_is_small(o) && o->ob_type == &vm->dict_keys_type) o = VIEW_DICT(o);
  return set_new(vm, o);
}

/* _PyDictView_Intersect: iterate the smaller side, probe the view. */
static Object *view_intersect(VM *vm, Object *self, Object *other) {
  if (!is_keys_or_items(vm, self)) {
    Object *t = self;
    self = other;
    other = t;
  }
  ssize_t len_self = D(VIEW_DICT(self))->used;
  if (SET_CHECK_EXACT(vm, other) && len_self <= set_size(other))
    return obj_call_method(vm, other, "intersection", &self, 1);
  if (is_keys_or_items(vm, other) && D(VIEW_DICT(other))->used > len_self) {
    Object *t = self;
    self = other;
    other = t;
  }
  Object *result = set_new(vm, NULL);
  if (!result) return NULL;
  Object *it = obj_iter(vm, other);
  if (!it) {
    obj_decref(vm, result);
    return NULL;
  }
  bool keys = self->ob_type == &vm->dict_keys_type;
  Object *x;
  int rc = 0;
  while (rc >= 0 && (x = obj_next(vm, it)) != NULL) {
    rc = keys ? dict_contains(vm, VIEW_DICT(self), x) : items_contains(vm, self, x);
    if (rc > 0) rc = set_add(vm, result, x);
    obj_decref(vm, x);
  }
  obj_decref(vm, it);
  if (rc < 0 || exc_occurred(vm)) {
    obj_decref(vm, result);
    return NULL;
  }
  return result;
}

/* Set operations on views, as CPython's dictviews_*: the result starts as a set of
   the left operand (whichever of the two is the view), then is updated with the right. */
static Object *view_binop(VM *vm, Object *a, Object *b, int op) {
  int base = op & ~BINOP_INPLACE;
  if (op & BINOP_INPLACE) return obj_newref(VM_NOTIMPL(vm));
  if (base == BINOP_AND) return view_intersect(vm, a, b);
  if (base != BINOP_OR && base != BINOP_SUB && base != BINOP_XOR)
    return obj_newref(VM_NOTIMPL(vm));
  Object *left = view_to_set(vm, a);
  if (!left) return NULL;
  const char *meth = base == BINOP_OR    ? "update"
                     : base == BINOP_SUB ? "difference_update"
                                         : "symmetric_difference_update";
  Object *r = obj_call_method(vm, left, meth, &b, 1);
  if (!r) {
    obj_decref(vm, left);
    return NULL;
  }
  obj_decref(vm, r);
  return left;
}

static Object *m_isdisjoint(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  Object *other = args[0];
  Object *it = obj_iter(vm, other);
  if (!it) return NULL;
  Object *x;
  int found = 0;
  while ((x = obj_next(vm, it)) != NULL) {
    found = obj_contains(vm, self, x);
    obj_decref(vm, x);
    if (found != 0) break;
  }
  obj_decref(vm, it);
  if (found < 0 || (found == 0 && exc_occurred(vm))) return NULL;
  return vm_bool(vm, !found);
}

static int view_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  return visit(vm, VIEW_DICT(self), arg);
}

static int view_clear(VM *vm, Object *self) {
  OBJ_CLEAR(vm, VIEW_DICT(self));
  return 0;
}

static void view_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  OBJ_CLEAR(vm, VIEW_DICT(self));
  obj_free(vm, self, sizeof(DictViewObject));
}

static const MethodDef setview_methods[] = {
  {"isdisjoint", m_isdisjoint, METH_O, "Return True if the view and the given iterable have a null intersection."},
  {"__reversed__", view_reversed, METH_NOARGS, "Return a reverse iterator over the dict keys."},
  {NULL, NULL, 0, NULL},
};

static const MethodDef values_methods[] = {
  {"__reversed__", view_reversed, METH_NOARGS, "Return a reverse iterator over the dict values."},
  {NULL, NULL, 0, NULL},
};

/* ======================================================================== */
/* type setup                                                               */
/* ======================================================================== */

#define SET_BINOPS ((1u << BINOP_OR) | (1u << BINOP_AND) | (1u << BINOP_SUB) | (1u << BINOP_XOR))

static void view_type_init(VM *vm, TypeObject *t, const char *name, bool setlike) {
  type_init_builtin(vm, t, name, NULL, sizeof(DictViewObject), 0, TYPE_FLAG_GC);
  t->tp_dealloc = view_dealloc;
  t->tp_traverse = view_traverse;
  t->tp_clear = view_clear;
  t->tp_repr = view_repr;
  t->tp_len = view_len;
  t->tp_iter = view_iter;
  if (setlike) {
    t->tp_richcompare = view_richcompare;
    t->tp_binop = view_binop;
    t->tp_binop_mask = SET_BINOPS;
    t->tp_methods = setview_methods;
  } else {
    t->tp_methods = values_methods;
  }
}

static void dictiter_type_init(VM *vm, TypeObject *t, const char *name,
                               Object *(*next)(VM *, Object *)) {
  type_init_builtin(vm, t, name, NULL, sizeof(DictIterObject), 0, TYPE_FLAG_GC);
  t->tp_dealloc = dictiter_dealloc;
  t->tp_traverse = dictiter_traverse;
  t->tp_clear = dictiter_clear;
  t->tp_iter = list_iter_self;
  t->tp_iternext = next;
  t->tp_methods = dictiter_methods;
}

void dict_type_init(VM *vm) {
  TypeObject *t = &vm->dict_type;
  type_init_builtin(vm, t, "dict", NULL, sizeof(DictObject), 0,
                    TYPE_FLAG_BASETYPE | TYPE_FLAG_GC | TYPE_FLAG_DICT_SUBCLASS);
  t->tp_dealloc = dict_dealloc;
  t->tp_traverse = dict_traverse;
  t->tp_clear = dict_tp_clear;
  t->tp_new = dict_tp_new;
  t->tp_init = dict_tp_init;
  t->tp_repr = dict_repr;
  t->tp_richcompare = dict_richcompare;
  t->tp_binop = dict_binop;
  t->tp_binop_mask = 1u << BINOP_OR;
  t->tp_inplace_mask = 1u << BINOP_OR;
  t->tp_len = dict_len;
  t->tp_getitem = dict_subscript;
  t->tp_setitem = dict_ass_sub;
  t->tp_contains = dict_tp_contains;
  t->tp_iter = dict_iter;
  t->tp_methods = dict_methods;
  t->tp_doc = "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)";

  view_type_init(vm, &vm->dict_keys_type, "dict_keys", true);
  vm->dict_keys_type.tp_contains = keys_contains;
  view_type_init(vm, &vm->dict_items_type, "dict_items", true);
  vm->dict_items_type.tp_contains = items_contains;
  view_type_init(vm, &vm->dict_values_type, "dict_values", false);

  dictiter_type_init(vm, &vm->dict_keyiter_type, "dict_keyiterator", dictiter_nextkey);
  dictiter_type_init(vm, &vm->dict_valueiter_type, "dict_valueiterator", dictiter_nextvalue);
  dictiter_type_init(vm, &vm->dict_itemiter_type, "dict_itemiterator", dictiter_nextitem);
  dictiter_type_init(vm, &vm->dict_revkeyiter_type, "dict_reversekeyiterator", dictiter_revkey);
  dictiter_type_init(vm, &vm->dict_revvalueiter_type, "dict_reversevalueiterator",
                     dictiter_revvalue);
  dictiter_type_init(vm, &vm->dict_revitemiter_type, "dict_reverseitemiterator",
                     dictiter_revitem);
}
