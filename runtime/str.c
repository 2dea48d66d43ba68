/*
 * str: immutable Unicode strings stored as UTF-8 (see str.h for the invariants).
 *
 * Layout. A StrObject is one allocation: the header, the UTF-8 bytes and a NUL
 * (obj_alloc with tp_itemsize 1). A non-ASCII string also carries, after the NUL at
 * an 8-byte boundary, an IndexCache: the (code point index, byte offset) pair of the
 * last position looked up, so that sequential indexing (`for i in range(len(s)):
 * s[i]`, iteration, find with start) walks only from the previous position instead of
 * from the start. ASCII strings index in O(1) and pay nothing.
 *
 * Singletons and interning. vm->empty_str and vm->latin1[c] (one code point < 256) are
 * immortal and returned by every constructor for such values. Interned strings live in
 * an open-addressing set in struct VM (vm->intern_table): an interned string is made
 * immortal (OBJ_GC_IMMORTAL, count never reaches 0) and is freed only by str_finish at
 * VM teardown. vm->interned (the contract's dict) is left NULL: the private set needs
 * no dict during bootstrap and compares by hash and bytes directly.
 *
 * Hash. A wyhash-style multiply-mix over the UTF-8 bytes, 8 bytes at a time, with a
 * FIXED seed: Kite does not randomise string hashing (PYTHONHASHSEED has no effect),
 * so dict/set iteration orders of str keys are reproducible run to run. Equal strings
 * have equal bytes, hence equal hashes; -1 is never returned (it becomes -2).
 *
 * Ordering. Code-point order equals UTF-8 byte order, so comparisons are memcmp.
 *
 * Unicode properties and case mappings come from runtime/unicode.c (full Unicode 14.0,
 * as CPython 3.11).
 */
#define _GNU_SOURCE   // memmem, memrchr
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "runtime/str.h"
#include "runtime/format.h"
#include "runtime/unicode.h"
#include "runtime/type.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/tuple.h"
#include "runtime/dict.h"
#include "runtime/slice.h"

#define STR_HEADER offsetof(StrObject, data)
#define AS_STR(o) ((StrObject *)(o))

typedef struct IndexCache {
  ssize_t index, offset;
} IndexCache;

/* ==================================================================== allocation */

static inline size_t cache_pos(size_t nbytes) {
  return (STR_HEADER + nbytes + 1 + 7) & ~(size_t)7;
}
/* Bytes after the header: data, NUL, and for non-ASCII strings the index cache. */
static inline size_t items_for(size_t nbytes, bool ascii) {
  return ascii ? nbytes + 1 : cache_pos(nbytes) - STR_HEADER + sizeof(IndexCache);
}
static inline IndexCache *index_cache(StrObject *s) {
  return (IndexCache *)((char *)s + cache_pos((size_t)s->nbytes));
}

static StrObject *alloc_typed(VM *vm, TypeObject *type, size_t nbytes, ssize_t length,
                              bool ascii) {
  StrObject *s = (StrObject *)obj_alloc(vm, type, (ssize_t)items_for(nbytes, ascii));
  if (!s) return NULL;
  s->length = length;
  s->nbytes = (ssize_t)nbytes;
  s->hash = -1;
  s->ascii = ascii;
  s->interned = 0;
  s->data[nbytes] = '\0';
  if (!ascii) *index_cache(s) = (IndexCache){0, 0};
  return s;
}

Object *str_alloc(VM *vm, size_t nbytes, ssize_t length, bool ascii) {
  return (Object *)alloc_typed(vm, &vm->str_type, nbytes, length, ascii);
}

size_t str_sizeof(Object *s) {
  return STR_HEADER + items_for((size_t)AS_STR(s)->nbytes, AS_STR(s)->ascii);
}

static void str_dealloc(VM *vm, Object *o) {
  obj_free(vm, o, str_sizeof(o));
}

/* Scan UTF-8: code points and whether all bytes are ASCII. */
static ssize_t count_cps(const char *p, size_t n, bool *ascii) {
  size_t i = 0, cont = 0;
  uint64_t hi = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    hi |= w;
    if (w & 0x8080808080808080ull) {
      /* continuation bytes are 10xxxxxx: bit 7 set and bit 6 clear */
      uint64_t c = w & ~(w << 1) & 0x8080808080808080ull;
      cont += (size_t)__builtin_popcountll(c);
    }
  }
  for (; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    hi |= c;
    cont += (c & 0xc0) == 0x80;
  }
  *ascii = (hi & 0x8080808080808080ull) == 0;
  return (ssize_t)(n - cont);
}

Object *str_new_known(VM *vm, const char *utf8, size_t n, ssize_t length, bool ascii) {
  if (n == 0 && vm->empty_str) return obj_newref(vm->empty_str);
  if (length == 1 && vm->latin1[0]) {
    int len;
    uint32_t cp = str_decode_cp(utf8, &len);
    if (cp < 256) return obj_newref(vm->latin1[cp]);
  }
  StrObject *s = alloc_typed(vm, &vm->str_type, n, length, ascii);
  if (!s) return NULL;
  memcpy(s->data, utf8, n);
  return (Object *)s;
}

Object *str_new(VM *vm, const char *utf8, size_t n) {
  bool ascii;
  ssize_t len = count_cps(utf8, n, &ascii);
  return str_new_known(vm, utf8, n, len, ascii);
}

Object *str_from_cstr(VM *vm, const char *s) {
  return str_new(vm, s, strlen(s));
}

Object *str_from_codepoint(VM *vm, uint32_t cp) {
  if (cp < 256 && vm->latin1[cp]) return obj_newref(vm->latin1[cp]);
  char buf[4];
  int n = str_encode_cp(cp, buf);
  return str_new_known(vm, buf, (size_t)n, 1, cp < 128);
}

/* Length of the valid UTF-8 sequence at p (n bytes left), or 0 if invalid; *why gets
   CPython's reason. */
static int utf8_valid_seq(const unsigned char *p, size_t n, const char **why) {
  unsigned char c = p[0];
  int need;
  uint32_t min;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c < 0xe0) need = 2, min = 0x80;
  else if (c >= 0xe0 && c < 0xf0) need = 3, min = 0x800;
  else if (c >= 0xf0 && c < 0xf5) need = 4, min = 0x10000;
  else { *why = "invalid start byte"; return 0; }
  uint32_t cp = c & (0x7f >> need);
  for (int k = 1; k < need; k++) {
    if ((size_t)k >= n) { *why = "unexpected end of data"; return 0; }
    if ((p[k] & 0xc0) != 0x80) { *why = "invalid continuation byte"; return 0; }
    cp = (cp << 6) | (p[k] & 0x3f);
    /* CPython reports overlong/surrogate/out-of-range at the second byte */
    if (k == 1) {
      uint32_t top = cp << (6 * (need - 2));
      if (top < min || (top >= 0xd800 && top <= 0xdfff) || top > 0x10ffff) {
        *why = "invalid continuation byte";
        return 0;
      }
    }
  }
  return need;
}

Object *str_decode_utf8(VM *vm, const char *bytes, size_t n) {
  const unsigned char *p = (const unsigned char *)bytes;
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) { i++; continue; }
    const char *why = "";
    int k = utf8_valid_seq(p + i, n - i, &why);
    if (!k) {
      if (strcmp(why, "unexpected end of data") == 0 || (k == 0 && i + 1 >= n && p[i] >= 0xc2 && p[i] < 0xf5))
        return exc_set(vm, &vm->exc_UnicodeDecodeError,
                       "'utf-8' codec can't decode byte 0x%x in position %zu: unexpected end of data",
                       p[i], i);
      return exc_set(vm, &vm->exc_UnicodeDecodeError,
                     "'utf-8' codec can't decode byte 0x%x in position %zu: %s", p[i], i, why);
    }
    i += (size_t)k;
  }
  return str_new(vm, bytes, n);
}

/* ======================================================================= hashing */

static inline uint64_t mix64(uint64_t a, uint64_t b) {
  __uint128_t r = (__uint128_t)a * b;
  return (uint64_t)r ^ (uint64_t)(r >> 64);
}

/* Fixed seed on purpose (see the file comment). */
static int64_t hash_bytes(const char *p, size_t n) {
  if (n == 0) return 0;   /* hash('') == 0, as in CPython */
  const uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull;
  uint64_t h = 0x2d358dccaa6c78a5ull ^ (n * k1);
  for (; n >= 16; p += 16, n -= 16) {
    uint64_t a, b;
    memcpy(&a, p, 8);
    memcpy(&b, p + 8, 8);
    h = mix64(a ^ k0 ^ h, b ^ k1);
  }
  if (n >= 8) {
    uint64_t a;
    memcpy(&a, p, 8);
    h = mix64(a ^ k0, h ^ k1);
    p += 8, n -= 8;
  }
  if (n) {
    uint64_t a = 0;
    memcpy(&a, p, n);
    h = mix64(a ^ k1, h ^ k0);
  }
  h = mix64(h, k0 ^ 0x8bb84b93962eacc9ull);
  int64_t r = (int64_t)h;
  return r == -1 ? -2 : r;
}

int64_t str_hash(VM *vm, Object *s) {
  StrObject *o = AS_STR(s);
  if (o->hash == -1) o->hash = hash_bytes(o->data, (size_t)o->nbytes);
  return o->hash;
}

bool str_equal(Object *a, Object *b) {
  if (a == b) return true;
  StrObject *x = AS_STR(a), *y = AS_STR(b);
  if (x->nbytes != y->nbytes) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
}

bool str_eq_cstr(Object *s, const char *c) {
  size_t n = strlen(c);
  return (size_t)str_nbytes(s) == n && memcmp(str_utf8(s), c, n) == 0;
}

/* ===================================================================== interning */

static void make_immortal(Object *o) {
  o->ob_refcnt = OBJ_IMMORTAL_INIT;
  o->ob_gc |= OBJ_GC_IMMORTAL;
}

/* Slot for (data, n, hash): the entry equal to it, or the empty slot where it goes. */
static Object **intern_slot(VM *vm, const char *data, size_t n, int64_t hash) {
  size_t mask = vm->intern_cap - 1, i = (size_t)hash & mask;
  for (;; i = (i + 1) & mask) {
    Object **slot = &vm->intern_table[i];
    StrObject *e = AS_STR(*slot);
    if (!e || (e->hash == hash && (size_t)e->nbytes == n && memcmp(e->data, data, n) == 0))
      return slot;
  }
}

