/*
 * str: Unicode strings, stored as UTF-8 with a cached length in code points.
 *
 * Invariants: data is valid UTF-8 and NUL-terminated (it may contain NULs); length is
 * the number of code points; ascii is true iff every byte < 0x80 (then indexing is O(1);
 * otherwise indexing walks, with a small per-string index cache); hash is -1 until
 * computed. Strings are immutable. Interned strings (identifiers) are kept in
 * vm->interned and are compared by pointer on the fast paths.
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

/* ---- StrBuf: a growable UTF-8 buffer on the VM heap -------------------------- */
typedef struct StrBuf {
  char *data;
  size_t len, cap;
  ssize_t ncodepoints;  /* code points appended so far */
  bool ascii;
  bool failed;          /* an allocation failed: MemoryError is set */
} StrBuf;

void strbuf_init(StrBuf *b);
/* Append; on failure sets b->failed (and MemoryError) and ignores later appends. */
void strbuf_append(VM *vm, StrBuf *b, const char *utf8, size_t n);
void strbuf_append_cstr(VM *vm, StrBuf *b, const char *s);
void strbuf_append_char(VM *vm, StrBuf *b, char c);
void strbuf_append_codepoint(VM *vm, StrBuf *b, uint32_t cp);
void strbuf_append_str(VM *vm, StrBuf *b, Object *s);
void strbuf_printf(VM *vm, StrBuf *b, const char *fmt, ...);
/* New reference: the buffer's contents as a str; the buffer is released. NULL if any
   append failed. */
Object *strbuf_finish(VM *vm, StrBuf *b);
/* Release the buffer without making a str. */
void strbuf_discard(VM *vm, StrBuf *b);

#endif
