/*
 * str: Unicode strings, stored as UTF-8 with a cached length in code points.
 *
 * Invariants: data is valid UTF-8 and NUL-terminated (it may contain NULs); length is
 * the number of code points; ascii is true iff every byte < 0x80 (then indexing is O(1);
 * otherwise indexing walks, with a small per-string index cache); hash is -1 until
 * computed. Strings are immutable. Interned strings (identifiers) are immortal, kept in
 * the VM's private intern set (vm->intern_table; vm->interned stays NULL) until
 * str_finish, and are compared by pointer on the fast paths. vm->empty_str and
 * vm->latin1[] (every one-code-point string below U+0100) are interned singletons that
 * every constructor returns for those values.
 *
 * Hashing is a fixed-seed wyhash-style mix over the UTF-8 bytes (not randomised;
 * hash('') == 0 as in CPython). Character properties and case mappings come from
 * runtime/unicode.h (all of Unicode 14.0, as CPython 3.11).
 */
#ifndef KITE_RUNTIME_STR_H
#define KITE_RUNTIME_STR_H

#include <stdarg.h>
#include "vm/vm.h"

typedef struct StrObject {
  Object ob;
  ssize_t length;      /* code points */
  ssize_t nbytes;      /* UTF-8 bytes, excluding the terminating NUL */
  int64_t hash;        /* -1 = not computed */
  uint8_t ascii;       /* 1 if all code points < 128 */
  uint8_t interned;
  char data[];         /* nbytes + 1 bytes */
} StrObject;

static inline const char *str_utf8(Object *s) { return ((StrObject *)s)->data; }
static inline ssize_t str_nbytes(Object *s) { return ((StrObject *)s)->nbytes; }
static inline ssize_t str_length(Object *s) { return ((StrObject *)s)->length; }

/* New reference: a str from n bytes of valid UTF-8. */
Object *str_new(VM *vm, const char *utf8, size_t n);
/* New reference: a str from a NUL-terminated UTF-8 C string. */
Object *str_from_cstr(VM *vm, const char *s);
/* New reference: as str_new, but invalid UTF-8 raises UnicodeDecodeError. */
Object *str_decode_utf8(VM *vm, const char *bytes, size_t n);
/* New reference: a one-code-point string. */
Object *str_from_codepoint(VM *vm, uint32_t cp);
/* New reference: printf-like formatting; see exc_set for the directives. */
Object *str_from_format(VM *vm, const char *fmt, ...);
Object *str_from_vformat(VM *vm, const char *fmt, va_list ap);
/* New reference: the interned str equal to s (s borrowed: the table may return s). */
Object *str_intern(VM *vm, Object *s);
/* New reference: the interned str for a C string. */
Object *str_intern_cstr(VM *vm, const char *s);
/* Hash with CPython's semantics for equality (the value itself differs from CPython's
   randomised siphash: Kite uses a fixed seed, documented). */
int64_t str_hash(VM *vm, Object *s);
/* 1 if equal, 0 if not (both must be str). */
bool str_equal(Object *a, Object *b);
/* Equal to a C string. */
bool str_eq_cstr(Object *s, const char *c);
/* New reference: a + b. */
Object *str_concat(VM *vm, Object *a, Object *b);
/* New reference: the repr of s ('...' with CPython's quoting and escapes). */
Object *str_repr(VM *vm, Object *s);
/* New reference: sep.join(iterable). */
Object *str_join(VM *vm, Object *sep, Object *iterable);
/* New reference: format(value, spec) for the built-in types' format-spec mini-language,
   used by int/float/str __format__. */
Object *str_format_spec_str(VM *vm, Object *s, Object *spec);
/* New reference: fmt % args (printf-style formatting). */
Object *str_percent_format(VM *vm, Object *fmt, Object *args);
/* Code point at index i (0 <= i < length). */
uint32_t str_codepoint_at(Object *s, ssize_t i);

void str_type_init(VM *vm);
/* Create the immortal singletons: vm->empty_str, vm->latin1[] and every vm->id.* (all
   interned). Called by vm_new after type_ready. 0, or -1 with MemoryError. */
int str_create_singletons(VM *vm);
/* Free every interned (immortal) string and the intern table. Call at VM teardown after
   every other object has been released (interned strings are never freed before). */
void str_finish(VM *vm);

/* ---- fast paths for the engine and the other runtime files ------------------- */

/* New reference: the concatenation of n strs (borrowed; each must be a str), as
   BUILD_STRING / ''.join do, with one allocation. */
Object *str_concat_array(VM *vm, Object *const *items, size_t n);
/* New reference: a += b for the engine's in-place concatenation. Steals a reference to
   a. When a is the only reference (refcount 1) to an exact, non-interned str, it is
   resized in place (amortised like CPython's unicode_concatenate); otherwise a new str
   is made and a released. b must be a str. NULL (a released) on MemoryError. */
Object *str_concat_inplace(VM *vm, Object *a, Object *b);
/* New reference: a str of n bytes of valid UTF-8 whose code-point length and ASCII-ness
   the caller already knows (no scan). */
