/*
 * set: set and frozenset, CPython 3.11's Objects/setobject.c on Kite's heap.
 *
 * The table is open addressing with CPython's exact probe sequence (LINEAR_PROBES
 * neighbours, then the perturbed jump i = i*5 + 1 + perturb), table sizes (8, then
 * powers of two, resized to used*4 — used*2 above 50000 — when fill reaches 3/5) and
 * bulk paths (set_merge copying a same-sized table, pre-sizing before merging a dict),
 * because the iteration order of a set is observable and must match CPython's for the
 * same operations: print({3, 1, 2}) shows {1, 2, 3}.
 *
 * Entries: key NULL with hash 0 = never used; key == &vm->set_dummy with hash -1 =
 * deleted. The dummy is a marker address only; it is never increfed or dereferenced.
 * Tables of 8 entries live inside the object (smalltable).
 *
 * Every set and frozenset is tracked from creation (as CPython's). A frozenset's hash
 * is computed once and cached in `hash`.
 */
#include "runtime/set.h"

#include <limits.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

#define S(o) ((SetObject *)(o))
#define DUMMY(vm) (&(vm)->set_dummy)

typedef struct SetIterObject {
  Object ob;
  Object *set;       /* NULL once exhausted */
  ssize_t used;      /* size when the iterator was made; -1 after an error */
  ssize_t pos;
  ssize_t len;
} SetIterObject;

/* set or a subclass, not frozenset (PySet_Check). */
static inline bool is_mutable_set(VM *vm, Object *o) {
  return !obj_is_small(o) && type_is_subtype(o->ob_type, &vm->set_type);
}

/* ======================================================================== */
/* probing                                                                  */
/* ======================================================================== */