static int intern_grow(VM *vm) {
  size_t ncap = vm->intern_cap ? vm->intern_cap * 2 : 1024;
  Object **nt = heap_calloc(vm, ncap * sizeof(Object *));
  if (!nt) return -1;
  Object **old = vm->intern_table;
  size_t ocap = vm->intern_cap;
  vm->intern_table = nt;
  vm->intern_cap = ncap;
  for (size_t i = 0; i < ocap; i++) {
    if (!old[i]) continue;
    StrObject *e = AS_STR(old[i]);
    *intern_slot(vm, e->data, (size_t)e->nbytes, e->hash) = old[i];
  }
  if (old) heap_free(vm, old, ocap * sizeof(Object *));
  return 0;
}

/* Borrowed: the interned string for the bytes, or NULL if none. */
static Object *intern_find(VM *vm, const char *data, size_t n, int64_t hash) {
  if (!vm->intern_cap) return NULL;
  return *intern_slot(vm, data, n, hash);
}

/* Add exact str s (not yet interned, no equal one present) and make it immortal. */
static int intern_add(VM *vm, Object *s) {
  if ((vm->intern_used + 1) * 2 > vm->intern_cap && intern_grow(vm) < 0) return -1;
  StrObject *o = AS_STR(s);
  *intern_slot(vm, o->data, (size_t)o->nbytes, str_hash(vm, s)) = s;
  vm->intern_used++;
  o->interned = 1;
  make_immortal(s);
  return 0;
}

Object *str_intern(VM *vm, Object *s) {
  StrObject *o = AS_STR(s);
  if (o->interned) return obj_newref(s);
  Object *found = intern_find(vm, o->data, (size_t)o->nbytes, str_hash(vm, s));
  if (found) return obj_newref(found);
  Object *e = s;
  if (!STR_CHECK_EXACT(vm, s)) {
    e = (Object *)alloc_typed(vm, &vm->str_type, (size_t)o->nbytes, o->length, o->ascii);
    if (!e) return NULL;
    memcpy(AS_STR(e)->data, o->data, (size_t)o->nbytes);
  } else {
    obj_incref(e);
  }
  if (intern_add(vm, e) < 0) {
    obj_decref(vm, e);
    return NULL;
  }
  return e;
}

Object *str_intern_cstr(VM *vm, const char *c) {
  size_t n = strlen(c);
  Object *found = intern_find(vm, c, n, hash_bytes(c, n));
  if (found) return obj_newref(found);
  Object *s = str_new(vm, c, n);
  if (!s) return NULL;
  Object *r = str_intern(vm, s);
  obj_decref(vm, s);
  return r;
}

