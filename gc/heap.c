/*
 * heap: the VM's private heap (simple version: every call forwards to the hook).
 *
 * Accounting is exact because callers pass the size back. The default hook is the
 * only place in Kite that calls realloc/free.
 */
#include "gc/heap.h"

#include <stdlib.h>
#include <string.h>

#include "gc/gc.h"
#include "runtime/exc.h"
#include "vm/vm.h"

static void *default_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  (void)osize;
  if (nsize == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, nsize);
}

int heap_init(Heap *h, HeapAllocFn alloc, void *ud, size_t limit) {
  memset(h, 0, sizeof *h);
  h->alloc = alloc ? alloc : default_alloc;
  h->ud = alloc ? ud : NULL;
  h->limit = limit;
  return 0;
}

void heap_finish(Heap *h) { (void)h; }

static void note_alloc(Heap *h, size_t n) {
  h->stats.bytes_in_use += n;
  h->stats.bytes_reserved += n;
  if (h->stats.bytes_in_use > h->stats.peak_in_use) h->stats.peak_in_use = h->stats.bytes_in_use;
  h->stats.nalloc++;
}

static bool over_limit(Heap *h, size_t extra) {
  return h->limit && (extra > h->limit || h->stats.bytes_reserved > h->limit - extra);
}

void *heap_alloc_raw(Heap *h, size_t n) {
  if (over_limit(h, n)) return NULL;
  void *p = h->alloc(h->ud, NULL, 0, n);
  if (p) note_alloc(h, n);
  return p;
}

void *heap_realloc_raw(Heap *h, void *p, size_t old, size_t n) {
  if (!p) return heap_alloc_raw(h, n);
  if (n == 0) {
    heap_free_raw(h, p, old);
    return NULL;
  }
  if (n > old && over_limit(h, n - old)) return NULL;
  void *q = h->alloc(h->ud, p, old, n);
  if (!q) return NULL;
  h->stats.bytes_in_use = h->stats.bytes_in_use - old + n;
  h->stats.bytes_reserved = h->stats.bytes_reserved - old + n;
  if (h->stats.bytes_in_use > h->stats.peak_in_use) h->stats.peak_in_use = h->stats.bytes_in_use;
  return q;
}

void heap_free_raw(Heap *h, void *p, size_t n) {
  if (!p) return;
  h->alloc(h->ud, p, n, 0);
  h->stats.bytes_in_use -= n;
  h->stats.bytes_reserved -= n;
  h->stats.nfree++;
}

/* One emergency full collection, unless one is running already. */
static bool emergency_collect(VM *vm) {
  if (vm->gc.collecting) return false;
  gc_collect(vm, GC_NGENS - 1);
  return true;
}

void *heap_alloc(VM *vm, size_t n) {
  void *p = heap_alloc_raw(&vm->heap, n);
  if (!p && emergency_collect(vm)) p = heap_alloc_raw(&vm->heap, n);
  if (!p) exc_no_memory(vm);
  return p;
}

void *heap_calloc(VM *vm, size_t n) {
  void *p = heap_alloc(vm, n);
  if (p) memset(p, 0, n);
  return p;
}

void *heap_realloc(VM *vm, void *p, size_t old, size_t n) {
  void *q = heap_realloc_raw(&vm->heap, p, old, n);
  if (!q && n && emergency_collect(vm)) q = heap_realloc_raw(&vm->heap, p, old, n);
  if (!q && n) exc_no_memory(vm);
  return q;
}

void heap_free(VM *vm, void *p, size_t n) { heap_free_raw(&vm->heap, p, n); }

char *heap_strdup(VM *vm, const char *s) {
  size_t n = strlen(s) + 1;
  char *p = heap_alloc(vm, n);
  if (p) memcpy(p, s, n);
  return p;
}
