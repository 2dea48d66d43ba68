/*
 * heap: the VM's private heap, a small-object allocator in the style of CPython's
 * obmalloc (Objects/obmalloc.c), per VM.
 *
 * Layout.
 *   - Small requests (1..HEAP_SMALL_MAX bytes) are rounded up to a size class, in
 *     HEAP_ALIGN (8) byte steps: 64 classes. Kite's 24-byte float fits exactly,
 *     where a 16-byte step would waste a third of it.
 *   - A pool is POOL_SIZE (16 KiB) bytes of blocks of one class, with a 48-byte header
 *     at its start; pools are POOL_SIZE-aligned, so heap_free finds the header of any
 *     small block by masking its address. (The caller passes the size back, so there
 *     is no need for CPython's address_in_range: the size says small or large.)
 *   - An arena is ARENA_SIZE (256 KiB) obtained from the VM's hook in one call; its
 *     header sits in the slack before the first aligned pool. Pools are carved from
 *     it lazily, so untouched pools never cost resident memory.
 *   - Large requests go straight to the hook, behind a 32-byte header that links
 *     every large block (heap_finish returns the ones still allocated) and records
 *     its size (the hook receives the true old size).
 *
 * Free lists.
 *   Each pool keeps a singly linked list of free blocks threaded through the blocks
 *   and a bump offset for never-used ones, which join the list one at a time when it
 *   empties (so a pool only touches the memory it has handed out). usable[c] lists the pools of class c that
 *   have a free block (CPython's usedpools), so the fast path is: take the first
 *   pool, pop a block. A pool that fills leaves the list; freeing into a full pool
 *   puts it back; a pool that empties goes back to its arena.
 *
 * Arenas are kept in buckets by their number of free pools, and a new pool comes
 * from the arena with the fewest free pools (CPython's usable_arenas order), so the
 * emptiest arenas drain and can be returned. An arena that becomes completely empty
 * goes back to the hook unless it is the only empty one: keeping one spare avoids
 * thrashing the hook when a program oscillates around an arena boundary.
 *
 * Accounting is exact: bytes_in_use is the sum of the sizes callers asked for,
 * bytes_reserved is what the hook holds for us (arenas, large blocks with headers,
 * the heap's own bookkeeping), and the memory limit applies to bytes_reserved.
 *
 * Under AddressSanitizer, free and never-used blocks are poisoned, so a use after
 * free or a read past the requested size is reported even inside a pool.
 *
 * The default hook is the only place in Kite that calls realloc/free.
 */
#include "gc/heap.h"

#include <stdlib.h>
#include <string.h>

#include "gc/gc.h"
#include "runtime/exc.h"
#include "vm/vm.h"

#if defined(__SANITIZE_ADDRESS__)
#define HEAP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAP_ASAN 1
#endif
#endif
#ifdef HEAP_ASAN
#include <sanitizer/asan_interface.h>
static inline void poison(void *p, size_t n) { ASAN_POISON_MEMORY_REGION(p, n); }
static inline void unpoison(void *p, size_t n) { ASAN_UNPOISON_MEMORY_REGION(p, n); }
#else
static inline void poison(void *p, size_t n) { (void)p; (void)n; }
static inline void unpoison(void *p, size_t n) { (void)p; (void)n; }
#endif

#define POOL_SIZE ((size_t)16 * 1024)
#define ARENA_SIZE ((size_t)256 * 1024)
#define MAX_POOLS (ARENA_SIZE / POOL_SIZE)

typedef struct Arena Arena;

typedef struct Pool {
  void *freeblock;           /* free list; NULL only when the pool is full */
  struct Pool *next, *prev;  /* usable[szidx] list; `next` links the arena's free pools */
  Arena *arena;
  uint32_t nused;            /* blocks handed out */
  uint32_t nextoffset;       /* first never-used block */
  uint32_t maxnextoffset;    /* last offset where a whole block still fits */
  uint32_t szidx;
} Pool;

#define POOL_HDR ((sizeof(Pool) + 15) & ~(size_t)15)

struct Arena {
  Arena *next, *prev;        /* bucket list (by nfreepools), when nfreepools > 0 */
  Arena *all_next, *all_prev;
  Pool *freepools;           /* emptied pools */
  uint8_t *pool_next;        /* first never-carved pool */
  uint8_t *first_pool;
  uint32_t nfreepools;       /* emptied + never carved */
  uint32_t ntotalpools;
};

typedef struct Large {
  struct Large *prev, *next;
  size_t size;               /* requested size */
  size_t pad;                /* keeps the payload 16-byte aligned */
} Large;