int str_create_singletons(VM *vm) {
  Object *e = str_intern_cstr(vm, "");
  if (!e) return -1;
  vm->empty_str = e;
  for (uint32_t c = 0; c < 256; c++) {
    char buf[4];
    int n = str_encode_cp(c, buf);
    /* not str_new: it would return the half-built latin1 table's entries */
    Object *found = intern_find(vm, buf, (size_t)n, hash_bytes(buf, (size_t)n));
    if (!found) {
      found = (Object *)alloc_typed(vm, &vm->str_type, (size_t)n, 1, c < 128);
      if (!found) return -1;
      memcpy(AS_STR(found)->data, buf, (size_t)n);
      if (intern_add(vm, found) < 0) return -1;
    }
    vm->latin1[c] = found;
  }
#define KITE_ID_MAKE(name) \
  if (!(vm->id.name = str_intern_cstr(vm, #name))) return -1;
  KITE_IDENTIFIERS(KITE_ID_MAKE)
#undef KITE_ID_MAKE
  return 0;
}

void str_finish(VM *vm) {
  for (size_t i = 0; i < vm->intern_cap; i++)
    if (vm->intern_table[i]) obj_free(vm, vm->intern_table[i], str_sizeof(vm->intern_table[i]));
  if (vm->intern_table) heap_free(vm, vm->intern_table, vm->intern_cap * sizeof(Object *));
  vm->intern_table = NULL;
  vm->intern_cap = vm->intern_used = 0;
  vm->empty_str = NULL;
  memset(vm->latin1, 0, sizeof vm->latin1);
  memset(&vm->id, 0, sizeof vm->id);
}

/* ====================================================================== indexing */

ssize_t str_byte_offset(Object *so, ssize_t i) {
  StrObject *s = AS_STR(so);
  if (s->ascii) return i;
  if (i >= s->length) return s->nbytes;
  IndexCache *c = index_cache(s);
  ssize_t idx = 0, off = 0;
  /* start from the nearest known point: the start, the cache or the end */
  if (i >= c->index && i - c->index <= s->length - i) idx = c->index, off = c->offset;
  else if (i < c->index && c->index - i < i) idx = c->index, off = c->offset;
  else if (s->length - i < i) idx = s->length, off = s->nbytes;
  const unsigned char *p = (const unsigned char *)s->data;
  while (idx < i) {
    /* skip whole ASCII runs 8 bytes at a time */
    uint64_t w;
    if (i - idx >= 8 && off + 8 <= s->nbytes && (memcpy(&w, p + off, 8), !(w & 0x8080808080808080ull))) {
      off += 8, idx += 8;
      continue;
    }
    unsigned char b = p[off];
    off += b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    idx++;
  }
  while (idx > i) {
    do off--; while ((p[off] & 0xc0) == 0x80);
    idx--;
  }
  c->index = idx, c->offset = off;
  return off;
}

uint32_t str_codepoint_at(Object *s, ssize_t i) {
  int len;
  return str_decode_cp(str_utf8(s) + str_byte_offset(s, i), &len);
}

/* New reference: the bytes [off, off+n) of s, a whole number of code points. */
static Object *sub_bytes(VM *vm, Object *s, ssize_t off, ssize_t n) {
  if (AS_STR(s)->ascii) return str_new_known(vm, str_utf8(s) + off, (size_t)n, n, true);
  return str_new(vm, str_utf8(s) + off, (size_t)n);
}

Object *str_substr(VM *vm, Object *s, ssize_t start, ssize_t stop) {
  if (start == 0 && stop == str_length(s) && STR_CHECK_EXACT(vm, s)) return obj_newref(s);
  ssize_t b0 = str_byte_offset(s, start);
  ssize_t b1 = str_byte_offset(s, stop);
  return str_new_known(vm, str_utf8(s) + b0, (size_t)(b1 - b0), stop - start, AS_STR(s)->ascii);
}

static Object *str_getslice(VM *vm, Object *s, Object *slice) {
  ssize_t start, stop, step;
  if (slice_unpack(vm, slice, &start, &stop, &step) < 0) return NULL;
  ssize_t n = slice_adjust_indices(str_length(s), &start, &stop, step);
  if (n <= 0) return obj_newref(vm->empty_str);
  if (step == 1) return str_substr(vm, s, start, start + n);
  StrObject *o = AS_STR(s);
  if (o->ascii) {
    Object *r = str_alloc(vm, (size_t)n, n, true);
    if (!r) return NULL;
    char *d = AS_STR(r)->data;
    for (ssize_t i = 0, cur = start; i < n; i++, cur += step) d[i] = o->data[cur];
    return r;
  }
  STRBUF_LOCAL(b, 256);
  for (ssize_t i = 0, cur = start; i < n; i++, cur += step) {
    int len;
    ssize_t off = str_byte_offset(s, cur);
    str_decode_cp(o->data + off, &len);
    strbuf_append(vm, &b, o->data + off, (size_t)len);
  }
  return strbuf_finish(vm, &b);
}

static Object *str_getitem(VM *vm, Object *s, Object *key) {
  ssize_t i;
  if (obj_is_small(key)) {
    i = (ssize_t)small_value(key);
  } else if (SLICE_CHECK(vm, key)) {
    return str_getslice(vm, s, key);
  } else if (INT_CHECK(vm, key) || type_lookup(vm, obj_type(vm, key), vm->id.__index__)) {
    int err = 0;
    i = obj_as_index(vm, key, &err);
    if (err) return NULL;
  } else {
    return exc_set(vm, &vm->exc_TypeError, "string indices must be integers, not '%s'",
                   type_name(obj_type(vm, key)));
  }
  ssize_t len = str_length(s);
  if (i < 0) i += len;
  if (i < 0 || i >= len) return exc_set(vm, &vm->exc_IndexError, "string index out of range");
  if (AS_STR(s)->ascii) return obj_newref(vm->latin1[(unsigned char)str_utf8(s)[i]]);
  return str_from_codepoint(vm, str_codepoint_at(s, i));
}

/* ================================================================ basic slots */

static ssize_t str_len_slot(VM *vm, Object *s) {
  return str_length(s);
}

static int64_t str_hash_slot(VM *vm, Object *s) {
  return str_hash(vm, s);
}

static int str_cmp(Object *a, Object *b) {
  StrObject *x = AS_STR(a), *y = AS_STR(b);
  ssize_t n = x->nbytes < y->nbytes ? x->nbytes : y->nbytes;
  int c = memcmp(x->data, y->data, (size_t)n);
  if (c) return c;
  return (x->nbytes > y->nbytes) - (x->nbytes < y->nbytes);
}

static Object *str_richcompare(VM *vm, Object *a, Object *b, int op) {
  if (!STR_CHECK(vm, a) || !STR_CHECK(vm, b)) return obj_newref(VM_NOTIMPL(vm));
  bool r;
  if (op == CMP_EQ || op == CMP_NE) {
    r = str_equal(a, b) == (op == CMP_EQ);
  } else {
    int c = str_cmp(a, b);
    r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_GT ? c > 0 : c >= 0;
  }
  return vm_bool(vm, r);
}

Object *str_concat(VM *vm, Object *a, Object *b) {
  if (str_nbytes(a) == 0 && STR_CHECK_EXACT(vm, b)) return obj_newref(b);
  if (str_nbytes(b) == 0 && STR_CHECK_EXACT(vm, a)) return obj_newref(a);
  Object *items[2] = {a, b};
  return str_concat_array(vm, items, 2);
}

Object *str_concat_array(VM *vm, Object *const *items, size_t n) {
  size_t nbytes = 0;
  ssize_t len = 0;
  bool ascii = true;
  for (size_t i = 0; i < n; i++) {
    StrObject *o = AS_STR(items[i]);
    nbytes += (size_t)o->nbytes;
    len += o->length;
    ascii = ascii && o->ascii;
  }
  if (len <= 1) {
    for (size_t i = 0; i < n; i++)
      if (AS_STR(items[i])->length) return str_new_known(vm, str_utf8(items[i]), nbytes, len, ascii);
    return obj_newref(vm->empty_str);
  }
  Object *r = str_alloc(vm, nbytes, len, ascii);
  if (!r) return NULL;
  char *d = AS_STR(r)->data;
  for (size_t i = 0; i < n; i++) {
    memcpy(d, str_utf8(items[i]), (size_t)str_nbytes(items[i]));
    d += str_nbytes(items[i]);
  }
  return r;
}

Object *str_concat_inplace(VM *vm, Object *a, Object *b) {
  StrObject *x = AS_STR(a), *y = AS_STR(b);
  if (a->ob_refcnt != 1 || x->interned || !STR_CHECK_EXACT(vm, a) || a == b || y->nbytes == 0 ||
      x->nbytes == 0) {
    Object *r = str_concat(vm, a, b);
    obj_decref(vm, a);
    return r;
  }
  bool ascii = x->ascii && y->ascii;
  size_t nb = (size_t)(x->nbytes + y->nbytes);
  size_t oldsize = str_sizeof(a), newsize = STR_HEADER + items_for(nb, ascii);
  /* The object is not tracked and nobody else points to it, so it may move. */
  StrObject *r = heap_realloc(vm, a, oldsize, newsize);
  if (!r) {
    obj_decref(vm, a);
    return NULL;
  }
  memcpy(r->data + r->nbytes, y->data, (size_t)y->nbytes);
  r->nbytes = (ssize_t)nb;
  r->length += y->length;
  r->ascii = ascii;
  r->hash = -1;
  r->data[nb] = '\0';
  if (!ascii) *index_cache(r) = (IndexCache){0, 0};
  return (Object *)r;
}

static Object *str_repeat(VM *vm, Object *s, ssize_t n) {
  if (n <= 0 || str_nbytes(s) == 0) return obj_newref(vm->empty_str);
  if (n == 1 && STR_CHECK_EXACT(vm, s)) return obj_newref(s);
  size_t nb = (size_t)str_nbytes(s);
  if (str_length(s) > SSIZE_MAX / n || (size_t)n > ((size_t)SSIZE_MAX - 64) / nb)
    return exc_set(vm, &vm->exc_OverflowError, "repeated string is too long");
  Object *r = str_alloc(vm, nb * (size_t)n, str_length(s) * n, AS_STR(s)->ascii);
  if (!r) return NULL;
  char *d = AS_STR(r)->data;
  size_t total = nb * (size_t)n, done = nb;
  memcpy(d, str_utf8(s), nb);
  while (done < total) {   /* doubling copies */
    size_t k = done <= total - done ? done : total - done;
    memcpy(d + done, d, k);
    done += k;
  }
  return r;
}

/* Give the other operand's reflected slot a chance, as CPython tries nb_* before the
   sequence slots. Returns NotImplemented if it has none or declines. */
static Object *try_other(VM *vm, Object *a, Object *b, int op) {
  TypeObject *t = obj_type(vm, b);
  if (!t->tp_binop || t->tp_binop == vm->str_type.tp_binop) return obj_newref(VM_NOTIMPL(vm));
  return t->tp_binop(vm, a, b, op);
}

static Object *str_mul(VM *vm, Object *s, Object *n, Object *a, Object *b) {
  if (!INT_CHECK(vm, n)) {
    /* str on the right of a non-int: the generic dispatcher words the error (the left
       operand's repetition error wins in CPython, naming the right operand). */
    if (n == a) return obj_newref(VM_NOTIMPL(vm));
    if (n == b) {
      Object *r = try_other(vm, a, b, BINOP_MUL);
      if (r != VM_NOTIMPL(vm)) return r;
      obj_decref(vm, r);
    }
    if (!type_lookup(vm, obj_type(vm, n), vm->id.__index__))
      return exc_set(vm, &vm->exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                     type_name(obj_type(vm, n)));
  }
  int err = 0;
  ssize_t k = obj_as_index(vm, n, &err);
  if (err) {
    if (!exc_matches(vm, &vm->exc_IndexError)) return NULL;
    exc_clear(vm);   /* sequence repetition overflows with OverflowError, as CPython */
    return exc_set(vm, &vm->exc_OverflowError, "cannot fit '%s' into an index-sized integer",
                   type_name(obj_type(vm, n)));
  }
  return str_repeat(vm, s, k);
}

static Object *str_binop(VM *vm, Object *a, Object *b, int op) {
  if (op & BINOP_INPLACE) return obj_newref(VM_NOTIMPL(vm));
  bool as = STR_CHECK(vm, a);
  switch (op) {
  case BINOP_ADD:
    if (!as) return obj_newref(VM_NOTIMPL(vm));
    if (STR_CHECK(vm, b)) return str_concat(vm, a, b);
    {
      Object *r = try_other(vm, a, b, op);
      if (r != VM_NOTIMPL(vm)) return r;
      obj_decref(vm, r);
    }
    return exc_set(vm, &vm->exc_TypeError, "can only concatenate str (not \"%s\") to str",
                   type_name(obj_type(vm, b)));
  case BINOP_MUL:
    if (as && STR_CHECK(vm, b))
      return exc_set(vm, &vm->exc_TypeError, "can't multiply sequence by non-int of type 'str'");
    return as ? str_mul(vm, a, b, a, b) : str_mul(vm, b, a, a, b);
  case BINOP_MOD:
    if (!as) return obj_newref(VM_NOTIMPL(vm));
    return str_percent_format(vm, a, b);
  default:
    return obj_newref(VM_NOTIMPL(vm));
  }
}

static int str_contains(VM *vm, Object *s, Object *item) {
  if (!STR_CHECK(vm, item)) {
    exc_set(vm, &vm->exc_TypeError, "'in <string>' requires string as left operand, not %s",
            type_name(obj_type(vm, item)));
    return -1;
  }
  size_t n = (size_t)str_nbytes(item);
  if (n == 0) return 1;
  if (n == 1) return memchr(str_utf8(s), str_utf8(item)[0], (size_t)str_nbytes(s)) != NULL;
  return memmem(str_utf8(s), (size_t)str_nbytes(s), str_utf8(item), n) != NULL;
}

/* New reference: an exact str equal to s. */
static Object *exact_copy(VM *vm, Object *s) {
  if (STR_CHECK_EXACT(vm, s)) return obj_newref(s);
  return str_new_known(vm, str_utf8(s), (size_t)str_nbytes(s), str_length(s), AS_STR(s)->ascii);
}

static Object *str_str(VM *vm, Object *s) {
  return exact_copy(vm, s);
}

/* ========================================================================== repr */

/* Append the escape for cp (non-printable or special) to b. */
static void repr_escape(VM *vm, StrBuf *b, uint32_t cp) {
  char tmp[12];
  switch (cp) {
  case '\\': strbuf_append(vm, b, "\\\\", 2); return;
  case '\n': strbuf_append(vm, b, "\\n", 2); return;
  case '\r': strbuf_append(vm, b, "\\r", 2); return;
  case '\t': strbuf_append(vm, b, "\\t", 2); return;
  }
  int n;
  if (cp < 0x100) n = snprintf(tmp, sizeof tmp, "\\x%02x", cp);
  else if (cp < 0x10000) n = snprintf(tmp, sizeof tmp, "\\u%04x", cp);
  else n = snprintf(tmp, sizeof tmp, "\\U%08x", cp);
  strbuf_append(vm, b, tmp, (size_t)n);
}

/* Shared by repr() and ascii(): ascii_only escapes every non-ASCII code point. */
static Object *repr_impl(VM *vm, Object *s, bool ascii_only) {
  const char *p = str_utf8(s), *end = p + str_nbytes(s);
  bool sq = memchr(p, '\'', (size_t)(end - p)) != NULL;
  bool dq = memchr(p, '"', (size_t)(end - p)) != NULL;
  char quote = sq && !dq ? '"' : '\'';
  STRBUF_LOCAL(b, 256);
  strbuf_append_char(vm, &b, quote);
  while (p < end) {
    const char *run = p;   /* copy plain ASCII runs in one go */
    while (p < end && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f && *p != '\\' && *p != quote)
      p++;
    if (p > run) strbuf_append(vm, &b, run, (size_t)(p - run));
    if (p >= end) break;
    int len;
    uint32_t cp = str_decode_cp(p, &len);
    if (cp == (uint32_t)quote) strbuf_append(vm, &b, quote == '\'' ? "\\'" : "\\\"", 2);
    else if (cp >= 0x80 && !ascii_only && (unicode_flags(cp) & UNICODE_PRINTABLE))
      strbuf_append(vm, &b, p, (size_t)len);
    else repr_escape(vm, &b, cp);
    p += len;
  }
  strbuf_append_char(vm, &b, quote);
  return strbuf_finish(vm, &b);
}

Object *str_repr(VM *vm, Object *s) {
  return repr_impl(vm, s, false);
}

/* New reference: ascii(s) for a str: repr with every non-ASCII code point escaped. */
Object *str_ascii_repr(VM *vm, Object *s) {
  return repr_impl(vm, s, true);
}

/* ================================================================== str_from_format */

Object *str_from_vformat(VM *vm, const char *fmt, va_list ap) {
  STRBUF_LOCAL(b, 256);
  for (const char *f = fmt; *f; f++) {
    if (*f != '%') {
      const char *run = f;
      while (f[1] && f[1] != '%') f++;
      strbuf_append(vm, &b, run, (size_t)(f - run + 1));
      continue;
    }
    f++;
    bool left = false;
    if (*f == '-') left = true, f++;
    int width = 0, prec = -1;
    while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
    if (*f == '.') {
      prec = 0;
      for (f++; *f >= '0' && *f <= '9'; f++) prec = prec * 10 + (*f - '0');
    }
    int lng = 0;   /* 1 = l, 2 = ll, 3 = z */
    if (*f == 'l') { lng = 1, f++; if (*f == 'l') lng = 2, f++; }
    else if (*f == 'z') lng = 3, f++;
    char num[48];
    Object *o = NULL;
    switch (*f) {
    case '%': strbuf_append_char(vm, &b, '%'); continue;
    case 'c': strbuf_append_codepoint(vm, &b, (uint32_t)va_arg(ap, int)); continue;
    case 'd': case 'i':
      if (lng == 1) snprintf(num, sizeof num, "%ld", va_arg(ap, long));
      else if (lng == 2) snprintf(num, sizeof num, "%lld", va_arg(ap, long long));
      else if (lng == 3) snprintf(num, sizeof num, "%zd", va_arg(ap, ssize_t));
      else snprintf(num, sizeof num, "%d", va_arg(ap, int));
      o = str_from_cstr(vm, num);
      break;
    case 'u': case 'x':
      if (lng == 1) snprintf(num, sizeof num, *f == 'u' ? "%lu" : "%lx", va_arg(ap, unsigned long));
      else if (lng == 2) snprintf(num, sizeof num, *f == 'u' ? "%llu" : "%llx", va_arg(ap, unsigned long long));
      else if (lng == 3) snprintf(num, sizeof num, *f == 'u' ? "%zu" : "%zx", va_arg(ap, size_t));
      else snprintf(num, sizeof num, *f == 'u' ? "%u" : "%x", va_arg(ap, unsigned));
      o = str_from_cstr(vm, num);
      break;
    case 'p': snprintf(num, sizeof num, "%p", va_arg(ap, void *)); o = str_from_cstr(vm, num); break;
    case 's': { const char *s = va_arg(ap, const char *); o = str_from_cstr(vm, s ? s : "(null)"); break; }
    case 'R': o = obj_repr(vm, va_arg(ap, Object *)); break;
    case 'S': o = obj_str(vm, va_arg(ap, Object *)); break;
    case 'A': o = obj_ascii(vm, va_arg(ap, Object *)); break;
    case 'U': o = obj_newref(va_arg(ap, Object *)); break;
    case 'T': o = str_from_cstr(vm, type_name(obj_type(vm, va_arg(ap, Object *)))); break;
    case 'N': o = str_from_cstr(vm, type_name(va_arg(ap, TypeObject *))); break;
    default:
      strbuf_discard(vm, &b);
      return exc_set(vm, &vm->exc_SystemError, "bad format directive in str_from_format");
    }
    if (!o) {
      strbuf_discard(vm, &b);
      return NULL;
    }
    ssize_t len = str_length(o);
    if (prec >= 0 && len > prec) {
      strbuf_append(vm, &b, str_utf8(o), (size_t)str_byte_offset(o, prec));
      len = prec;
    } else if (!left) {
      if (width > len) strbuf_append_repeat(vm, &b, ' ', width - len);
      strbuf_append_str(vm, &b, o);
    } else {
      strbuf_append_str(vm, &b, o);
    }
    if (left && width > len) strbuf_append_repeat(vm, &b, ' ', width - len);
    obj_decref(vm, o);
  }
  return strbuf_finish(vm, &b);
}

Object *str_from_format(VM *vm, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Object *r = str_from_vformat(vm, fmt, ap);
  va_end(ap);
  return r;
}

/* ====================================================================== iterator */

typedef struct StrIterObject {
  Object ob;
  Object *str;       /* NULL once exhausted */
  ssize_t offset;    /* byte offset of the next code point */
} StrIterObject;

static Object *str_iter(VM *vm, Object *s) {
  StrIterObject *it = (StrIterObject *)obj_alloc(vm, &vm->str_iter_type, 0);
  if (!it) return NULL;
  it->str = obj_newref(s);
  it->offset = 0;
  return (Object *)it;
}

static Object *str_iter_next(VM *vm, Object *self) {
  StrIterObject *it = (StrIterObject *)self;
  if (!it->str) return NULL;
  if (it->offset >= str_nbytes(it->str)) {
    OBJ_CLEAR(vm, it->str);
    return NULL;
  }
  const char *p = str_utf8(it->str) + it->offset;
  if ((unsigned char)*p < 0x80) {
    it->offset++;
    return obj_newref(vm->latin1[(unsigned char)*p]);
  }
  int len;
  uint32_t cp = str_decode_cp(p, &len);
  it->offset += len;
  return str_from_codepoint(vm, cp);
}

static Object *str_iter_self(VM *vm, Object *self) {
  return obj_newref(self);
}

static void str_iter_dealloc(VM *vm, Object *self) {
  OBJ_CLEAR(vm, ((StrIterObject *)self)->str);
  obj_free(vm, self, sizeof(StrIterObject));
}

static Object *str_iter_length_hint(VM *vm, Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
  StrIterObject *it = (StrIterObject *)self;
  if (!it->str) return small_new(0);
  bool ascii;
  ssize_t n = count_cps(str_utf8(it->str) + it->offset, (size_t)(str_nbytes(it->str) - it->offset), &ascii);
  return small_new(n);
}

static const MethodDef str_iter_methods[] = {
  {"__length_hint__", str_iter_length_hint, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
  {NULL, NULL, 0, NULL},
};

/* ===================================================================== str() */

static Object *str_tp_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                          Object *kwnames) {
  static const char *const names[] = {"object", "encoding", "errors", NULL};
  Object *a[3];
  if (!kwnames && nargs > 3)
    return exc_set(vm, &vm->exc_TypeError, "str() takes at most 3 arguments (%zu given)", nargs);
  if (arg_parse(vm, "str", args, nargs, kwnames, names, 3, 0, a) < 0) return NULL;
  if (a[1] || a[2]) {
    if (!a[0]) return exc_set(vm, &vm->exc_TypeError, "decoding str is not supported");
    return exc_set(vm, &vm->exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                   type_name(obj_type(vm, a[0])));
  }
  Object *s = a[0] ? obj_str(vm, a[0]) : obj_newref(vm->empty_str);
  if (!s || type == &vm->str_type) return s;
  StrObject *o = AS_STR(s);
  StrObject *r = alloc_typed(vm, type, (size_t)o->nbytes, o->length, o->ascii);
  if (r) memcpy(r->data, o->data, (size_t)o->nbytes);
  obj_decref(vm, s);
  return (Object *)r;
}

/* ========================================================================= methods */

/* ---- argument helpers (CPython's two message styles: the old getargs one for
   find/count/split..., Argument Clinic's for replace/center/strip...) ---- */

static int no_kw(VM *vm, const char *name, Object *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames) > 0) {
    exc_set(vm, &vm->exc_TypeError, "str.%s() takes no keyword arguments", name);
    return -1;
  }
  return 0;
}

static int old_args(VM *vm, const char *name, size_t nargs, Object *kwnames, size_t min, size_t max) {
  if (no_kw(vm, name, kwnames) < 0) return -1;
  if (nargs < min) {
    exc_set(vm, &vm->exc_TypeError, "%s() takes at least %zu argument%s (%zu given)", name, min,
            min == 1 ? "" : "s", nargs);
    return -1;
  }
  if (nargs > max) {
    exc_set(vm, &vm->exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", name, max,
            max == 1 ? "" : "s", nargs);
    return -1;
  }
  return 0;
}

static int clinic_args(VM *vm, const char *name, size_t nargs, Object *kwnames, size_t min, size_t max) {
  if (no_kw(vm, name, kwnames) < 0) return -1;
  if (nargs < min || nargs > max) {
    size_t k = nargs < min ? min : max;
    exc_set(vm, &vm->exc_TypeError, "%s expected at %s %zu argument%s, got %zu", name,
            nargs < min ? "least" : "most", k, k == 1 ? "" : "s", nargs);
    return -1;
  }
  return 0;
}

/* "must be str, not int" style check; fmt gets the type name. */
static int need_str(VM *vm, Object *o, const char *fmt) {
  if (STR_CHECK(vm, o)) return 0;
  exc_set(vm, &vm->exc_TypeError, fmt, type_name(obj_type(vm, o)));
  return -1;
}

static int index_arg(VM *vm, Object *o, ssize_t *out) {
  int err = 0;
  *out = obj_as_index(vm, o, &err);
  return err ? -1 : 0;
}

/* The single optional int parameter (positional or keyword kwname) of splitlines and
   expandtabs; *out keeps its default when it is not given. */
static int int_kwarg(VM *vm, const char *fname, const char *kwname, Object *const *args, size_t nargs,
                     Object *kw, ssize_t *out) {
  const char *const names[] = {kwname, NULL};
  Object *a[1];
  if (!kw && nargs > 1) {
    exc_set(vm, &vm->exc_TypeError, "%s() takes at most 1 argument (%zu given)", fname, nargs);
    return -1;
  }
  if (arg_parse(vm, fname, args, nargs, kw, names, 1, 0, a) < 0) return -1;
  return a[0] ? index_arg(vm, a[0], out) : 0;
}

/* A start/end argument of find & co: None leaves *out unchanged. */
static int slice_index(VM *vm, Object *o, ssize_t *out) {
  if (o == VM_NONE(vm)) return 0;
  if (!INT_CHECK(vm, o) && !type_lookup(vm, obj_type(vm, o), vm->id.__index__)) {
    exc_set(vm, &vm->exc_TypeError,
            "slice indices must be integers or None or have an __index__ method");
    return -1;
  }
  return index_arg(vm, o, out);
}

/* CPython's ADJUST_INDICES: negative indices count from the end, end is clipped to len;
   start is not clipped above (start > len means "nothing found"). */
static void adjust_indices(ssize_t *start, ssize_t *end, ssize_t len) {
  if (*end > len) *end = len;
  else if (*end < 0 && (*end += len) < 0) *end = 0;
  if (*start < 0 && (*start += len) < 0) *start = 0;
}

/* Parse (sub[, start[, end]]) for find/count/index and friends. */
static int sub_range_args(VM *vm, const char *name, Object *self, Object *const *args, size_t nargs,
                          Object *kwnames, ssize_t *start, ssize_t *end) {
  if (old_args(vm, name, nargs, kwnames, 1, 3) < 0) return -1;
  *start = 0, *end = SSIZE_MAX;
  if (nargs > 1 && slice_index(vm, args[1], start) < 0) return -1;
  if (nargs > 2 && slice_index(vm, args[2], end) < 0) return -1;
  adjust_indices(start, end, str_length(self));
  return 0;
}

/* ---- byte-level search ---- */

static const char *search_fwd(const char *h, size_t hn, const char *n, size_t nn) {
  if (nn == 1) return memchr(h, n[0], hn);
  return memmem(h, hn, n, nn);
}

static const char *search_rev(const char *h, size_t hn, const char *n, size_t nn) {
  if (nn > hn) return NULL;
  if (nn == 1) return memrchr(h, n[0], hn);
  for (size_t lim = hn - nn + 1; lim > 0;) {
    const char *p = memrchr(h, n[0], lim);
    if (!p) return NULL;
    if (memcmp(p, n, nn) == 0) return p;
    lim = (size_t)(p - h);
  }
  return NULL;
}

/* find/rfind on a code-point range already adjusted: index or -1. */
static ssize_t find_range(Object *s, Object *sub, ssize_t start, ssize_t end, bool reverse) {
  if (end - start < str_length(sub)) return -1;
  if (str_nbytes(sub) == 0) return reverse ? end : start;
  ssize_t b0 = str_byte_offset(s, start), b1 = str_byte_offset(s, end);
  const char *h = str_utf8(s) + b0;
  const char *p = reverse ? search_rev(h, (size_t)(b1 - b0), str_utf8(sub), (size_t)str_nbytes(sub))
                          : search_fwd(h, (size_t)(b1 - b0), str_utf8(sub), (size_t)str_nbytes(sub));
  if (!p) return -1;
  if (AS_STR(s)->ascii) return p - str_utf8(s);
  bool ascii;
  return start + count_cps(h, (size_t)(p - h), &ascii);
}

static Object *find_common(VM *vm, const char *name, Object *self, Object *const *args, size_t nargs,
                           Object *kwnames, bool reverse, bool raise) {
  ssize_t start, end;
  if (sub_range_args(vm, name, self, args, nargs, kwnames, &start, &end) < 0) return NULL;
  if (need_str(vm, args[0], "must be str, not %s") < 0) return NULL;
  ssize_t r = find_range(self, args[0], start, end, reverse);
  if (r < 0 && raise) return exc_set(vm, &vm->exc_ValueError, "substring not found");
  return int_from_i64(vm, r);
}

static Object *str_find_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return find_common(vm, "find", self, args, nargs, kw, false, false);
}
static Object *str_rfind_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return find_common(vm, "rfind", self, args, nargs, kw, true, false);
}
static Object *str_index_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return find_common(vm, "index", self, args, nargs, kw, false, true);
}
static Object *str_rindex_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return find_common(vm, "rindex", self, args, nargs, kw, true, true);
}

