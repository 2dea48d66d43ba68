/*
 * strbuf: a growable UTF-8 buffer on the VM heap (StrBuf, declared in str.h).
 *
 * The buffer tracks the number of code points and whether everything appended is
 * ASCII, so strbuf_finish builds the str without scanning again. Capacity doubles
 * (amortised O(1) appends). After a failed allocation the buffer is poisoned
 * (b->failed, MemoryError set): later appends are ignored and strbuf_finish returns
 * NULL, so callers check once at the end.
 */
#define _GNU_SOURCE   // memmem, memrchr
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "runtime/str.h"
#include "runtime/exc.h"

void strbuf_init(StrBuf *b) {
  b->data = NULL;
  b->len = b->cap = 0;
  b->ncodepoints = 0;
  b->ascii = true;
  b->failed = false;
  b->on_stack = false;
}

void strbuf_init_stack(StrBuf *b, char *buf, size_t cap) {
  strbuf_init(b);
  b->data = buf;
  b->cap = cap;
  b->on_stack = true;
}

char *strbuf_reserve(VM *vm, StrBuf *b, size_t n) {
  if (b->failed) return NULL;
  if (b->len + n + 1 > b->cap) {
    size_t ncap = b->cap ? b->cap * 2 : 64;
    while (ncap < b->len + n + 1) ncap *= 2;
    char *d;
    if (b->on_stack) {
      if ((d = heap_alloc(vm, ncap))) memcpy(d, b->data, b->len);
    } else {
      d = b->data ? heap_realloc(vm, b->data, b->cap, ncap) : heap_alloc(vm, ncap);
    }
    if (!d) {
      b->failed = true;
      return NULL;
    }
    b->on_stack = false;
    b->data = d;
    b->cap = ncap;
  }
  return b->data + b->len;
}

void strbuf_append(VM *vm, StrBuf *b, const char *utf8, size_t n) {
  if (n == 0) return;
  char *d = strbuf_reserve(vm, b, n);
  if (!d) return;
  memcpy(d, utf8, n);
  ssize_t ncp = 0;
  bool ascii = true;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)utf8[i];
    ncp += (c & 0xc0) != 0x80;
    ascii = ascii && c < 0x80;
  }
  strbuf_commit(b, n, ncp, ascii);
}

void strbuf_append_known(VM *vm, StrBuf *b, const char *utf8, size_t n, ssize_t ncp, bool ascii) {
  if (n == 0) return;
  char *d = strbuf_reserve(vm, b, n);
  if (!d) return;
  memcpy(d, utf8, n);
  strbuf_commit(b, n, ncp, ascii);
}

void strbuf_append_cstr(VM *vm, StrBuf *b, const char *s) {
  strbuf_append(vm, b, s, strlen(s));
}

void strbuf_append_char(VM *vm, StrBuf *b, char c) {
  char *d = strbuf_reserve(vm, b, 1);
  if (!d) return;
  *d = c;
  strbuf_commit(b, 1, ((unsigned char)c & 0xc0) != 0x80, (unsigned char)c < 0x80);
}

void strbuf_append_codepoint(VM *vm, StrBuf *b, uint32_t cp) {
  char *d = strbuf_reserve(vm, b, 4);
  if (!d) return;
  strbuf_commit(b, (size_t)str_encode_cp(cp, d), 1, cp < 0x80);
}

void strbuf_append_repeat(VM *vm, StrBuf *b, uint32_t cp, ssize_t n) {
  if (n <= 0) return;
  char enc[4];
  size_t k = (size_t)str_encode_cp(cp, enc);
  char *d = strbuf_reserve(vm, b, k * (size_t)n);
  if (!d) return;
  if (k == 1) memset(d, enc[0], (size_t)n);
  else
    for (ssize_t i = 0; i < n; i++) memcpy(d + (size_t)i * k, enc, k);
  strbuf_commit(b, k * (size_t)n, n, cp < 0x80);
}

void strbuf_append_str(VM *vm, StrBuf *b, Object *s) {
  strbuf_append_known(vm, b, str_utf8(s), (size_t)str_nbytes(s), str_length(s), ((StrObject *)s)->ascii);
}

void strbuf_printf(VM *vm, StrBuf *b, const char *fmt, ...) {
  char small[128];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof small) {
    strbuf_append(vm, b, small, (size_t)n);
    return;
  }
  char *d = strbuf_reserve(vm, b, (size_t)n);
  if (!d) return;
  va_start(ap, fmt);
  vsnprintf(d, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;   /* count what was written without copying it again */
  for (int i = 0; i < n; i++) {
    unsigned char c = (unsigned char)d[i];
    b->ncodepoints += (c & 0xc0) != 0x80;
    b->ascii = b->ascii && c < 0x80;
  }
}

Object *strbuf_finish(VM *vm, StrBuf *b) {
  if (b->failed) {
    strbuf_discard(vm, b);
    return NULL;
  }
  Object *r = b->len ? str_new_known(vm, b->data, b->len, b->ncodepoints, b->ascii)
                     : obj_newref(vm->empty_str);
  strbuf_discard(vm, b);
  return r;
}

void strbuf_discard(VM *vm, StrBuf *b) {
  if (b->data && !b->on_stack) heap_free(vm, b->data, b->cap);
  strbuf_init(b);
}