Object *str_new_known(VM *vm, const char *utf8, size_t n, ssize_t length, bool ascii);
/* New reference: an uninitialised str of nbytes bytes (NUL-terminated) for the caller to
   fill before it escapes; length and ascii must describe what will be written. */
Object *str_alloc(VM *vm, size_t nbytes, ssize_t length, bool ascii);
/* Byte offset in s of code point index i (0 <= i <= length); O(1) for ASCII, amortised
   O(1) for sequential access otherwise (a per-string cache of the last position). */
ssize_t str_byte_offset(Object *s, ssize_t i);
/* New reference: s[start:stop] for code-point indices 0 <= start <= stop <= length. */
Object *str_substr(VM *vm, Object *s, ssize_t start, ssize_t stop);
/* Size in bytes of s's allocation (what sys.getsizeof reports). */
size_t str_sizeof(Object *s);

/* Decode one code point at p (valid UTF-8); *len receives its byte count. */
static inline uint32_t str_decode_cp(const char *s, int *len) {
  const unsigned char *p = (const unsigned char *)s;
  if (p[0] < 0x80) { *len = 1; return p[0]; }
  if (p[0] < 0xe0) { *len = 2; return ((uint32_t)(p[0] & 0x1f) << 6) | (p[1] & 0x3f); }
  if (p[0] < 0xf0) {
    *len = 3;
    return ((uint32_t)(p[0] & 0x0f) << 12) | ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
  }
  *len = 4;
  return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3f) << 12) |
         ((uint32_t)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
}
/* Encode cp (< 0x110000; lone surrogates are encoded as 3 bytes, as WTF-8 does) into
   out (4 bytes); returns the byte count. */
static inline int str_encode_cp(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
  if (cp < 0x800) { o[0] = 0xc0 | (cp >> 6); o[1] = 0x80 | (cp & 0x3f); return 2; }
  if (cp < 0x10000) {
    o[0] = 0xe0 | (cp >> 12); o[1] = 0x80 | ((cp >> 6) & 0x3f); o[2] = 0x80 | (cp & 0x3f);
    return 3;
  }
  o[0] = 0xf0 | (cp >> 18); o[1] = 0x80 | ((cp >> 12) & 0x3f);
  o[2] = 0x80 | ((cp >> 6) & 0x3f); o[3] = 0x80 | (cp & 0x3f);
  return 4;
}

/* ---- StrBuf: a growable UTF-8 buffer on the VM heap -------------------------- */
typedef struct StrBuf {
  char *data;
  size_t len, cap;
  ssize_t ncodepoints;  /* code points appended so far */
  bool ascii;
  bool failed;          /* an allocation failed: MemoryError is set */
  bool on_stack;        /* data is the caller's buffer (never freed; moved to the heap on growth) */
} StrBuf;

void strbuf_init(StrBuf *b);
/* Start with the caller's buffer (typically a local array) of cap bytes, so short
   results cost no heap allocation besides the final str. */
void strbuf_init_stack(StrBuf *b, char *buf, size_t cap);
/* Declare a StrBuf named b backed by a local array of n bytes. */
#define STRBUF_LOCAL(b, n) \
  char b##_space_[n];      \
  StrBuf b;                \
  strbuf_init_stack(&b, b##_space_, n)
/* Append; on failure sets b->failed (and MemoryError) and ignores later appends. */
void strbuf_append(VM *vm, StrBuf *b, const char *utf8, size_t n);
void strbuf_append_cstr(VM *vm, StrBuf *b, const char *s);
/* Append n bytes whose code-point count and ASCII-ness the caller knows (no scan). */
void strbuf_append_known(VM *vm, StrBuf *b, const char *utf8, size_t n, ssize_t ncp, bool ascii);
void strbuf_append_char(VM *vm, StrBuf *b, char c);
void strbuf_append_codepoint(VM *vm, StrBuf *b, uint32_t cp);
void strbuf_append_str(VM *vm, StrBuf *b, Object *s);
void strbuf_printf(VM *vm, StrBuf *b, const char *fmt, ...);
/* New reference: the buffer's contents as a str; the buffer is released. NULL if any
   append failed. */
Object *strbuf_finish(VM *vm, StrBuf *b);
/* Release the buffer without making a str. */
void strbuf_discard(VM *vm, StrBuf *b);
/* Append n copies of the code point cp. */
void strbuf_append_repeat(VM *vm, StrBuf *b, uint32_t cp, ssize_t n);
/* Make room for n more bytes; returns where to write them (then call
   strbuf_commit(b, n, ncodepoints, ascii)), or NULL on failure (b->failed set). */
char *strbuf_reserve(VM *vm, StrBuf *b, size_t n);
static inline void strbuf_commit(StrBuf *b, size_t n, ssize_t ncp, bool ascii) {
  b->len += n;
  b->ncodepoints += ncp;
  b->ascii = b->ascii && ascii;
}

#endif