/* Non-overlapping occurrences of sub in the byte range, at most max. */
static ssize_t count_bytes(const char *h, size_t hn, const char *n, size_t nn, ssize_t max) {
  ssize_t c = 0;
  const char *end = h + hn;
  while (c < max) {
    const char *p = search_fwd(h, (size_t)(end - h), n, nn);
    if (!p) break;
    c++;
    h = p + nn;
  }
  return c;
}

static Object *str_count_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  ssize_t start, end;
  if (sub_range_args(vm, "count", self, args, nargs, kw, &start, &end) < 0) return NULL;
  if (need_str(vm, args[0], "must be str, not %s") < 0) return NULL;
  Object *sub = args[0];
  if (end - start < str_length(sub)) return small_new(0);
  if (str_nbytes(sub) == 0) return int_from_i64(vm, end - start + 1);
  ssize_t b0 = str_byte_offset(self, start), b1 = str_byte_offset(self, end);
  return int_from_i64(vm, count_bytes(str_utf8(self) + b0, (size_t)(b1 - b0), str_utf8(sub),
                                      (size_t)str_nbytes(sub), SSIZE_MAX));
}

/* ---- replace ---- */

static Object *replace_empty(VM *vm, Object *self, Object *rep, ssize_t max) {
  STRBUF_LOCAL(b, 256);
  const char *p = str_utf8(self), *end = p + str_nbytes(self);
  ssize_t done = 0;
  for (; done < max; done++) {
    strbuf_append_str(vm, &b, rep);
    if (p == end) { done++; break; }
    int len;
    str_decode_cp(p, &len);
    strbuf_append(vm, &b, p, (size_t)len);
    p += len;
  }
  strbuf_append(vm, &b, p, (size_t)(end - p));
  return strbuf_finish(vm, &b);
}