typedef struct HeapImpl {
  Pool *usable[HEAP_NCLASSES];
  Arena *buckets[MAX_POOLS + 1];   /* buckets[n]: arenas with n free pools (n >= 1) */
  Arena *arenas;                   /* all of them */
  Large *large;
  size_t narenas, narenas_total, narenas_peak, nempty, nlarge;
} HeapImpl;

static inline size_t class_of(size_t n) { return (n - 1) / HEAP_ALIGN; }
static inline size_t class_size(size_t c) { return (c + 1) * HEAP_ALIGN; }
static inline Pool *pool_of(void *p) { return (Pool *)((uintptr_t)p & ~(uintptr_t)(POOL_SIZE - 1)); }

/* ---- the hook ------------------------------------------------------------------ */

static void *default_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  (void)osize;
  if (nsize == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, nsize);
}

static bool over_limit(Heap *h, size_t extra) {
  return h->limit && (extra > h->limit || h->stats.bytes_reserved > h->limit - extra);
}

/* Get n fresh bytes from the hook, within the limit. */
static void *hook_get(Heap *h, size_t n) {
  if (over_limit(h, n)) return NULL;
  void *p = h->alloc(h->ud, NULL, 0, n);
  if (p) h->stats.bytes_reserved += n;
  return p;
}

static void hook_put(Heap *h, void *p, size_t n) {
  h->alloc(h->ud, p, n, 0);
  h->stats.bytes_reserved -= n;
}

/* ---- arenas -------------------------------------------------------------------- */

static void bucket_unlink(HeapImpl *im, Arena *a) {
  if (a->nfreepools == 0) return;
  if (a->prev) a->prev->next = a->next;
  else im->buckets[a->nfreepools] = a->next;
  if (a->next) a->next->prev = a->prev;
}

static void bucket_link(HeapImpl *im, Arena *a) {
  if (a->nfreepools == 0) return;
  a->prev = NULL;
  a->next = im->buckets[a->nfreepools];
  if (a->next) a->next->prev = a;
  im->buckets[a->nfreepools] = a;
}

static Arena *arena_new(Heap *h) {
  HeapImpl *im = h->impl;
  uint8_t *base = hook_get(h, ARENA_SIZE);
  if (!base) return NULL;
  Arena *a = (Arena *)base;
  uintptr_t first = ((uintptr_t)(base + sizeof(Arena)) + POOL_SIZE - 1) & ~(uintptr_t)(POOL_SIZE - 1);
  a->first_pool = a->pool_next = (uint8_t *)first;
  a->ntotalpools = a->nfreepools = (uint32_t)((uintptr_t)(base + ARENA_SIZE) - first) / POOL_SIZE;
  a->freepools = NULL;
  a->all_prev = NULL;
  a->all_next = im->arenas;
  if (im->arenas) im->arenas->all_prev = a;
  im->arenas = a;
  im->narenas++;
  im->narenas_total++;
  if (im->narenas > im->narenas_peak) im->narenas_peak = im->narenas;
  im->nempty++;
  bucket_link(im, a);
  return a;
}

static void arena_release(Heap *h, Arena *a) {
  HeapImpl *im = h->impl;
  bucket_unlink(im, a);
  if (a->all_prev) a->all_prev->all_next = a->all_next;
  else im->arenas = a->all_next;
  if (a->all_next) a->all_next->all_prev = a->all_prev;
  im->narenas--;
  unpoison(a, ARENA_SIZE);
  hook_put(h, a, ARENA_SIZE);
}

/* ---- pools --------------------------------------------------------------------- */

static void usable_link(HeapImpl *im, Pool *p) {
  Pool **head = &im->usable[p->szidx];
  p->prev = NULL;
  p->next = *head;
  if (*head) (*head)->prev = p;
  *head = p;
}

static void usable_unlink(HeapImpl *im, Pool *p) {
  if (p->prev) p->prev->next = p->next;
  else im->usable[p->szidx] = p->next;
  if (p->next) p->next->prev = p->prev;
}

/* The pool's free list is empty: make the next never-used block its only entry.
   Returns false (nothing changed) if the pool is full. */
static bool pool_extend(Pool *p) {
  if (p->nextoffset > p->maxnextoffset) return false;
  size_t size = class_size(p->szidx);
  void **b = (void **)((uint8_t *)p + p->nextoffset);
  p->nextoffset += (uint32_t)size;
  unpoison(b, sizeof(void *));
  *b = NULL;
  poison(b, size);
  p->freeblock = b;
  return true;
}