/* The entry holding key, or the empty entry ending the search; NULL on error. */
static SetEntry *set_lookkey(VM *vm, SetObject *so, Object *key, int64_t hash) {
  size_t perturb = (size_t)hash;
  size_t mask = (size_t)so->mask;
  size_t i = (size_t)hash & mask;
  bool key_is_str = !obj_is_small(key) && key->ob_type == &vm->str_type;
  for (;;) {
    SetEntry *entry = &so->table[i];
    int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
    do {
      if (entry->hash == 0 && entry->key == NULL) return entry;
      if (entry->hash == hash) {
        Object *startkey = entry->key;
        if (startkey == key) return entry;
        if (key_is_str && !obj_is_small(startkey) && startkey->ob_type == &vm->str_type) {
          if (str_equal(startkey, key)) return entry;
        } else if (!(obj_is_small(startkey) && obj_is_small(key))) {
          SetEntry *table = so->table;
          obj_incref(startkey);
          int cmp = obj_richcompare_bool(vm, startkey, key, CMP_EQ);
          obj_decref(vm, startkey);
          if (cmp < 0) return NULL;
          if (table != so->table || entry->key != startkey) return set_lookkey(vm, so, key, hash);
          if (cmp > 0) return entry;
          mask = (size_t)so->mask;
        }
      }
      entry++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

/* Insert a key known to be absent into a table without dummies. No refcounting. */
static void set_insert_clean(SetEntry *table, size_t mask, Object *key, int64_t hash) {
  size_t perturb = (size_t)hash;
  size_t i = (size_t)hash & mask;
  SetEntry *entry;
  for (;;) {
    entry = &table[i];
    if (entry->key == NULL) goto found_null;
    if (i + LINEAR_PROBES <= mask) {
      for (int j = 0; j < LINEAR_PROBES; j++) {
        entry++;
        if (entry->key == NULL) goto found_null;
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_null:
  entry->key = key;
  entry->hash = hash;
}

static int set_table_resize(VM *vm, SetObject *so, ssize_t minused) {
  size_t newsize = SET_MINSIZE;
  while (newsize <= (size_t)minused) newsize <<= 1;
  SetEntry *oldtable = so->table;
  ssize_t oldmask = so->mask;
  bool old_malloced = oldtable != so->smalltable;
  SetEntry small_copy[SET_MINSIZE];
  SetEntry *newtable;
  if (newsize == SET_MINSIZE) {
    newtable = so->smalltable;
    if (newtable == oldtable) {
      if (so->fill == so->used) return 0;   /* no dummies: nothing to do */
      memcpy(small_copy, oldtable, sizeof(small_copy));
      oldtable = small_copy;
    }
  } else {
    newtable = heap_alloc(vm, sizeof(SetEntry) * newsize);
    if (!newtable) return -1;
  }
  memset(newtable, 0, sizeof(SetEntry) * newsize);
  so->mask = (ssize_t)newsize - 1;
  so->table = newtable;
  Object *dummy = DUMMY(vm);
  if (so->fill != so->used) so->fill = so->used;
  for (SetEntry *e = oldtable; e <= oldtable + oldmask; e++)
    if (e->key != NULL && e->key != dummy) set_insert_clean(newtable, newsize - 1, e->key, e->hash);
  if (old_malloced) heap_free(vm, oldtable, sizeof(SetEntry) * (size_t)(oldmask + 1));
  return 0;
}

/* Add key (borrowed) with its hash. 0 or -1. */
static int set_add_entry(VM *vm, SetObject *so, Object *key, int64_t hash) {
  SetEntry *freeslot, *entry;
  size_t perturb, mask, i;
  int probes;
  bool key_is_str = !obj_is_small(key) && key->ob_type == &vm->str_type;
  obj_incref(key);
restart:
  mask = (size_t)so->mask;
  i = (size_t)hash & mask;
  freeslot = NULL;
  perturb = (size_t)hash;
  for (;;) {
    entry = &so->table[i];
    probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
    do {
      if (entry->hash == 0 && entry->key == NULL) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Object *startkey = entry->key;
        if (startkey == key) goto found_active;
        if (key_is_str && !obj_is_small(startkey) && startkey->ob_type == &vm->str_type) {
          if (str_equal(startkey, key)) goto found_active;
        } else if (!(obj_is_small(startkey) && obj_is_small(key))) {
          SetEntry *table = so->table;
          obj_incref(startkey);
          int cmp = obj_richcompare_bool(vm, startkey, key, CMP_EQ);
          obj_decref(vm, startkey);
          if (cmp > 0) goto found_active;
          if (cmp < 0) goto comparison_error;
          if (table != so->table || entry->key != startkey) goto restart;
          mask = (size_t)so->mask;
        }
      } else if (entry->hash == -1) {
        freeslot = entry;
      }
      entry++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot == NULL) goto found_unused;
  so->used++;
  freeslot->key = key;
  freeslot->hash = hash;
  return 0;
found_unused:
  so->fill++;
  so->used++;
  entry->key = key;
  entry->hash = hash;
  if ((size_t)so->fill * 5 < mask * 3) return 0;
  return set_table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
  obj_decref(vm, key);
  return 0;
comparison_error:
  obj_decref(vm, key);
  return -1;
}

static int set_contains_entry(VM *vm, SetObject *so, Object *key, int64_t hash) {
  SetEntry *e = set_lookkey(vm, so, key, hash);
  return e ? e->key != NULL : -1;
}

/* 1 found and removed, 0 absent, -1 error. */
static int set_discard_entry(VM *vm, SetObject *so, Object *key, int64_t hash) {
  SetEntry *e = set_lookkey(vm, so, key, hash);
  if (!e) return -1;
  if (!e->key) return 0;
  Object *old = e->key;
  e->key = DUMMY(vm);
  e->hash = -1;
  so->used--;
  obj_decref(vm, old);
  return 1;
}

static int set_add_key(VM *vm, SetObject *so, Object *key) {
  int64_t h = dict_key_hash(vm, key);
  return h == -1 ? -1 : set_add_entry(vm, so, key, h);
}

static int set_contains_key(VM *vm, SetObject *so, Object *key) {
  int64_t h = dict_key_hash(vm, key);
  return h == -1 ? -1 : set_contains_entry(vm, so, key, h);
}

static int set_discard_key(VM *vm, SetObject *so, Object *key) {
  int64_t h = dict_key_hash(vm, key);
  return h == -1 ? -1 : set_discard_entry(vm, so, key, h);
}

static void set_empty_to_minsize(SetObject *so) {
  memset(so->smalltable, 0, sizeof(so->smalltable));
  so->fill = so->used = 0;
  so->mask = SET_MINSIZE - 1;
  so->table = so->smalltable;
  so->hash = -1;
}

/* Empty the set before releasing anything: a destructor may look at it. */
static void set_clear_internal(VM *vm, SetObject *so) {
  SetEntry *table = so->table;
  ssize_t used = so->used, mask = so->mask;
  bool malloced = table != so->smalltable;
  SetEntry small_copy[SET_MINSIZE];
  if (malloced) {
    set_empty_to_minsize(so);
  } else if (so->fill > 0) {
    memcpy(small_copy, table, sizeof(small_copy));
    table = small_copy;
    set_empty_to_minsize(so);
  }
  Object *dummy = DUMMY(vm);
  for (SetEntry *e = table; used > 0; e++) {
    if (e->key && e->key != dummy) {
      used--;
      obj_decref(vm, e->key);
    }
  }
  if (malloced) heap_free(vm, table, sizeof(SetEntry) * (size_t)(mask + 1));
}

/* Internal iteration over entries (pos as for set_next). */
static SetEntry *next_entry(VM *vm, SetObject *so, ssize_t *pos) {
  ssize_t i = *pos, mask = so->mask;
  Object *dummy = DUMMY(vm);
  SetEntry *e = &so->table[i];
  while (i <= mask && (e->key == NULL || e->key == dummy)) {
    i++;
    e++;
  }
  *pos = i + 1;
  return i > mask ? NULL : e;
}

int set_next(Object *set, ssize_t *pos, Object **key) {
  /* The dummy's address is not at hand without the VM: its hash (-1) marks it. */
  SetObject *so = S(set);
  ssize_t i = *pos;
  while (i <= so->mask && (so->table[i].key == NULL || so->table[i].hash == -1)) i++;
  *pos = i + 1;
  if (i > so->mask) return 0;
  *key = so->table[i].key;
  return 1;
}

/* ======================================================================== */
/* bulk operations                                                          */
/* ======================================================================== */

static int set_merge(VM *vm, SetObject *so, SetObject *other) {
  if (other == so || other->used == 0) return 0;
  if ((so->fill + other->used) * 5 >= so->mask * 3 &&
      set_table_resize(vm, so, (so->used + other->used) * 2) < 0)
    return -1;
  SetEntry *so_entry = so->table, *other_entry = other->table;
  Object *dummy = DUMMY(vm);
  /* Empty target of the same size with no dummies to drop: copy the table as is. */
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (ssize_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
      Object *key = other_entry->key;
      if (key != NULL) {
        so_entry->key = obj_newref(key);
        so_entry->hash = other_entry->hash;
      }
    }
    so->fill = other->fill;
    so->used = other->used;
    return 0;
  }
  if (so->fill == 0) {
    so->fill = other->used;
    so->used = other->used;
    for (ssize_t i = other->mask + 1; i > 0; i--, other_entry++) {
      Object *key = other_entry->key;
      if (key != NULL && key != dummy)
        set_insert_clean(so->table, (size_t)so->mask, obj_newref(key), other_entry->hash);
    }
    return 0;
  }
  for (ssize_t i = 0; i <= other->mask; i++) {
    other_entry = &other->table[i];
    Object *key = other_entry->key;
    if (key != NULL && key != dummy && set_add_entry(vm, so, key, other_entry->hash) < 0)
      return -1;
  }
  return 0;
}

static int set_update_internal(VM *vm, SetObject *so, Object *other) {
  if (SET_CHECK(vm, other)) return set_merge(vm, so, S(other));
  if (DICT_CHECK_EXACT(vm, other)) {
    ssize_t dictsize = dict_size(other);
    if ((so->fill + dictsize) * 5 >= so->mask * 3 &&
        set_table_resize(vm, so, (so->used + dictsize) * 2) < 0)
      return -1;
    ssize_t pos = 0;
    Object *key, *value;
    int64_t hash;
    while (dict_next_hash(other, &pos, &key, &value, &hash))
      if (set_add_entry(vm, so, key, hash) < 0) return -1;
    return 0;
  }
  Object *it = obj_iter(vm, other);
  if (!it) return -1;
  Object *key;
  while ((key = obj_next(vm, it)) != NULL) {
    int rc = set_add_key(vm, so, key);
    obj_decref(vm, key);
    if (rc < 0) {
      obj_decref(vm, it);
      return -1;
    }
  }
  obj_decref(vm, it);
  return exc_occurred(vm) ? -1 : 0;
}

static Object *make_new_set(VM *vm, TypeObject *type, Object *iterable) {
  SetObject *so = (SetObject *)obj_alloc(vm, type, 0);
  if (!so) return NULL;
  so->mask = SET_MINSIZE - 1;
  so->table = so->smalltable;
  so->hash = -1;
  gc_track(vm, &so->ob);
  if (iterable && set_update_internal(vm, so, iterable) < 0) {
    obj_decref(vm, &so->ob);
    return NULL;
  }
  return &so->ob;
}

/* A set of the built-in base of type (results of operations on subclasses). */
static Object *make_new_set_basetype(VM *vm, TypeObject *type, Object *iterable) {
  if (type != &vm->set_type && type != &vm->frozenset_type)
    type = type_is_subtype(type, &vm->set_type) ? &vm->set_type : &vm->frozenset_type;
  return make_new_set(vm, type, iterable);
}

Object *set_new(VM *vm, Object *iterable) { return make_new_set(vm, &vm->set_type, iterable); }

Object *frozenset_new(VM *vm, Object *iterable) {
  return make_new_set(vm, &vm->frozenset_type, iterable);
}

int set_add(VM *vm, Object *set, Object *key) { return set_add_key(vm, S(set), key); }

int set_contains(VM *vm, Object *set, Object *key) { return set_contains_key(vm, S(set), key); }

int set_discard(VM *vm, Object *set, Object *key) { return set_discard_key(vm, S(set), key); }

/* Exchange the contents of a and b (set_swap_bodies). */
static void set_swap_bodies(VM *vm, SetObject *a, SetObject *b) {
  ssize_t t;
  t = a->fill; a->fill = b->fill; b->fill = t;
  t = a->used; a->used = b->used; b->used = t;
  t = a->mask; a->mask = b->mask; b->mask = t;
  SetEntry *u = a->table == a->smalltable ? b->smalltable : a->table;
  a->table = b->table == b->smalltable ? a->smalltable : b->table;
  b->table = u;
  if (a->table == a->smalltable || b->table == b->smalltable) {
    SetEntry tab[SET_MINSIZE];
    memcpy(tab, a->smalltable, sizeof(tab));
    memcpy(a->smalltable, b->smalltable, sizeof(tab));
    memcpy(b->smalltable, tab, sizeof(tab));
  }
  if (type_is_subtype(a->ob.ob_type, &vm->frozenset_type) &&
      type_is_subtype(b->ob.ob_type, &vm->frozenset_type)) {
    int64_t h = a->hash;
    a->hash = b->hash;
    b->hash = h;
  } else {
    a->hash = b->hash = -1;
  }
}

static Object *set_copy(VM *vm, Object *so) {
  return make_new_set_basetype(vm, so->ob_type, so);
}

static Object *set_intersection(VM *vm, SetObject *so, Object *other) {
  if (&so->ob == other) return set_copy(vm, &so->ob);
  Object *result = make_new_set_basetype(vm, so->ob.ob_type, NULL);
  if (!result) return NULL;
  if (SET_CHECK(vm, other)) {
    SetObject *o = S(other);
    if (o->used > so->used) {
      SetObject *t = so;
      so = o;
      o = t;
    }
    ssize_t pos = 0;
    SetEntry *e;
    while ((e = next_entry(vm, o, &pos)) != NULL) {
      Object *key = obj_newref(e->key);
      int64_t hash = e->hash;
      int rv = set_contains_entry(vm, so, key, hash);
      if (rv > 0) rv = set_add_entry(vm, S(result), key, hash);
      obj_decref(vm, key);
      if (rv < 0) {
        obj_decref(vm, result);
        return NULL;
      }
    }
    return result;
  }
  Object *it = obj_iter(vm, other);
  if (!it) {
    obj_decref(vm, result);
    return NULL;
  }
  Object *key;
  while ((key = obj_next(vm, it)) != NULL) {
    int64_t hash = obj_hash(vm, key);
    int rv = hash == -1 ? -1 : set_contains_entry(vm, so, key, hash);
    if (rv > 0) rv = set_add_entry(vm, S(result), key, hash);
    obj_decref(vm, key);
    if (rv < 0) goto error;
    if (S(result)->used >= so->used) break;
  }
  obj_decref(vm, it);
  if (exc_occurred(vm)) {
    obj_decref(vm, result);
    return NULL;
  }
  return result;
error:
  obj_decref(vm, it);
  obj_decref(vm, result);
  return NULL;
}

static int set_difference_update_internal(VM *vm, SetObject *so, Object *other) {
  if (&so->ob == other) {
    set_clear_internal(vm, so);
    return 0;
  }
  if (SET_CHECK(vm, other)) {
    /* When other is more than 8 times larger, remove only the common part. */
    if ((S(other)->used >> 3) > so->used) {
      other = set_intersection(vm, so, other);
      if (!other) return -1;
    } else {
      obj_incref(other);
    }
    ssize_t pos = 0;
    SetEntry *e;
    while ((e = next_entry(vm, S(other), &pos)) != NULL) {
      Object *key = obj_newref(e->key);
      int rc = set_discard_entry(vm, so, key, e->hash);
      obj_decref(vm, key);
      if (rc < 0) {
        obj_decref(vm, other);
        return -1;
      }
    }
    obj_decref(vm, other);
  } else {
    Object *it = obj_iter(vm, other);
    if (!it) return -1;
    Object *key;
    while ((key = obj_next(vm, it)) != NULL) {
      int rc = set_discard_key(vm, so, key);
      obj_decref(vm, key);
      if (rc < 0) {
        obj_decref(vm, it);
        return -1;
      }
    }
    obj_decref(vm, it);
    if (exc_occurred(vm)) return -1;
  }
  /* More than 1/4 dummies: rebuild. */
  if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) return 0;
  return set_table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static Object *set_copy_and_difference(VM *vm, SetObject *so, Object *other) {
  Object *result = set_copy(vm, &so->ob);
  if (result && set_difference_update_internal(vm, S(result), other) < 0) {
    obj_decref(vm, result);
    return NULL;
  }
  return result;
}

static Object *set_difference(VM *vm, SetObject *so, Object *other) {
  ssize_t other_size;
  bool other_dict = DICT_CHECK_EXACT(vm, other);
  if (SET_CHECK(vm, other)) other_size = S(other)->used;
  else if (other_dict) other_size = dict_size(other);
  else return set_copy_and_difference(vm, so, other);
  if ((so->used >> 2) > other_size) return set_copy_and_difference(vm, so, other);
  Object *result = make_new_set_basetype(vm, so->ob.ob_type, NULL);
  if (!result) return NULL;
  ssize_t pos = 0;
  SetEntry *e;
  while ((e = next_entry(vm, so, &pos)) != NULL) {
    Object *key = obj_newref(e->key);
    int64_t hash = e->hash;
    int rv = other_dict ? dict_contains_hash(vm, other, key, hash)
                        : set_contains_entry(vm, S(other), key, hash);
    if (rv == 0) rv = set_add_entry(vm, S(result), key, hash);
    obj_decref(vm, key);
    if (rv < 0) {
      obj_decref(vm, result);
      return NULL;
    }
  }
  return result;
}

static int set_symmetric_difference_update(VM *vm, SetObject *so, Object *other) {
  if (&so->ob == other) {
    set_clear_internal(vm, so);
    return 0;
  }
  if (DICT_CHECK_EXACT(vm, other)) {
    ssize_t pos = 0;
    Object *key, *value;
    int64_t hash;
    while (dict_next_hash(other, &pos, &key, &value, &hash)) {
      obj_incref(key);
      int rv = set_discard_entry(vm, so, key, hash);
      if (rv == 0) rv = set_add_entry(vm, so, key, hash);
      obj_decref(vm, key);
      if (rv < 0) return -1;
    }
    return 0;
  }
  Object *otherset = SET_CHECK(vm, other) ? obj_newref(other)
                                          : make_new_set_basetype(vm, so->ob.ob_type, other);
  if (!otherset) return -1;
  ssize_t pos = 0;
  SetEntry *e;
  while ((e = next_entry(vm, S(otherset), &pos)) != NULL) {
    Object *key = obj_newref(e->key);
    int64_t hash = e->hash;
    int rv = set_discard_entry(vm, so, key, hash);
    if (rv == 0) rv = set_add_entry(vm, so, key, hash);
    obj_decref(vm, key);
    if (rv < 0) {
      obj_decref(vm, otherset);
      return -1;
    }
  }
  obj_decref(vm, otherset);
  return 0;
}

static Object *set_symmetric_difference(VM *vm, SetObject *so, Object *other) {
  Object *r = make_new_set_basetype(vm, so->ob.ob_type, other);
  if (r && set_symmetric_difference_update(vm, S(r), &so->ob) < 0) {
    obj_decref(vm, r);
    return NULL;
  }
  return r;
}

/* 1, 0 or -1. */
static int set_issubset(VM *vm, SetObject *so, Object *other) {
  if (!SET_CHECK(vm, other)) {
    Object *tmp = make_new_set(vm, &vm->set_type, other);
    if (!tmp) return -1;
    int r = set_issubset(vm, so, tmp);
    obj_decref(vm, tmp);
    return r;
  }
  if (so->used > S(other)->used) return 0;
  ssize_t pos = 0;
  SetEntry *e;
  while ((e = next_entry(vm, so, &pos)) != NULL) {
    Object *key = obj_newref(e->key);
    int rv = set_contains_entry(vm, S(other), key, e->hash);
    obj_decref(vm, key);
    if (rv <= 0) return rv;
  }
  return 1;
}

static int set_issuperset(VM *vm, SetObject *so, Object *other) {
  if (SET_CHECK(vm, other)) return set_issubset(vm, S(other), &so->ob);
  Object *it = obj_iter(vm, other);
  if (!it) return -1;
  Object *key;
  int rv = 1;
  while ((key = obj_next(vm, it)) != NULL) {
    rv = set_contains_key(vm, so, key);
    obj_decref(vm, key);
    if (rv <= 0) break;
  }
  obj_decref(vm, it);
  if (rv == 1 && exc_occurred(vm)) return -1;
  return rv;
}

static int set_isdisjoint(VM *vm, SetObject *so, Object *other) {
  if (&so->ob == other) return so->used == 0;
  if (SET_CHECK_EXACT(vm, other) || FROZENSET_CHECK_EXACT(vm, other)) {
    SetObject *o = S(other);
    if (o->used > so->used) {
      SetObject *t = so;
      so = o;
      o = t;
    }
    ssize_t pos = 0;
    SetEntry *e;
    while ((e = next_entry(vm, o, &pos)) != NULL) {
      Object *key = obj_newref(e->key);
      int rv = set_contains_entry(vm, so, key, e->hash);
      obj_decref(vm, key);
      if (rv != 0) return rv < 0 ? -1 : 0;
    }
    return 1;
  }
  Object *it = obj_iter(vm, other);
  if (!it) return -1;
  Object *key;
  int rv = 0;
  while ((key = obj_next(vm, it)) != NULL) {
    rv = set_contains_key(vm, so, key);
    obj_decref(vm, key);
    if (rv != 0) break;
  }
  obj_decref(vm, it);
  if (rv < 0 || (rv == 0 && exc_occurred(vm))) return -1;
  return !rv;
}

/* A set key that is unhashable is retried as a frozenset (x in s, s.remove(x)). */
static int with_frozen_retry(VM *vm, SetObject *so, Object *key,
                             int (*op)(VM *, SetObject *, Object *)) {
  int rv = op(vm, so, key);
  if (rv >= 0 || !is_mutable_set(vm, key) || !exc_matches(vm, &vm->exc_TypeError)) return rv;
  exc_clear(vm);
  Object *tmp = make_new_set(vm, &vm->frozenset_type, key);
  if (!tmp) return -1;
  rv = op(vm, so, tmp);
  obj_decref(vm, tmp);
  return rv;
}

/* ======================================================================== */
/* slots                                                                    */
/* ======================================================================== */

static void set_dealloc(VM *vm, Object *self) {
  SetObject *so = S(self);
  gc_untrack(vm, self);
  Object *dummy = DUMMY(vm);
  ssize_t used = so->used;
  for (SetEntry *e = so->table; used > 0; e++) {
    if (e->key && e->key != dummy) {
      used--;
      obj_decref(vm, e->key);
    }
  }
  if (so->table != so->smalltable)
    heap_free(vm, so->table, sizeof(SetEntry) * (size_t)(so->mask + 1));
  obj_free(vm, self, type_instance_size(self->ob_type, 0));
}

static int set_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  ssize_t pos = 0;
  SetEntry *e;
  while ((e = next_entry(vm, S(self), &pos)) != NULL) {
    if (!obj_is_small(e->key)) {
      int r = visit(vm, e->key, arg);
      if (r) return r;
    }
  }
  return 0;
}

static int set_tp_clear(VM *vm, Object *self) {
  set_clear_internal(vm, S(self));
  return 0;
}

static Object *set_tp_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                          Object *kwnames) {
  return make_new_set(vm, type, NULL);
}

static int set_tp_init(VM *vm, Object *self, Object *const *args, size_t nargs,
                       Object *kwnames) {
  if (self->ob_type == &vm->set_type && arg_no_kw(vm, "set", kwnames) < 0) return -1;
  if (arg_count(vm, "set", nargs, 0, 1) < 0) return -1;
  if (S(self)->fill) set_clear_internal(vm, S(self));
  S(self)->hash = -1;
  return nargs ? set_update_internal(vm, S(self), args[0]) : 0;
}

static Object *frozenset_tp_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                                Object *kwnames) {
  if (type == &vm->frozenset_type && arg_no_kw(vm, "frozenset", kwnames) < 0) return NULL;
  if (arg_count(vm, type_name(type), nargs, 0, 1) < 0) return NULL;
  Object *iterable = nargs ? args[0] : NULL;
  if (type == &vm->frozenset_type && iterable && FROZENSET_CHECK_EXACT(vm, iterable))
    return obj_newref(iterable);
  return make_new_set(vm, type, iterable);
}

static Object *set_repr(VM *vm, Object *self) {
  const char *name = type_name(self->ob_type);
  int rc = repr_enter(vm, self);
  if (rc != 0) return rc > 0 ? str_from_format(vm, "%s(...)", name) : NULL;
  Object *r = NULL;
  if (S(self)->used == 0) {
    r = str_from_format(vm, "%s()", name);
  } else {
    Object *keys = list_from_iterable(vm, self);
    Object *lr = keys ? obj_repr(vm, keys) : NULL;
    obj_xdecref(vm, keys);
    if (lr) {
      const char *s = str_utf8(lr);
      ssize_t n = str_nbytes(lr);
      StrBuf b;
      strbuf_init(&b);
      bool plain = self->ob_type == &vm->set_type;
      if (!plain) {
        strbuf_append_cstr(vm, &b, name);
        strbuf_append_char(vm, &b, '(');
      }
      strbuf_append_char(vm, &b, '{');
      strbuf_append(vm, &b, s + 1, (size_t)(n - 2));   /* the list repr without [ ] */
      strbuf_append_char(vm, &b, '}');
      if (!plain) strbuf_append_char(vm, &b, ')');
      obj_decref(vm, lr);
      r = strbuf_finish(vm, &b);
    }
  }
  repr_leave(vm, self);
  return r;
}

static ssize_t set_len(VM *vm, Object *self) { return S(self)->used; }

static int set_tp_contains(VM *vm, Object *self, Object *key) {
  return with_frozen_retry(vm, S(self), key, set_contains_key);
}

static uint64_t shuffle_bits(uint64_t h) {
  return ((h ^ UINT64_C(89869747)) ^ (h << 16)) * UINT64_C(3644798167);
}

static int64_t frozenset_hash(VM *vm, Object *self) {
  SetObject *so = S(self);
  if (so->hash != -1) return so->hash;
  uint64_t hash = 0;
  for (SetEntry *e = so->table; e <= &so->table[so->mask]; e++) hash ^= shuffle_bits((uint64_t)e->hash);
  /* Cancel the NULL (hash 0) and dummy (hash -1) entries counted above. */
  if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
  if ((so->fill - so->used) & 1) hash ^= shuffle_bits(UINT64_MAX);
  hash ^= ((uint64_t)so->used + 1) * UINT64_C(1927868237);
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * UINT64_C(69069) + UINT64_C(907133923);
  if (hash == UINT64_MAX) hash = UINT64_C(590923713);
  so->hash = (int64_t)hash;
  return so->hash;
}

static Object *set_richcompare(VM *vm, Object *a, Object *b, int op) {
  if (!SET_CHECK(vm, b)) return obj_newref(VM_NOTIMPL(vm));
  SetObject *v = S(a), *w = S(b);
  int r;
  switch (op) {
  case CMP_EQ:
  case CMP_NE:
    if (v->used != w->used) r = 0;
    else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash) r = 0;
    else r = set_issubset(vm, v, b);
    if (r >= 0 && op == CMP_NE) r = !r;
    break;
  case CMP_LE: r = set_issubset(vm, v, b); break;
  case CMP_GE: r = set_issuperset(vm, v, b); break;
  case CMP_LT: r = v->used < w->used ? set_issubset(vm, v, b) : 0; break;
  case CMP_GT: r = v->used > w->used ? set_issuperset(vm, v, b) : 0; break;
  default: return obj_newref(VM_NOTIMPL(vm));
  }
  return r < 0 ? NULL : vm_bool(vm, r);
}

static Object *set_binop(VM *vm, Object *a, Object *b, int op) {
  int base = op & ~BINOP_INPLACE;
  if (!SET_CHECK(vm, a) || !SET_CHECK(vm, b)) return obj_newref(VM_NOTIMPL(vm));
  if (op & BINOP_INPLACE) {
    if (!is_mutable_set(vm, a)) return obj_newref(VM_NOTIMPL(vm));
    SetObject *so = S(a);
    int rc;
    switch (base) {
    case BINOP_OR: rc = set_update_internal(vm, so, b); break;
    case BINOP_SUB: rc = set_difference_update_internal(vm, so, b); break;
    case BINOP_XOR: rc = set_symmetric_difference_update(vm, so, b); break;
    case BINOP_AND: {
      Object *tmp = set_intersection(vm, so, b);
      if (!tmp) return NULL;
      set_swap_bodies(vm, so, S(tmp));
      obj_decref(vm, tmp);
      rc = 0;
      break;
    }
    default: return obj_newref(VM_NOTIMPL(vm));
    }
    return rc < 0 ? NULL : obj_newref(a);
  }
  switch (base) {
  case BINOP_OR: {
    Object *r = set_copy(vm, a);
    if (r && a != b && set_update_internal(vm, S(r), b) < 0) {
      obj_decref(vm, r);
      return NULL;
    }
    return r;
  }
  case BINOP_AND: return set_intersection(vm, S(a), b);
  case BINOP_SUB: return set_difference(vm, S(a), b);
  case BINOP_XOR: return set_symmetric_difference(vm, S(a), b);
  default: return obj_newref(VM_NOTIMPL(vm));
  }
}

/* ======================================================================== */
/* methods                                                                  */
/* ======================================================================== */

#define SELF S(self)

static Object *m_add(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  return set_add_key(vm, SELF, args[0]) < 0 ? NULL : vm_none(vm);
}

static Object *m_clear(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  set_clear_internal(vm, SELF);
  return vm_none(vm);
}

static Object *m_copy(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  return set_copy(vm, self);
}

static Object *m_frozen_copy(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  if (FROZENSET_CHECK_EXACT(vm, self)) return obj_newref(self);
  return set_copy(vm, self);
}

static Object *m_discard(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  return with_frozen_retry(vm, SELF, args[0], set_discard_key) < 0 ? NULL : vm_none(vm);
}

static Object *m_remove(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  int rv = with_frozen_retry(vm, SELF, args[0], set_discard_key);
  if (rv < 0) return NULL;
  if (rv == 0) return exc_set_key_error(vm, args[0]);
  return vm_none(vm);
}

static Object *m_pop(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  SetObject *so = SELF;
  if (so->used == 0) return exc_set(vm, &vm->exc_KeyError, "pop from an empty set");
  SetEntry *entry = so->table + (so->finger & so->mask);
  SetEntry *limit = so->table + so->mask;
  Object *dummy = DUMMY(vm);
  while (entry->key == NULL || entry->key == dummy) {
    entry++;
    if (entry > limit) entry = so->table;
  }
  Object *key = entry->key;
  entry->key = dummy;
  entry->hash = -1;
  so->used--;
  so->finger = entry - so->table + 1;
  return key;
}

static Object *m_union(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  Object *result = set_copy(vm, self);
  if (!result) return NULL;
  for (size_t i = 0; i < n; i++) {
    if (args[i] == self) continue;
    if (set_update_internal(vm, S(result), args[i]) < 0) {
      obj_decref(vm, result);
      return NULL;
    }
  }
  return result;
}

static Object *m_update(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  for (size_t i = 0; i < n; i++)
    if (set_update_internal(vm, SELF, args[i]) < 0) return NULL;
  return vm_none(vm);
}

static Object *intersection_multi(VM *vm, Object *self, Object *const *args, size_t n) {
  if (n == 0) return set_copy(vm, self);
  Object *result = obj_newref(self);
  for (size_t i = 0; i < n; i++) {
    Object *nr = set_intersection(vm, S(result), args[i]);
    obj_decref(vm, result);
    if (!nr) return NULL;
    result = nr;
  }
  return result;
}

static Object *m_intersection(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  return intersection_multi(vm, self, args, n);
}

static Object *m_intersection_update(VM *vm, Object *self, Object *const *args, size_t n,
                                     Object *kw) {
  Object *tmp = intersection_multi(vm, self, args, n);
  if (!tmp) return NULL;
  set_swap_bodies(vm, SELF, S(tmp));
  obj_decref(vm, tmp);
  return vm_none(vm);
}

static Object *m_difference(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  if (n == 0) return set_copy(vm, self);
  Object *result = set_difference(vm, SELF, args[0]);
  for (size_t i = 1; result && i < n; i++) {
    if (set_difference_update_internal(vm, S(result), args[i]) < 0) {
      obj_decref(vm, result);
      return NULL;
    }
  }
  return result;
}

static Object *m_difference_update(VM *vm, Object *self, Object *const *args, size_t n,
                                   Object *kw) {
  for (size_t i = 0; i < n; i++)
    if (set_difference_update_internal(vm, SELF, args[i]) < 0) return NULL;
  return vm_none(vm);
}

static Object *m_symmetric_difference(VM *vm, Object *self, Object *const *args, size_t n,
                                      Object *kw) {
  return set_symmetric_difference(vm, SELF, args[0]);
}

static Object *m_symmetric_difference_update(VM *vm, Object *self, Object *const *args,
                                             size_t n, Object *kw) {
  return set_symmetric_difference_update(vm, SELF, args[0]) < 0 ? NULL : vm_none(vm);
}

static Object *bool_result(VM *vm, int r) { return r < 0 ? NULL : vm_bool(vm, r); }

static Object *m_issubset(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  return bool_result(vm, set_issubset(vm, SELF, args[0]));
}

static Object *m_issuperset(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  return bool_result(vm, set_issuperset(vm, SELF, args[0]));
}

static Object *m_isdisjoint(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  return bool_result(vm, set_isdisjoint(vm, SELF, args[0]));
}

static Object *m_contains(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  return bool_result(vm, set_tp_contains(vm, self, args[0]));
}

static Object *m_sizeof(VM *vm, Object *self, Object *const *args, size_t n, Object *kw) {
  size_t sz = self->ob_type->tp_basicsize;
  if (SELF->table != SELF->smalltable) sz += sizeof(SetEntry) * (size_t)(SELF->mask + 1);
  return int_from_i64(vm, (int64_t)sz);
}

#define VARARGS (METH_VARARGS | METH_NOKW)

static const MethodDef set_methods[] = {
  {"add", m_add, METH_O, "Add an element to a set.\n\nThis has no effect if the element is already present."},
  {"clear", m_clear, METH_NOARGS, "Remove all elements from this set."},
  {"__contains__", m_contains, METH_O, "x.__contains__(y) <==> y in x."},
  {"copy", m_copy, METH_NOARGS, "Return a shallow copy of a set."},
  {"discard", m_discard, METH_O, "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set."},
  {"difference", m_difference, VARARGS, "Return the difference of two or more sets as a new set."},
  {"difference_update", m_difference_update, VARARGS, "Remove all elements of another set from this set."},
  {"intersection", m_intersection, VARARGS, "Return the intersection of two sets as a new set."},
  {"intersection_update", m_intersection_update, VARARGS, "Update a set with the intersection of itself and another."},
  {"isdisjoint", m_isdisjoint, METH_O, "Return True if two sets have a null intersection."},
  {"issubset", m_issubset, METH_O, "Report whether another set contains this set."},
  {"issuperset", m_issuperset, METH_O, "Report whether this set contains another set."},
  {"pop", m_pop, METH_NOARGS, "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
  {"remove", m_remove, METH_O, "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."},
  {"__sizeof__", m_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
  {"symmetric_difference", m_symmetric_difference, METH_O, "Return the symmetric difference of two sets as a new set."},
  {"symmetric_difference_update", m_symmetric_difference_update, METH_O, "Update a set with the symmetric difference of itself and another."},
  {"union", m_union, VARARGS, "Return the union of sets as a new set."},
  {"update", m_update, VARARGS, "Update a set with the union of itself and others."},
  {NULL, NULL, 0, NULL},
};

static const MethodDef frozenset_methods[] = {
  {"__contains__", m_contains, METH_O, "x.__contains__(y) <==> y in x."},
  {"copy", m_frozen_copy, METH_NOARGS, "Return a shallow copy of a set."},
  {"difference", m_difference, VARARGS, "Return the difference of two or more sets as a new set."},
  {"intersection", m_intersection, VARARGS, "Return the intersection of two sets as a new set."},
  {"isdisjoint", m_isdisjoint, METH_O, "Return True if two sets have a null intersection."},
  {"issubset", m_issubset, METH_O, "Report whether another set contains this set."},
  {"issuperset", m_issuperset, METH_O, "Report whether this set contains another set."},
  {"__sizeof__", m_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
  {"symmetric_difference", m_symmetric_difference, METH_O, "Return the symmetric difference of two sets as a new set."},
  {"union", m_union, VARARGS, "Return the union of sets as a new set."},
  {NULL, NULL, 0, NULL},
};

/* ======================================================================== */
/* iterator                                                                 */
/* ======================================================================== */

static Object *set_iter(VM *vm, Object *self) {
  SetIterObject *it = (SetIterObject *)obj_alloc(vm, &vm->set_iter_type, 0);
  if (!it) return NULL;
  it->set = obj_newref(self);
  it->used = S(self)->used;
  it->pos = 0;
  it->len = S(self)->used;
  gc_track(vm, &it->ob);
  return &it->ob;
}

static Object *setiter_next(VM *vm, Object *self) {
  SetIterObject *it = (SetIterObject *)self;
  Object *set = it->set;
  if (!set) return NULL;
  if (it->used != S(set)->used) {
    it->used = -1;
    return exc_set(vm, &vm->exc_RuntimeError, "Set changed size during iteration");
  }
  SetEntry *e = next_entry(vm, S(set), &it->pos);
  if (!e) {
    it->set = NULL;
    obj_decref(vm, set);
    return NULL;
  }
  it->len--;
  return obj_newref(e->key);
}

static Object *setiter_length_hint(VM *vm, Object *self, Object *const *a, size_t n,
                                   Object *kw) {
  SetIterObject *it = (SetIterObject *)self;
  ssize_t len = it->set && it->used == S(it->set)->used ? it->len : 0;
  return int_from_i64(vm, len);
}

static const MethodDef setiter_methods[] = {
  {"__length_hint__", setiter_length_hint, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
  {NULL, NULL, 0, NULL},
};

/* ======================================================================== */
/* type setup                                                               */
/* ======================================================================== */

#define SET_BINOPS ((1u << BINOP_OR) | (1u << BINOP_AND) | (1u << BINOP_SUB) | (1u << BINOP_XOR))

static void anyset_init(VM *vm, TypeObject *t, const char *name) {
  type_init_builtin(vm, t, name, NULL, sizeof(SetObject), 0, TYPE_FLAG_BASETYPE | TYPE_FLAG_GC);
  t->tp_dealloc = set_dealloc;
  t->tp_traverse = set_traverse;
  t->tp_clear = set_tp_clear;
  t->tp_repr = set_repr;
  t->tp_richcompare = set_richcompare;
  t->tp_binop = set_binop;
  t->tp_binop_mask = SET_BINOPS;
  t->tp_len = set_len;
  t->tp_contains = set_tp_contains;
  t->tp_iter = set_iter;
}

void set_type_init(VM *vm) {
  TypeObject *t = &vm->set_type;
  anyset_init(vm, t, "set");
  t->tp_new = set_tp_new;
  t->tp_init = set_tp_init;
  t->tp_methods = set_methods;
  t->tp_binop_mask = SET_BINOPS;
  t->tp_inplace_mask = SET_BINOPS;
  t->tp_doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.";

  list_seqiter_type_init(vm, &vm->set_iter_type, "set_iterator", sizeof(SetIterObject),
                         setiter_next, setiter_methods);

  /* The deleted-entry marker is never a live object; give it a type for debuggers. */
  vm->set_dummy.ob_refcnt = OBJ_IMMORTAL_INIT;
  vm->set_dummy.ob_gc = OBJ_GC_IMMORTAL;
  vm->set_dummy.ob_type = &vm->object_type;
}

void frozenset_type_init(VM *vm) {
  TypeObject *t = &vm->frozenset_type;
  anyset_init(vm, t, "frozenset");
  t->tp_new = frozenset_tp_new;
  t->tp_hash = frozenset_hash;
  t->tp_methods = frozenset_methods;
  t->tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements.";
}
