/*
 * heap: the VM's private heap. Every byte Kite uses comes from here.
 *
 * Small blocks (up to HEAP_SMALL_MAX bytes) come from size-classed pools carved out of
 * arenas; larger ones go straight to the VM's allocator hook. The caller passes the
 * size back to heap_free and heap_realloc, so accounting is exact and blocks carry no
 * size header. A VM's heap is its own: heap_finish returns all of it.
 *
 * Failure: heap_alloc/heap_realloc first run an emergency collection and retry; if that
 * fails too they set MemoryError on the VM and return NULL. They never exit or abort.
 */
#ifndef KITE_GC_HEAP_H
#define KITE_GC_HEAP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct VM VM;

/* Allocation hook, realloc-style (as lua_Alloc): ptr NULL = allocate, nsize 0 = free. */
typedef void *(*HeapAllocFn)(void *ud, void *ptr, size_t osize, size_t nsize);

#define HEAP_SMALL_MAX 512
/* Small blocks come in size classes HEAP_ALIGN bytes apart; a block is aligned to
   the largest power of two (up to 16) dividing its class size, large blocks to 16. */
#define HEAP_ALIGN 8
#define HEAP_NCLASSES (HEAP_SMALL_MAX / HEAP_ALIGN)

typedef struct HeapStats {
  size_t bytes_in_use;      /* live bytes handed out (small + large) */
  size_t bytes_reserved;    /* bytes obtained from the hook (arenas + large blocks) */
  size_t peak_in_use;
  size_t nalloc, nfree;     /* operation counts */
} HeapStats;

struct HeapImpl;            /* private to heap.c */

typedef struct Heap {
  HeapAllocFn alloc;        /* never NULL after heap_init */
  void *ud;
  size_t limit;             /* 0 = unlimited; above it allocations fail with MemoryError */
  HeapStats stats;
  struct HeapImpl *impl;    /* pools, arenas, free lists */
} Heap;

/* Set up the heap; alloc NULL selects the C library's realloc/free. 0 on success. */
int heap_init(Heap *h, HeapAllocFn alloc, void *ud, size_t limit);
/* Return every arena and large block to the hook. */
void heap_finish(Heap *h);

/* Allocate n bytes (n > 0). NULL with MemoryError set on failure. */
void *heap_alloc(VM *vm, size_t n);
/* As heap_alloc, zero-filled. */
void *heap_calloc(VM *vm, size_t n);
/* Resize a block allocated with size old to size new. NULL with MemoryError set on
   failure, and the old block is left intact. */
void *heap_realloc(VM *vm, void *p, size_t old, size_t n);
/* Free a block; n must be the size it was allocated (or last reallocated) with. */
void heap_free(VM *vm, void *p, size_t n);

/* Raw variants that never collect and never set an exception (for the collector and VM
   set-up/tear-down). */
void *heap_alloc_raw(Heap *h, size_t n);
void *heap_realloc_raw(Heap *h, void *p, size_t old, size_t n);
void heap_free_raw(Heap *h, void *p, size_t n);

/* Per size class statistics (walks the arenas; for tests and heap_dump_stats). */
typedef struct HeapClassStats {
  size_t size;              /* block size of the class */
  size_t pools;             /* pools in use (holding at least one block) */
  size_t blocks_in_use;
  size_t blocks_avail;      /* free blocks in those pools */
} HeapClassStats;
void heap_class_stats(const Heap *h, HeapClassStats out[HEAP_NCLASSES]);
/* Arenas currently obtained from the hook. */
size_t heap_arena_count(const Heap *h);
/* Print a sys._debugmallocstats()-style report (CPython's layout, Kite's classes). */
void heap_dump_stats(VM *vm, FILE *out);

/* Copy a C string into the heap (strlen+1 bytes). NULL with MemoryError on failure. */
char *heap_strdup(VM *vm, const char *s);

#endif