/* A new pool for class c from the fullest arena with a free pool, linked as usable. */
static Pool *pool_new(Heap *h, size_t c) {
  HeapImpl *im = h->impl;
  Arena *a = NULL;
  for (size_t n = 1; n <= MAX_POOLS && !a; n++) a = im->buckets[n];
  if (!a && !(a = arena_new(h))) return NULL;
  if (a->nfreepools == a->ntotalpools) im->nempty--;
  bucket_unlink(im, a);
  Pool *p;
  if (a->freepools) {
    p = a->freepools;
    a->freepools = p->next;
  } else {
    p = (Pool *)a->pool_next;
    a->pool_next += POOL_SIZE;
    poison((uint8_t *)p + POOL_HDR, POOL_SIZE - POOL_HDR);
  }
  a->nfreepools--;
  bucket_link(im, a);
  p->arena = a;
  p->nused = 0;
  p->szidx = (uint32_t)c;
  p->nextoffset = (uint32_t)POOL_HDR;
  p->maxnextoffset = (uint32_t)(POOL_SIZE - class_size(c));
  p->freeblock = NULL;
  pool_extend(p);
  usable_link(im, p);
  return p;
}

/* p just became empty: give it back to its arena, and the arena to the hook when
   it is empty and another empty arena is already kept. */
static void pool_release(Heap *h, Pool *p) {
  HeapImpl *im = h->impl;
  Arena *a = p->arena;
  usable_unlink(im, p);
  bucket_unlink(im, a);
  p->next = a->freepools;
  a->freepools = p;
  a->nfreepools++;
  if (a->nfreepools == a->ntotalpools) {
    if (im->nempty > 0) {
      a->nfreepools = 0;   /* not in a bucket any more */
      arena_release(h, a);
      return;
    }
    im->nempty++;
  }
  bucket_link(im, a);
}

/* ---- small blocks -------------------------------------------------------------- */

/* Usable pools always have a non-empty free list (CPython's invariant), so the fast
   path is one pop; the slow path runs only when the list empties. */
static inline __attribute__((always_inline)) void *small_alloc(Heap *h, size_t n) {
  HeapImpl *im = h->impl;
  size_t c = class_of(n);
  Pool *p = im->usable[c];
  if (__builtin_expect(!p, 0) && !(p = pool_new(h, c))) return NULL;
  void **b = p->freeblock;
  unpoison(b, sizeof(void *));
  p->nused++;
  if (__builtin_expect(!(p->freeblock = *b), 0) && !pool_extend(p)) usable_unlink(im, p);
  unpoison(b, n);
  return b;
}

static inline __attribute__((always_inline)) void small_free(Heap *h, void *b, size_t n) {
  Pool *p = pool_of(b);
  void *next = p->freeblock;
  unpoison(b, sizeof(void *));
  *(void **)b = next;
  p->freeblock = b;
  poison(b, class_size(p->szidx));
  if (__builtin_expect(!next, 0)) usable_link(h->impl, p);   /* it was full */
  if (__builtin_expect(--p->nused == 0, 0)) pool_release(h, p);
}

/* ---- large blocks -------------------------------------------------------------- */

static void *large_alloc(Heap *h, size_t n) {
  if (n > SIZE_MAX - sizeof(Large)) return NULL;
  Large *l = hook_get(h, n + sizeof(Large));
  if (!l) return NULL;
  HeapImpl *im = h->impl;
  l->size = n;
  l->prev = NULL;
  l->next = im->large;
  if (im->large) im->large->prev = l;
  im->large = l;
  im->nlarge++;
  return l + 1;
}

static void large_relink(HeapImpl *im, Large *l) {
  if (l->prev) l->prev->next = l;
  else im->large = l;
  if (l->next) l->next->prev = l;
}

static void large_free(Heap *h, void *p) {
  HeapImpl *im = h->impl;
  Large *l = (Large *)p - 1;
  if (l->prev) l->prev->next = l->next;
  else im->large = l->next;
  if (l->next) l->next->prev = l->prev;
  im->nlarge--;
  hook_put(h, l, l->size + sizeof(Large));
}

static void *large_resize(Heap *h, void *p, size_t n) {
  Large *l = (Large *)p - 1;
  size_t old = l->size + sizeof(Large);
  if (n > SIZE_MAX - sizeof(Large)) return NULL;
  size_t nsize = n + sizeof(Large);
  if (nsize > old && over_limit(h, nsize - old)) return NULL;
  Large *q = h->alloc(h->ud, l, old, nsize);
  if (!q) return NULL;
  h->stats.bytes_reserved = h->stats.bytes_reserved - old + nsize;
  q->size = n;
  large_relink(h->impl, q);
  return q + 1;
}