static Object *str_replace_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (clinic_args(vm, "replace", nargs, kw, 2, 3) < 0) return NULL;
  if (need_str(vm, args[0], "replace() argument 1 must be str, not %s") < 0 ||
      need_str(vm, args[1], "replace() argument 2 must be str, not %s") < 0)
    return NULL;
  ssize_t max = -1;
  if (nargs > 2 && index_arg(vm, args[2], &max) < 0) return NULL;
  if (max < 0) max = SSIZE_MAX;
  Object *old = args[0], *rep = args[1];
  if (max == 0) return exact_copy(vm, self);
  if (str_nbytes(old) == 0) return replace_empty(vm, self, rep, max);
  const char *s = str_utf8(self), *o = str_utf8(old), *r = str_utf8(rep);
  size_t sn = (size_t)str_nbytes(self), on = (size_t)str_nbytes(old), rn = (size_t)str_nbytes(rep);
  ssize_t n = count_bytes(s, sn, o, on, max);
  if (n == 0) return exact_copy(vm, self);
  size_t nb = sn + (size_t)n * rn - (size_t)n * on;
  ssize_t len = str_length(self) + n * (str_length(rep) - str_length(old));
  Object *res = str_alloc(vm, nb, len, (ssize_t)nb == len);
  if (!res) return NULL;
  char *d = AS_STR(res)->data;
  const char *p = s;
  for (ssize_t i = 0; i < n; i++) {
    const char *q = search_fwd(p, sn - (size_t)(p - s), o, on);
    memcpy(d, p, (size_t)(q - p));
    d += q - p;
    memcpy(d, r, rn);
    d += rn;
    p = q + on;
  }
  memcpy(d, p, sn - (size_t)(p - s));
  return res;
}

/* ---- split family ---- */

/* Byte length of the whitespace code point at p, or 0 if it is not whitespace. */
static inline int space_at(const char *p) {
  unsigned char c = (unsigned char)*p;
  if (c < 0x80) return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
  int len;
  uint32_t cp = str_decode_cp(p, &len);
  return (unicode_flags(cp) & UNICODE_SPACE) ? len : 0;
}

/* Byte length of the code point whose lead byte is b. */
static inline int cp_len(unsigned char b) {
  return b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

/* Start of the code point ending just before p. */
static inline const char *prev_cp(const char *p) {
  do p--; while (((unsigned char)*p & 0xc0) == 0x80);
  return p;
}

static inline int space_before(const char *p) {
  const char *q = prev_cp(p);
  return space_at(q) ? (int)(p - q) : 0;
}

static int add_piece(VM *vm, Object *list, Object *s, const char *from, const char *to) {
  Object *piece = sub_bytes(vm, s, from - str_utf8(s), to - from);
  if (!piece) return -1;
  int r = list_append(vm, list, piece);
  obj_decref(vm, piece);
  return r;
}

static int split_ws(VM *vm, Object *list, Object *s, ssize_t max) {
  const char *p = str_utf8(s), *end = p + str_nbytes(s);
  int k;
  while (max-- > 0) {
    while (p < end && (k = space_at(p))) p += k;
    if (p == end) return 0;
    const char *j = p;
    while (p < end && !space_at(p)) p += cp_len((unsigned char)*p);
    if (add_piece(vm, list, s, j, p) < 0) return -1;
  }
  while (p < end && (k = space_at(p))) p += k;
  return p != end ? add_piece(vm, list, s, p, end) : 0;
}

static int rsplit_ws(VM *vm, Object *list, Object *s, ssize_t max) {
  const char *begin = str_utf8(s), *p = begin + str_nbytes(s);
  int k;
  while (max-- > 0) {
    while (p > begin && (k = space_before(p))) p -= k;
    if (p == begin) return 0;
    const char *j = p;
    while (p > begin && !space_before(p)) p = prev_cp(p);
    if (add_piece(vm, list, s, p, j) < 0) return -1;
  }
  while (p > begin && (k = space_before(p))) p -= k;
  return p != begin ? add_piece(vm, list, s, begin, p) : 0;
}

static int split_sep(VM *vm, Object *list, Object *s, Object *sep, ssize_t max) {
  const char *p = str_utf8(s), *end = p + str_nbytes(s);
  const char *n = str_utf8(sep);
  size_t nn = (size_t)str_nbytes(sep);
  while (max-- > 0) {
    const char *q = search_fwd(p, (size_t)(end - p), n, nn);
    if (!q) break;
    if (add_piece(vm, list, s, p, q) < 0) return -1;
    p = q + nn;
  }
  return add_piece(vm, list, s, p, end);
}

static int rsplit_sep(VM *vm, Object *list, Object *s, Object *sep, ssize_t max) {
  const char *begin = str_utf8(s), *p = begin + str_nbytes(s);
  const char *n = str_utf8(sep);
  size_t nn = (size_t)str_nbytes(sep);
  while (max-- > 0) {
    const char *q = search_rev(begin, (size_t)(p - begin), n, nn);
    if (!q) break;
    if (add_piece(vm, list, s, q + nn, p) < 0) return -1;
    p = q;
  }
  return add_piece(vm, list, s, begin, p);
}

static void list_reverse_items(Object *list) {
  Object **it = LIST_ITEMS(list);
  for (ssize_t i = 0, j = LIST_SIZE(list) - 1; i < j; i++, j--) {
    Object *t = it[i];
    it[i] = it[j];
    it[j] = t;
  }
}

static Object *split_common(VM *vm, const char *name, Object *self, Object *const *args, size_t nargs,
                            Object *kwnames, bool reverse) {
  static const char *const names[] = {"sep", "maxsplit", NULL};
  Object *a[2];
  if (!kwnames && nargs > 2)
    return exc_set(vm, &vm->exc_TypeError, "%s() takes at most 2 arguments (%zu given)", name, nargs);
  if (arg_parse(vm, name, args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
  Object *sep = a[0] && a[0] != VM_NONE(vm) ? a[0] : NULL;
  ssize_t max = -1;
  if (a[1] && index_arg(vm, a[1], &max) < 0) return NULL;
  if (max < 0) max = SSIZE_MAX;
  if (sep) {
    if (need_str(vm, sep, "must be str or None, not %s") < 0) return NULL;
    if (str_nbytes(sep) == 0) return exc_set(vm, &vm->exc_ValueError, "empty separator");
  }
  Object *list = list_new(vm, 0);
  if (!list) return NULL;
  int r = sep ? (reverse ? rsplit_sep : split_sep)(vm, list, self, sep, max)
              : (reverse ? rsplit_ws : split_ws)(vm, list, self, max);
  if (r < 0) {
    obj_decref(vm, list);
    return NULL;
  }
  if (reverse) list_reverse_items(list);
  return list;
}

static Object *str_split_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return split_common(vm, "split", self, args, nargs, kw, false);
}
static Object *str_rsplit_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return split_common(vm, "rsplit", self, args, nargs, kw, true);
}

static Object *str_splitlines_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  ssize_t keep = 0;
  if (int_kwarg(vm, "splitlines", "keepends", args, nargs, kw, &keep) < 0) return NULL;
  Object *list = list_new(vm, 0);
  if (!list) return NULL;
  const char *p = str_utf8(self), *end = p + str_nbytes(self), *line = p;
  while (p < end) {
    int len;
    uint32_t cp = str_decode_cp(p, &len);
    if (!unicode_is_linebreak(cp)) {
      p += len;
      continue;
    }
    const char *eol = p;
    p += len;
    if (cp == '\r' && p < end && *p == '\n') p++;
    if (add_piece(vm, list, self, line, keep ? p : eol) < 0) goto fail;
    line = p;
  }
  if (line < end && add_piece(vm, list, self, line, end) < 0) goto fail;
  return list;
fail:
  obj_decref(vm, list);
  return NULL;
}

/* ---- join ---- */

Object *str_join(VM *vm, Object *sep, Object *iterable) {
  Object *seq;
  if (LIST_CHECK_EXACT(vm, iterable) || TUPLE_CHECK_EXACT(vm, iterable)) {
    seq = obj_newref(iterable);
  } else {
    seq = list_from_iterable(vm, iterable);
    if (!seq) {
      if (exc_matches(vm, &vm->exc_TypeError)) {
        exc_clear(vm);
        return exc_set(vm, &vm->exc_TypeError, "can only join an iterable");
      }
      return NULL;
    }
  }
  bool is_list = LIST_CHECK_EXACT(vm, seq);
  Object *const *items = is_list ? LIST_ITEMS(seq) : TUPLE_ITEMS(seq);
  ssize_t n = is_list ? LIST_SIZE(seq) : TUPLE_SIZE(seq);
  Object *r = NULL;
  size_t nbytes = 0;
  ssize_t len = 0;
  bool ascii = AS_STR(sep)->ascii;
  for (ssize_t i = 0; i < n; i++) {
    if (!STR_CHECK(vm, items[i])) {
      exc_set(vm, &vm->exc_TypeError, "sequence item %zd: expected str instance, %s found", i,
              type_name(obj_type(vm, items[i])));
      goto done;
    }
    nbytes += (size_t)str_nbytes(items[i]);
    len += str_length(items[i]);
    ascii = ascii && AS_STR(items[i])->ascii;
  }
  if (n == 0) {
    r = obj_newref(vm->empty_str);
    goto done;
  }
  if (n == 1 && STR_CHECK_EXACT(vm, items[0])) {
    r = obj_newref(items[0]);
    goto done;
  }
  size_t sn = (size_t)str_nbytes(sep);
  nbytes += sn * (size_t)(n - 1);
  len += str_length(sep) * (n - 1);
  if (len <= 1) {   /* keep the singletons */
    STRBUF_LOCAL(b, 256);
    for (ssize_t i = 0; i < n; i++) {
      if (i) strbuf_append_str(vm, &b, sep);
      strbuf_append_str(vm, &b, items[i]);
    }
    r = strbuf_finish(vm, &b);
    goto done;
  }
  r = str_alloc(vm, nbytes, len, ascii);
  if (!r) goto done;
  char *d = AS_STR(r)->data;
  const char *sp = str_utf8(sep);
  for (ssize_t i = 0; i < n; i++) {
    if (i && sn) {
      if (sn == 1) *d = *sp;
      else memcpy(d, sp, sn);
      d += sn;
    }
    size_t k = (size_t)str_nbytes(items[i]);
    memcpy(d, str_utf8(items[i]), k);
    d += k;
  }
done:
  obj_decref(vm, seq);
  return r;
}

static Object *str_join_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return str_join(vm, self, args[0]);
}

/* ---- strip ---- */

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2, STRIP_BOTH = 3 };

static bool in_chars(Object *chars, uint32_t cp) {
  if (!chars) return (unicode_flags(cp) & UNICODE_SPACE) != 0;
  if (cp < 0x80 && AS_STR(chars)->ascii) return memchr(str_utf8(chars), (int)cp, (size_t)str_nbytes(chars)) != NULL;
  char buf[4];
  int n = str_encode_cp(cp, buf);
  return memmem(str_utf8(chars), (size_t)str_nbytes(chars), buf, (size_t)n) != NULL;
}

static Object *strip_common(VM *vm, const char *name, Object *self, Object *const *args, size_t nargs,
                            Object *kw, int which) {
  if (clinic_args(vm, name, nargs, kw, 0, 1) < 0) return NULL;
  Object *chars = nargs && args[0] != VM_NONE(vm) ? args[0] : NULL;
  if (chars && !STR_CHECK(vm, chars))
    return exc_set(vm, &vm->exc_TypeError, "%s arg must be None or str", name);
  const char *begin = str_utf8(self), *p = begin, *end = begin + str_nbytes(self);
  int len;
  if (which & STRIP_LEFT)
    while (p < end && in_chars(chars, str_decode_cp(p, &len))) p += len;
  if (which & STRIP_RIGHT)
    while (end > p) {
      const char *q = prev_cp(end);
      if (!in_chars(chars, str_decode_cp(q, &len))) break;
      end = q;
    }
  if (p == begin && end == begin + str_nbytes(self)) return exact_copy(vm, self);
  return sub_bytes(vm, self, p - begin, end - p);
}

static Object *str_strip_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return strip_common(vm, "strip", self, args, nargs, kw, STRIP_BOTH);
}
static Object *str_lstrip_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return strip_common(vm, "lstrip", self, args, nargs, kw, STRIP_LEFT);
}
static Object *str_rstrip_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return strip_common(vm, "rstrip", self, args, nargs, kw, STRIP_RIGHT);
}

/* ---- case mapping ---- */

enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE, CASE_FOLD };

static bool ascii_lower_c(char c) { return c >= 'a' && c <= 'z'; }
static bool ascii_upper_c(char c) { return c >= 'A' && c <= 'Z'; }

static Object *case_ascii(VM *vm, Object *self, int how) {
  ssize_t n = str_nbytes(self);
  Object *r = str_alloc(vm, (size_t)n, n, true);
  if (!r) return NULL;
  const char *s = str_utf8(self);
  char *d = AS_STR(r)->data;
  bool prev_cased = false;
  for (ssize_t i = 0; i < n; i++) {
    char c = s[i];
    bool up = ascii_upper_c(c), lo = ascii_lower_c(c);
    bool raise;   /* map lowercase letters up (else uppercase letters down) */
    switch (how) {
    case CASE_UPPER: raise = true; break;
    case CASE_SWAP: raise = lo; break;
    case CASE_CAPITALIZE: raise = i == 0; break;
    case CASE_TITLE: raise = !prev_cased; break;
    default: raise = false; break;
    }
    prev_cased = up || lo;
    d[i] = raise ? (lo ? (char)(c - 32) : c) : (up ? (char)(c + 32) : c);
  }
  return r;
}

/* Lowercase mapping of a[i] with the final-sigma rule (CPython's lower_ucs4). */
static int lower_ctx(const uint32_t *a, size_t n, size_t i, uint32_t out[3]) {
  if (a[i] != 0x3a3) return unicode_case(UNICODE_LOWER_MAP, a[i], out);
  ssize_t j = (ssize_t)i - 1;
  while (j >= 0 && (unicode_flags(a[j]) & UNICODE_CASE_IGNORABLE)) j--;
  bool final = j >= 0 && (unicode_flags(a[j]) & UNICODE_CASED);
  if (final) {
    size_t k = i + 1;
    while (k < n && (unicode_flags(a[k]) & UNICODE_CASE_IGNORABLE)) k++;
    final = k == n || !(unicode_flags(a[k]) & UNICODE_CASED);
  }
  out[0] = final ? 0x3c2 : 0x3c3;
  return 1;
}

/* New heap array of s's code points (*n of them); free with heap_free(n * 4). */
static uint32_t *decode_all(VM *vm, Object *s, size_t *n) {
  *n = (size_t)str_length(s);
  uint32_t *a = heap_alloc(vm, *n * sizeof(uint32_t) + 1);
  if (!a) return NULL;
  const char *p = str_utf8(s);
  for (size_t i = 0; i < *n; i++) {
    int len;
    a[i] = str_decode_cp(p, &len);
    p += len;
  }
  return a;
}

static Object *case_common(VM *vm, Object *self, int how) {
  if (AS_STR(self)->ascii) return case_ascii(vm, self, how == CASE_FOLD ? CASE_LOWER : how);
  size_t n;
  uint32_t *a = decode_all(vm, self, &n);
  if (!a) return NULL;
  STRBUF_LOCAL(b, 256);
  bool prev_cased = false;
  for (size_t i = 0; i < n; i++) {
    uint32_t out[3], c = a[i];
    unsigned f = unicode_flags(c);
    int k;
    switch (how) {
    case CASE_LOWER: k = lower_ctx(a, n, i, out); break;
    case CASE_UPPER: k = unicode_case(UNICODE_UPPER_MAP, c, out); break;
    case CASE_FOLD: k = unicode_case(UNICODE_FOLD_MAP, c, out); break;
    case CASE_SWAP:
      if (f & UNICODE_UPPER) k = lower_ctx(a, n, i, out);
      else if (f & UNICODE_LOWER) k = unicode_case(UNICODE_UPPER_MAP, c, out);
      else out[0] = c, k = 1;
      break;
    case CASE_CAPITALIZE:
      k = i == 0 ? unicode_case(UNICODE_TITLE_MAP, c, out) : lower_ctx(a, n, i, out);
      break;
    default:   /* CASE_TITLE */
      k = prev_cased ? lower_ctx(a, n, i, out) : unicode_case(UNICODE_TITLE_MAP, c, out);
      prev_cased = (f & UNICODE_CASED) != 0;
      break;
    }
    for (int j = 0; j < k; j++) strbuf_append_codepoint(vm, &b, out[j]);
  }
  heap_free(vm, a, n * sizeof(uint32_t) + 1);
  return strbuf_finish(vm, &b);
}

#define CASE_METHOD(fn, how)                                                                 \
  static Object *fn(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) { \
    return case_common(vm, self, how);                                                       \
  }
CASE_METHOD(str_lower_m, CASE_LOWER)
CASE_METHOD(str_upper_m, CASE_UPPER)
CASE_METHOD(str_swapcase_m, CASE_SWAP)
CASE_METHOD(str_capitalize_m, CASE_CAPITALIZE)
CASE_METHOD(str_title_m, CASE_TITLE)
CASE_METHOD(str_casefold_m, CASE_FOLD)
#undef CASE_METHOD

/* ---- predicates ---- */

/* True iff s is non-empty (or empty_ok) and every code point has one of the flags. */
static Object *all_have(VM *vm, Object *s, unsigned flags, bool empty_ok) {
  const char *p = str_utf8(s), *end = p + str_nbytes(s);
  if (p == end) return vm_bool(vm, empty_ok);
  while (p < end) {
    int len;
    if (!(unicode_flags(str_decode_cp(p, &len)) & flags)) return vm_bool(vm, false);
    p += len;
  }
  return vm_bool(vm, true);
}

#define PRED_METHOD(fn, flags, empty_ok)                                                     \
  static Object *fn(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) { \
    return all_have(vm, self, flags, empty_ok);                                              \
  }
PRED_METHOD(str_isalpha_m, UNICODE_ALPHA, false)
PRED_METHOD(str_isdecimal_m, UNICODE_DECIMAL, false)
PRED_METHOD(str_isdigit_m, UNICODE_DIGIT, false)
PRED_METHOD(str_isnumeric_m, UNICODE_NUMERIC, false)
PRED_METHOD(str_isalnum_m, UNICODE_ALPHA | UNICODE_DECIMAL | UNICODE_DIGIT | UNICODE_NUMERIC, false)
PRED_METHOD(str_isspace_m, UNICODE_SPACE, false)
PRED_METHOD(str_isprintable_m, UNICODE_PRINTABLE, true)
#undef PRED_METHOD

static Object *str_isascii_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return vm_bool(vm, AS_STR(self)->ascii);
}