/* ---- the API ------------------------------------------------------------------- */

int heap_init(Heap *h, HeapAllocFn alloc, void *ud, size_t limit) {
  memset(h, 0, sizeof *h);
  h->alloc = alloc ? alloc : default_alloc;
  h->ud = alloc ? ud : NULL;
  h->limit = limit;
  h->impl = hook_get(h, sizeof(HeapImpl));
  if (!h->impl) return -1;
  memset(h->impl, 0, sizeof(HeapImpl));
  return 0;
}

void heap_finish(Heap *h) {
  HeapImpl *im = h->impl;
  if (!im) return;
  while (im->large) large_free(h, im->large + 1);
  while (im->arenas) arena_release(h, im->arenas);
  hook_put(h, im, sizeof(HeapImpl));
  h->impl = NULL;
  h->stats.bytes_in_use = 0;
}

static inline void note_alloc(Heap *h, size_t n) {
  h->stats.bytes_in_use += n;
  if (h->stats.bytes_in_use > h->stats.peak_in_use) h->stats.peak_in_use = h->stats.bytes_in_use;
  h->stats.nalloc++;
}

void *heap_alloc_raw(Heap *h, size_t n) {
  if (n == 0) n = 1;
  void *p = n <= HEAP_SMALL_MAX ? small_alloc(h, n) : large_alloc(h, n);
  if (p) note_alloc(h, n);
  return p;
}

void heap_free_raw(Heap *h, void *p, size_t n) {
  if (!p) return;
  if (n == 0) n = 1;
  if (n <= HEAP_SMALL_MAX) small_free(h, p, n);
  else large_free(h, p);
  h->stats.bytes_in_use -= n;
  h->stats.nfree++;
}

void *heap_realloc_raw(Heap *h, void *p, size_t old, size_t n) {
  if (!p) return heap_alloc_raw(h, n);
  if (n == 0) {
    heap_free_raw(h, p, old);
    return NULL;
  }
  if (old == 0) old = 1;
  void *q;
  if (old <= HEAP_SMALL_MAX && n <= HEAP_SMALL_MAX && class_of(old) == class_of(n)) {
    poison(p, class_size(class_of(old)));   /* re-expose exactly n bytes */
    unpoison(p, n);
    q = p;
  } else if (old > HEAP_SMALL_MAX && n > HEAP_SMALL_MAX) {
    if (!(q = large_resize(h, p, n))) return NULL;
  } else {
    if (!(q = n <= HEAP_SMALL_MAX ? small_alloc(h, n) : large_alloc(h, n))) return NULL;
    memcpy(q, p, old < n ? old : n);
    if (old <= HEAP_SMALL_MAX) small_free(h, p, old);
    else large_free(h, p);
  }
  h->stats.bytes_in_use = h->stats.bytes_in_use - old + n;
  if (h->stats.bytes_in_use > h->stats.peak_in_use) h->stats.peak_in_use = h->stats.bytes_in_use;
  return q;
}

/* One emergency full collection, unless one is running already or the collector is
   disabled (gc.disable(), or a VM still being built). */
static bool emergency_collect(VM *vm) {
  if (vm->gc.collecting || !vm->gc.enabled) return false;
  gc_collect_emergency(vm);
  return true;
}

void *heap_alloc(VM *vm, size_t n) {
  void *p = heap_alloc_raw(&vm->heap, n);
  if (__builtin_expect(p != NULL, 1)) return p;
  if (emergency_collect(vm) && (p = heap_alloc_raw(&vm->heap, n))) return p;
  exc_no_memory(vm);
  return NULL;
}

void *heap_calloc(VM *vm, size_t n) {
  void *p = heap_alloc(vm, n);
  if (p) memset(p, 0, n);
  return p;
}

void *heap_realloc(VM *vm, void *p, size_t old, size_t n) {
  void *q = heap_realloc_raw(&vm->heap, p, old, n);
  if (q || n == 0) return q;
  if (emergency_collect(vm) && (q = heap_realloc_raw(&vm->heap, p, old, n))) return q;
  exc_no_memory(vm);
  return NULL;
}

void heap_free(VM *vm, void *p, size_t n) { heap_free_raw(&vm->heap, p, n); }

char *heap_strdup(VM *vm, const char *s) {
  size_t n = strlen(s) + 1;
  char *p = heap_alloc(vm, n);
  if (p) memcpy(p, s, n);
  return p;
}

/* ---- statistics ---------------------------------------------------------------- */