/* islower (want = LOWER, reject = UPPER|TITLE) and isupper (the reverse). */
static Object *cased_pred(VM *vm, Object *s, unsigned want, unsigned reject) {
  const char *p = str_utf8(s), *end = p + str_nbytes(s);
  bool cased = false;
  while (p < end) {
    int len;
    unsigned f = unicode_flags(str_decode_cp(p, &len));
    if (f & reject) return vm_bool(vm, false);
    cased = cased || (f & want);
    p += len;
  }
  return vm_bool(vm, cased);
}

static Object *str_islower_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return cased_pred(vm, self, UNICODE_LOWER, UNICODE_UPPER | UNICODE_TITLE);
}
static Object *str_isupper_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return cased_pred(vm, self, UNICODE_UPPER, UNICODE_LOWER | UNICODE_TITLE);
}

static Object *str_istitle_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  const char *p = str_utf8(self), *end = p + str_nbytes(self);
  bool cased = false, prev = false;
  while (p < end) {
    int len;
    unsigned f = unicode_flags(str_decode_cp(p, &len));
    p += len;
    if (f & (UNICODE_UPPER | UNICODE_TITLE)) {
      if (prev) return vm_bool(vm, false);
      prev = cased = true;
    } else if (f & UNICODE_LOWER) {
      if (!prev) return vm_bool(vm, false);
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return vm_bool(vm, cased);
}

static Object *str_isidentifier_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  const char *p = str_utf8(self), *end = p + str_nbytes(self);
  unsigned want = UNICODE_XID_START;
  if (p == end) return vm_bool(vm, false);
  while (p < end) {
    int len;
    if (!(unicode_flags(str_decode_cp(p, &len)) & want)) return vm_bool(vm, false);
    want = UNICODE_XID_CONTINUE;
    p += len;
  }
  return vm_bool(vm, true);
}

/* ---- padding ---- */

/* New reference: s with left and right copies of fill around it. */
static Object *pad(VM *vm, Object *s, ssize_t left, ssize_t right, uint32_t fill) {
  if (left <= 0 && right <= 0) return exact_copy(vm, s);
  STRBUF_LOCAL(b, 256);
  strbuf_append_repeat(vm, &b, fill, left);
  strbuf_append_str(vm, &b, s);
  strbuf_append_repeat(vm, &b, fill, right);
  return strbuf_finish(vm, &b);
}

enum { JUST_LEFT, JUST_RIGHT, JUST_CENTER };

static Object *justify(VM *vm, const char *name, Object *self, Object *const *args, size_t nargs,
                       Object *kw, int how) {
  if (clinic_args(vm, name, nargs, kw, 1, 2) < 0) return NULL;
  ssize_t width;
  if (index_arg(vm, args[0], &width) < 0) return NULL;
  uint32_t fill = ' ';
  if (nargs > 1) {
    if (!STR_CHECK(vm, args[1]))
      return exc_set(vm, &vm->exc_TypeError, "The fill character must be a unicode character, not %s",
                     type_name(obj_type(vm, args[1])));
    if (str_length(args[1]) != 1)
      return exc_set(vm, &vm->exc_TypeError, "The fill character must be exactly one character long");
    fill = str_codepoint_at(args[1], 0);
  }
  ssize_t marg = width - str_length(self);
  if (marg <= 0) return exact_copy(vm, self);
  if (how == JUST_LEFT) return pad(vm, self, 0, marg, fill);
  if (how == JUST_RIGHT) return pad(vm, self, marg, 0, fill);
  ssize_t left = marg / 2 + (marg & width & 1);
  return pad(vm, self, left, marg - left, fill);
}

static Object *str_ljust_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return justify(vm, "ljust", self, args, nargs, kw, JUST_LEFT);
}
static Object *str_rjust_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return justify(vm, "rjust", self, args, nargs, kw, JUST_RIGHT);
}
static Object *str_center_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return justify(vm, "center", self, args, nargs, kw, JUST_CENTER);
}

static Object *str_zfill_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  ssize_t width;
  if (index_arg(vm, args[0], &width) < 0) return NULL;
  ssize_t fill = width - str_length(self);
  if (fill <= 0) return exact_copy(vm, self);
  Object *r = pad(vm, self, fill, 0, '0');
  if (r && str_nbytes(self) && (str_utf8(self)[0] == '+' || str_utf8(self)[0] == '-')) {
    AS_STR(r)->data[0] = str_utf8(self)[0];   /* r is fresh: not yet shared */
    AS_STR(r)->data[fill] = '0';
  }
  return r;
}

static Object *str_expandtabs_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  ssize_t tab = 8;
  if (int_kwarg(vm, "expandtabs", "tabsize", args, nargs, kw, &tab) < 0) return NULL;
  const char *p = str_utf8(self), *end = p + str_nbytes(self);
  if (!memchr(p, '\t', (size_t)(end - p))) return exact_copy(vm, self);
  STRBUF_LOCAL(b, 256);
  ssize_t col = 0;
  while (p < end) {
    int len;
    uint32_t c = str_decode_cp(p, &len);
    if (c == '\t') {
      if (tab > 0) {
        ssize_t incr = tab - col % tab;
        col += incr;
        strbuf_append_repeat(vm, &b, ' ', incr);
      }
    } else {
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
      strbuf_append(vm, &b, p, (size_t)len);
    }
    p += len;
  }
  return strbuf_finish(vm, &b);
}

/* ---- partition, prefixes ---- */

static Object *partition_common(VM *vm, Object *self, Object *sep, bool reverse) {
  if (need_str(vm, sep, "must be str, not %s") < 0) return NULL;
  if (str_nbytes(sep) == 0) return exc_set(vm, &vm->exc_ValueError, "empty separator");
  const char *s = str_utf8(self);
  size_t n = (size_t)str_nbytes(self), k = (size_t)str_nbytes(sep);
  const char *p = reverse ? search_rev(s, n, str_utf8(sep), k) : search_fwd(s, n, str_utf8(sep), k);
  Object *parts[3];
  if (!p) {
    Object *whole = exact_copy(vm, self);
    if (!whole) return NULL;
    Object *r = reverse ? tuple_pack(vm, 3, vm->empty_str, vm->empty_str, whole)
                        : tuple_pack(vm, 3, whole, vm->empty_str, vm->empty_str);
    obj_decref(vm, whole);
    return r;
  }
  parts[0] = sub_bytes(vm, self, 0, p - s);
  parts[1] = exact_copy(vm, sep);
  parts[2] = sub_bytes(vm, self, (p - s) + (ssize_t)k, (ssize_t)n - (p - s) - (ssize_t)k);
  Object *r = parts[0] && parts[1] && parts[2] ? tuple_from_array(vm, parts, 3) : NULL;
  for (int i = 0; i < 3; i++) obj_xdecref(vm, parts[i]);
  return r;
}

static Object *str_partition_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return partition_common(vm, self, args[0], false);
}
static Object *str_rpartition_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return partition_common(vm, self, args[0], true);
}

/* CPython's tailmatch: does sub match s[start:end] at its start (or end)? */
static bool tailmatch(Object *s, Object *sub, ssize_t start, ssize_t end, bool at_end) {
  adjust_indices(&start, &end, str_length(s));
  end -= str_length(sub);
  if (end < start) return false;
  if (str_nbytes(sub) == 0) return true;
  ssize_t off = str_byte_offset(s, at_end ? end : start);
  return off + str_nbytes(sub) <= str_nbytes(s) &&
         memcmp(str_utf8(s) + off, str_utf8(sub), (size_t)str_nbytes(sub)) == 0;
}

static Object *affix_common(VM *vm, const char *name, Object *self, Object *const *args, size_t nargs,
                            Object *kw, bool at_end) {
  if (old_args(vm, name, nargs, kw, 1, 3) < 0) return NULL;
  ssize_t start = 0, end = SSIZE_MAX;
  if (nargs > 1 && slice_index(vm, args[1], &start) < 0) return NULL;
  if (nargs > 2 && slice_index(vm, args[2], &end) < 0) return NULL;
  Object *x = args[0];
  if (TUPLE_CHECK(vm, x)) {
    for (ssize_t i = 0; i < TUPLE_SIZE(x); i++) {
      Object *sub = TUPLE_ITEMS(x)[i];
      if (!STR_CHECK(vm, sub))
        return exc_set(vm, &vm->exc_TypeError, "tuple for %s must only contain str, not %s", name,
                       type_name(obj_type(vm, sub)));
      if (tailmatch(self, sub, start, end, at_end)) return vm_bool(vm, true);
    }
    return vm_bool(vm, false);
  }
  if (!STR_CHECK(vm, x))
    return exc_set(vm, &vm->exc_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                   type_name(obj_type(vm, x)));
  return vm_bool(vm, tailmatch(self, x, start, end, at_end));
}

static Object *str_startswith_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return affix_common(vm, "startswith", self, args, nargs, kw, false);
}
static Object *str_endswith_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return affix_common(vm, "endswith", self, args, nargs, kw, true);
}

static Object *remove_affix(VM *vm, const char *name, Object *self, Object *x, bool suffix) {
  if (!STR_CHECK(vm, x))
    return exc_set(vm, &vm->exc_TypeError, "%s() argument must be str, not %s", name,
                   type_name(obj_type(vm, x)));
  ssize_t n = str_nbytes(self), k = str_nbytes(x);
  if (k == 0 || k > n || memcmp(str_utf8(self) + (suffix ? n - k : 0), str_utf8(x), (size_t)k) != 0)
    return exact_copy(vm, self);
  return sub_bytes(vm, self, suffix ? 0 : k, n - k);
}

static Object *str_removeprefix_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return remove_affix(vm, "removeprefix", self, args[0], false);
}
static Object *str_removesuffix_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return remove_affix(vm, "removesuffix", self, args[0], true);
}

/* ---- maketrans / translate ---- */

static int maketrans_dict(VM *vm, Object *d, Object *src) {
  if (!DICT_CHECK(vm, src)) {
    exc_set(vm, &vm->exc_TypeError, "if you give only one argument to maketrans it must be a dict");
    return -1;
  }
  ssize_t pos = 0;
  Object *k, *v;
  while (dict_next(src, &pos, &k, &v)) {
    Object *key;
    if (STR_CHECK(vm, k)) {
      if (str_length(k) != 1) {
        exc_set(vm, &vm->exc_ValueError, "string keys in translate table must be of length 1");
        return -1;
      }
      key = small_new(str_codepoint_at(k, 0));
    } else if (INT_CHECK(vm, k)) {
      key = k;
    } else {
      exc_set(vm, &vm->exc_TypeError, "keys in translate table must be strings or integers");
      return -1;
    }
    if (dict_setitem(vm, d, key, v) < 0) return -1;
  }
  return 0;
}

static Object *str_maketrans_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (clinic_args(vm, "maketrans", nargs, kw, 1, 3) < 0) return NULL;
  if (nargs > 1 && need_str(vm, args[1], "maketrans() argument 2 must be str, not %s") < 0) return NULL;
  if (nargs > 2 && need_str(vm, args[2], "maketrans() argument 3 must be str, not %s") < 0) return NULL;
  Object *d = dict_new(vm);
  if (!d) return NULL;
  if (nargs == 1) {
    if (maketrans_dict(vm, d, args[0]) < 0) goto fail;
    return d;
  }
  if (need_str(vm, args[0], "first maketrans argument must be a string if there is a second argument") < 0)
    goto fail;
  if (str_length(args[0]) != str_length(args[1])) {
    exc_set(vm, &vm->exc_ValueError, "the first two maketrans arguments must have equal length");
    goto fail;
  }
  for (ssize_t i = 0; i < str_length(args[0]); i++) {
    Object *v = small_new(str_codepoint_at(args[1], i));
    if (dict_setitem(vm, d, small_new(str_codepoint_at(args[0], i)), v) < 0) goto fail;
  }
  for (ssize_t i = 0; nargs > 2 && i < str_length(args[2]); i++)
    if (dict_setitem(vm, d, small_new(str_codepoint_at(args[2], i)), VM_NONE(vm)) < 0) goto fail;
  return d;
fail:
  obj_decref(vm, d);
  return NULL;
}

/* New reference: table[cp], or NULL with no exception when the table has no entry. */
static Object *trans_lookup(VM *vm, Object *table, uint32_t cp) {
  Object *key = small_new(cp);
  if (DICT_CHECK_EXACT(vm, table)) return obj_xnewref(dict_getitem(vm, table, key));
  Object *v = obj_getitem(vm, table, key);
  if (!v && exc_matches(vm, &vm->exc_LookupError)) exc_clear(vm);
  return v;
}

static Object *str_translate_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  Object *table = args[0];
  STRBUF_LOCAL(b, 256);
  const char *p = str_utf8(self), *end = p + str_nbytes(self);
  while (p < end) {
    int len;
    uint32_t cp = str_decode_cp(p, &len);
    Object *v = trans_lookup(vm, table, cp);
    if (!v) {
      if (exc_occurred(vm)) goto fail;
      strbuf_append(vm, &b, p, (size_t)len);
    } else if (v == VM_NONE(vm)) {
      /* deleted */
    } else if (STR_CHECK(vm, v)) {
      strbuf_append_str(vm, &b, v);
    } else if (INT_CHECK(vm, v)) {
      int64_t c;
      if (int_as_i64(vm, v, &c) < 0 || c < 0 || c > 0x10ffff) {
        exc_clear(vm);
        exc_set(vm, &vm->exc_ValueError, "character mapping must be in range(0x110000)");
        obj_decref(vm, v);
        goto fail;
      }
      strbuf_append_codepoint(vm, &b, (uint32_t)c);
    } else {
      exc_set(vm, &vm->exc_TypeError, "character mapping must return integer, None or str");
      obj_decref(vm, v);
      goto fail;
    }
    obj_xdecref(vm, v);
    p += len;
  }
  return strbuf_finish(vm, &b);
fail:
  strbuf_discard(vm, &b);
  return NULL;
}

/* ---- formatting, dunders ---- */

static Object *str_format_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return format_str_format(vm, self, args, nargs, kw);
}

static Object *str_format_map_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return format_str_format_map(vm, self, args[0]);
}

static Object *str_dunder_format_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (!STR_CHECK(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "__format__() argument must be str, not %s",
                   type_name(obj_type(vm, args[0])));
  return format_str(vm, self, args[0]);
}

Object *str_format_spec_str(VM *vm, Object *s, Object *spec) {
  return format_str(vm, s, spec);
}

static Object *str_sizeof_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return small_new((int64_t)str_sizeof(self));
}

static Object *str_getnewargs_m(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  Object *c = exact_copy(vm, self);
  if (!c) return NULL;
  Object *r = tuple_pack(vm, 1, c);
  obj_decref(vm, c);
  return r;
}

static const MethodDef str_methods[] = {
  {"find", str_find_m, METH_VARARGS, "Return the lowest index in S where substring sub is found."},
  {"rfind", str_rfind_m, METH_VARARGS, "Return the highest index in S where substring sub is found."},
  {"index", str_index_m, METH_VARARGS, "Like find() but raise ValueError when the substring is not found."},
  {"rindex", str_rindex_m, METH_VARARGS, "Like rfind() but raise ValueError when the substring is not found."},
  {"count", str_count_m, METH_VARARGS, "Return the number of non-overlapping occurrences of substring sub."},
  {"replace", str_replace_m, METH_VARARGS, "Return a copy with all occurrences of substring old replaced by new."},
  {"split", str_split_m, METH_VARARGS, "Return a list of the substrings in the string, using sep as the separator string."},
  {"rsplit", str_rsplit_m, METH_VARARGS, "Return a list of the substrings in the string, splitting from the right."},
  {"splitlines", str_splitlines_m, METH_VARARGS, "Return a list of the lines in the string, breaking at line boundaries."},
  {"join", str_join_m, METH_O, "Concatenate any number of strings."},
  {"strip", str_strip_m, METH_VARARGS, "Return a copy of the string with leading and trailing whitespace removed."},
  {"lstrip", str_lstrip_m, METH_VARARGS, "Return a copy of the string with leading whitespace removed."},
  {"rstrip", str_rstrip_m, METH_VARARGS, "Return a copy of the string with trailing whitespace removed."},
  {"lower", str_lower_m, METH_NOARGS, "Return a copy of the string converted to lowercase."},
  {"upper", str_upper_m, METH_NOARGS, "Return a copy of the string converted to uppercase."},
  {"swapcase", str_swapcase_m, METH_NOARGS, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
  {"capitalize", str_capitalize_m, METH_NOARGS, "Return a capitalized version of the string."},
  {"title", str_title_m, METH_NOARGS, "Return a version of the string where each word is titlecased."},
  {"casefold", str_casefold_m, METH_NOARGS, "Return a version of the string suitable for caseless comparisons."},
  {"isalpha", str_isalpha_m, METH_NOARGS, "Return True if the string is an alphabetic string, False otherwise."},
  {"isdecimal", str_isdecimal_m, METH_NOARGS, "Return True if the string is a decimal string, False otherwise."},
  {"isdigit", str_isdigit_m, METH_NOARGS, "Return True if the string is a digit string, False otherwise."},
  {"isnumeric", str_isnumeric_m, METH_NOARGS, "Return True if the string is a numeric string, False otherwise."},
  {"isalnum", str_isalnum_m, METH_NOARGS, "Return True if the string is an alpha-numeric string, False otherwise."},
  {"isspace", str_isspace_m, METH_NOARGS, "Return True if the string is a whitespace string, False otherwise."},
  {"isprintable", str_isprintable_m, METH_NOARGS, "Return True if the string is printable, False otherwise."},
  {"isascii", str_isascii_m, METH_NOARGS, "Return True if all characters in the string are ASCII, False otherwise."},
  {"islower", str_islower_m, METH_NOARGS, "Return True if the string is a lowercase string, False otherwise."},
  {"isupper", str_isupper_m, METH_NOARGS, "Return True if the string is an uppercase string, False otherwise."},
  {"istitle", str_istitle_m, METH_NOARGS, "Return True if the string is a title-cased string, False otherwise."},
  {"isidentifier", str_isidentifier_m, METH_NOARGS, "Return True if the string is a valid Python identifier, False otherwise."},
  {"center", str_center_m, METH_VARARGS, "Return a centered string of length width."},
  {"ljust", str_ljust_m, METH_VARARGS, "Return a left-justified string of length width."},
  {"rjust", str_rjust_m, METH_VARARGS, "Return a right-justified string of length width."},
  {"zfill", str_zfill_m, METH_O, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
  {"expandtabs", str_expandtabs_m, METH_VARARGS, "Return a copy where all tab characters are expanded using spaces."},
  {"partition", str_partition_m, METH_O, "Partition the string into three parts using the given separator."},
  {"rpartition", str_rpartition_m, METH_O, "Partition the string into three parts using the given separator, from the right."},
  {"startswith", str_startswith_m, METH_VARARGS, "Return True if S starts with the specified prefix, False otherwise."},
  {"endswith", str_endswith_m, METH_VARARGS, "Return True if S ends with the specified suffix, False otherwise."},
  {"removeprefix", str_removeprefix_m, METH_O, "Return a str with the given prefix string removed if present."},
  {"removesuffix", str_removesuffix_m, METH_O, "Return a str with the given suffix string removed if present."},
  {"maketrans", str_maketrans_m, METH_VARARGS | METH_STATIC, "Return a translation table usable for str.translate()."},
  {"translate", str_translate_m, METH_O, "Replace each character in the string using the given translation table."},
  {"format", str_format_m, METH_VARARGS, "Return a formatted version of S, using substitutions from args and kwargs."},
  {"format_map", str_format_map_m, METH_O, "Return a formatted version of S, using substitutions from mapping."},
  {"__format__", str_dunder_format_m, METH_O, "Return a formatted version of the string as described by format_spec."},
  {"__sizeof__", str_sizeof_m, METH_NOARGS, "Return the size of the string in memory, in bytes."},
  {"__getnewargs__", str_getnewargs_m, METH_NOARGS, NULL},
  {NULL, NULL, 0, NULL},
};

/* ======================================================================= type init */

void str_type_init(VM *vm) {
  TypeObject *t = &vm->str_type;
  type_init_builtin(vm, t, "str", NULL, STR_HEADER, 1, TYPE_FLAG_BASETYPE | TYPE_FLAG_STR_SUBCLASS);
  t->tp_dealloc = str_dealloc;
  t->tp_new = str_tp_new;
  t->tp_repr = str_repr;
  t->tp_str = str_str;
  t->tp_hash = str_hash_slot;
  t->tp_richcompare = str_richcompare;
  t->tp_binop = str_binop;
  t->tp_binop_mask = 1u << BINOP_ADD | 1u << BINOP_MUL | 1u << BINOP_MOD;
  t->tp_rbinop_mask = t->tp_binop_mask & ~(1u << BINOP_ADD);
  t->tp_len = str_len_slot;
  t->tp_getitem = str_getitem;
  t->tp_contains = str_contains;
  t->tp_iter = str_iter;
  t->tp_methods = str_methods;
  t->tp_doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object.";

  TypeObject *it = &vm->str_iter_type;
  type_init_builtin(vm, it, "str_ascii_iterator", NULL, sizeof(StrIterObject), 0, 0);
  it->tp_dealloc = str_iter_dealloc;
  it->tp_iter = str_iter_self;
  it->tp_iternext = str_iter_next;
  it->tp_methods = str_iter_methods;
}