void heap_class_stats(const Heap *h, HeapClassStats out[HEAP_NCLASSES]) {
  for (size_t c = 0; c < HEAP_NCLASSES; c++)
    out[c] = (HeapClassStats){class_size(c), 0, 0, 0};
  if (!h->impl) return;
  for (Arena *a = h->impl->arenas; a; a = a->all_next) {
    for (uint8_t *pp = a->first_pool; pp < a->pool_next; pp += POOL_SIZE) {
      Pool *p = (Pool *)pp;
      if (p->nused == 0) continue;   /* a free pool (only non-empty pools are in use) */
      HeapClassStats *s = &out[p->szidx];
      size_t size = class_size(p->szidx);
      s->pools++;
      s->blocks_in_use += p->nused;
      s->blocks_avail += (POOL_SIZE - POOL_HDR) / size - p->nused;
    }
  }
}

size_t heap_arena_count(const Heap *h) { return h->impl ? h->impl->narenas : 0; }

/* CPython's printone: a label padded to 35 columns, '=', the value with thousands
   separators right-aligned in 21 columns. Returns value. */
static size_t printone(FILE *out, const char *msg, size_t value) {
  char digits[32], buf[40];
  int nd = snprintf(digits, sizeof digits, "%zu", value), k = 0;
  for (int i = 0; i < nd; i++) {
    if (i > 0 && (nd - i) % 3 == 0) buf[k++] = ',';
    buf[k++] = digits[i];
  }
  buf[k] = '\0';
  fprintf(out, "%-35s=%21s\n", msg, buf);
  return value;
}

void heap_dump_stats(VM *vm, FILE *out) {
  Heap *h = &vm->heap;
  HeapImpl *im = h->impl;
  HeapClassStats cs[HEAP_NCLASSES];
  heap_class_stats(h, cs);
  fprintf(out, "Small block threshold = %d, in %u size classes.\n\n", HEAP_SMALL_MAX,
          (unsigned)HEAP_NCLASSES);
  fputs("class   size   num pools   blocks in use  avail blocks\n"
        "-----   ----   ---------   -------------  ------------\n", out);
  size_t allocated = 0, available = 0, pools = 0, quantization = 0, total_pools = 0;
  for (size_t c = 0; c < HEAP_NCLASSES; c++) {
    if (cs[c].pools == 0) continue;
    fprintf(out, "%5u %6u %11zu %15zu %13zu\n", (unsigned)c, (unsigned)cs[c].size,
            cs[c].pools, cs[c].blocks_in_use, cs[c].blocks_avail);
    allocated += cs[c].blocks_in_use * cs[c].size;
    available += cs[c].blocks_avail * cs[c].size;
    pools += cs[c].pools;
    quantization += cs[c].pools * ((POOL_SIZE - POOL_HDR) % cs[c].size);
  }
  size_t narenas = im ? im->narenas : 0, alignment = 0;
  for (Arena *a = im ? im->arenas : NULL; a; a = a->all_next) {
    total_pools += a->ntotalpools;
    alignment += ARENA_SIZE - (size_t)a->ntotalpools * POOL_SIZE;
  }
  fputc('\n', out);
  printone(out, "# arenas allocated total", im ? im->narenas_total : 0);
  printone(out, "# arenas reclaimed", im ? im->narenas_total - narenas : 0);
  printone(out, "# arenas highwater mark", im ? im->narenas_peak : 0);
  printone(out, "# arenas allocated current", narenas);
  char buf[100];
  snprintf(buf, sizeof buf, "%zu arenas * %zu bytes/arena", narenas, ARENA_SIZE);
  printone(out, buf, narenas * ARENA_SIZE);
  fputc('\n', out);
  size_t total = printone(out, "# bytes in allocated blocks", allocated);
  total += printone(out, "# bytes in available blocks", available);
  size_t unused = total_pools - pools;   /* emptied or never carved */
  snprintf(buf, sizeof buf, "%zu unused pools * %zu bytes", unused, POOL_SIZE);
  total += printone(out, buf, unused * POOL_SIZE);
  total += printone(out, "# bytes lost to pool headers", pools * POOL_HDR);
  total += printone(out, "# bytes lost to quantization", quantization);
  total += printone(out, "# bytes lost to arena alignment", alignment);
  printone(out, "Total", total);
  fputc('\n', out);
  printone(out, "# large blocks", im ? im->nlarge : 0);
  printone(out, "# bytes in use (requested)", h->stats.bytes_in_use);
  printone(out, "# bytes reserved from the system", h->stats.bytes_reserved);
  printone(out, "# peak bytes in use", h->stats.peak_in_use);
}
