/* heap: the small-object allocator, accounting, the limit and the hook. */
#include <criterion/criterion.h>
#include <string.h>

#include "gc/heap.h"
#include "runtime/exc.h"
#include "vm/vm.h"

/* A hook that counts what it holds and can fail the Nth call or above a byte count
   (Lua's ltests.c style fault injection). */
typedef struct Counting {
  size_t outstanding, calls;
  size_t fail_at;      /* 0 = never: fail the call with this number */
} Counting;

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  Counting *c = ud;
  if (nsize == 0) {
    c->outstanding -= osize;
    free(ptr);
    return NULL;
  }
  if (++c->calls == c->fail_at) return NULL;
  void *p = realloc(ptr, nsize);
  if (p) c->outstanding += nsize - (ptr ? osize : 0);
  return p;
}

static void fill(unsigned char *p, size_t n, unsigned seed) {
  for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(seed + i * 7);
}
static bool check(const unsigned char *p, size_t n, unsigned seed) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != (unsigned char)(seed + i * 7)) return false;
  return true;
}

Test(heap, every_size_class) {
  Heap h;
  cr_assert_eq(heap_init(&h, NULL, NULL, 0), 0);
  size_t base_reserved = h.stats.bytes_reserved;
  void *blocks[HEAP_SMALL_MAX + 1];
  for (size_t n = 1; n <= HEAP_SMALL_MAX; n++) {
    blocks[n] = heap_alloc_raw(&h, n);
    cr_assert_not_null(blocks[n]);
    cr_assert_eq((uintptr_t)blocks[n] % 8, 0, "size %zu misaligned", n);
    if (n % 16 == 0) cr_assert_eq((uintptr_t)blocks[n] % 16, 0);
    fill(blocks[n], n, (unsigned)n);
  }
  size_t total = HEAP_SMALL_MAX * (HEAP_SMALL_MAX + 1) / 2;
  cr_assert_eq(h.stats.bytes_in_use, total);
  HeapClassStats cs[HEAP_NCLASSES];
  heap_class_stats(&h, cs);
  for (size_t c = 0; c < HEAP_NCLASSES; c++) {
    cr_assert_eq(cs[c].size, (c + 1) * HEAP_ALIGN);
    cr_assert_eq(cs[c].blocks_in_use, HEAP_ALIGN, "class %zu", c);
    cr_assert_eq(cs[c].pools, 1);
  }
  for (size_t n = 1; n <= HEAP_SMALL_MAX; n++) {
    cr_assert(check(blocks[n], n, (unsigned)n), "size %zu corrupted", n);
    heap_free_raw(&h, blocks[n], n);
  }
  cr_assert_eq(h.stats.bytes_in_use, 0);
  cr_assert_eq(h.stats.nalloc, h.stats.nfree);
  cr_assert_eq(h.stats.peak_in_use, total);
  heap_class_stats(&h, cs);
  for (size_t c = 0; c < HEAP_NCLASSES; c++) cr_assert_eq(cs[c].blocks_in_use, 0);
  /* At most one empty arena is kept. */
  cr_assert_leq(heap_arena_count(&h), 1);
  cr_assert_leq(h.stats.bytes_reserved, base_reserved + 256 * 1024);
  heap_finish(&h);
}

Test(heap, large_blocks_and_finish_returns_everything) {
  Counting c = {0};
  Heap h;
  cr_assert_eq(heap_init(&h, counting_alloc, &c, 0), 0);
  void *a = heap_alloc_raw(&h, 513), *b = heap_alloc_raw(&h, 100000), *s = heap_alloc_raw(&h, 24);
  cr_assert(a && b && s);
  cr_assert_eq((uintptr_t)a % 16, 0);
  cr_assert_eq(h.stats.bytes_in_use, 513 + 100000 + 24);
  cr_assert_eq(h.stats.bytes_reserved, c.outstanding);
  heap_free_raw(&h, b, 100000);
  cr_assert_eq(h.stats.bytes_reserved, c.outstanding);
  /* a and s are leaked on purpose: heap_finish must still return them. */
  heap_finish(&h);
  cr_assert_eq(c.outstanding, 0);
  cr_assert_eq(h.stats.bytes_reserved, 0);
}

Test(heap, realloc_across_classes) {
  Heap h;
  heap_init(&h, NULL, NULL, 0);
  size_t n = 1;
  unsigned char *p = heap_alloc_raw(&h, n);
  fill(p, n, 3);
  /* Grow through every small class and into large blocks, then shrink back. */
  static const size_t sizes[] = {7, 8, 9, 16, 17, 100, 511, 512, 513, 1000, 5000, 600, 512, 24, 3};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    size_t m = sizes[i];
    p = heap_realloc_raw(&h, p, n, m);
    cr_assert_not_null(p);
    cr_assert(check(p, n < m ? n : m, 3), "content lost %zu -> %zu", n, m);
    n = m;
    fill(p, n, 3);
    cr_assert_eq(h.stats.bytes_in_use, n);
  }
  heap_free_raw(&h, p, n);
  cr_assert_eq(h.stats.bytes_in_use, 0);
  heap_finish(&h);
}

Test(heap, arenas_returned_when_empty) {
  Heap h;
  heap_init(&h, NULL, NULL, 0);
  size_t base = h.stats.bytes_reserved;
  enum { N = 40000 };   /* 40000 * 48 bytes: about 8 arenas */
  void **v = malloc(N * sizeof *v);
  for (int i = 0; i < N; i++) v[i] = heap_alloc_raw(&h, 48);
  size_t peak_arenas = heap_arena_count(&h);
  cr_assert_geq(peak_arenas, 6);
  /* Free every other block: no arena may go, every pool is half full. */
  for (int i = 0; i < N; i += 2) heap_free_raw(&h, v[i], 48);
  cr_assert_eq(heap_arena_count(&h), peak_arenas);
  HeapClassStats cs[HEAP_NCLASSES];
  heap_class_stats(&h, cs);
  cr_assert_eq(cs[5].blocks_in_use, N / 2);
  for (int i = 1; i < N; i += 2) heap_free_raw(&h, v[i], 48);
  cr_assert_eq(heap_arena_count(&h), 1);   /* the one spare */
  cr_assert_eq(h.stats.bytes_reserved, base + 256 * 1024);
  /* Reuse: the spare serves new pools without asking the hook. */
  void *p = heap_alloc_raw(&h, 48);
  cr_assert_eq(h.stats.bytes_reserved, base + 256 * 1024);
  heap_free_raw(&h, p, 48);
  free(v);
  heap_finish(&h);
}

Test(heap, churn_reuses_blocks) {
  Heap h;
  heap_init(&h, NULL, NULL, 0);
  void *first = heap_alloc_raw(&h, 32);
  heap_free_raw(&h, first, 32);
  for (int i = 0; i < 100000; i++) {
    void *p = heap_alloc_raw(&h, 32);
    cr_assert_eq(p, first);   /* LIFO free list */
    heap_free_raw(&h, p, 32);
  }
  cr_assert_leq(heap_arena_count(&h), 1);
  heap_finish(&h);
}

Test(heap, limit_counts_reserved_bytes) {
  Heap h;
  heap_init(&h, NULL, NULL, 600 * 1024);
  /* Two arenas fit under the limit, the third does not. */
  size_t n = 0;
  void **v = malloc(20000 * sizeof *v);
  while (n < 20000 && (v[n] = heap_alloc_raw(&h, 512))) n++;
  cr_assert_lt(n, 20000);
  cr_assert_leq(h.stats.bytes_reserved, 600 * 1024);
  cr_assert_eq(heap_arena_count(&h), 2);
  cr_assert_null(heap_alloc_raw(&h, 100000));   /* large: over the limit too */
  for (size_t i = 0; i < n; i++) heap_free_raw(&h, v[i], 512);
  cr_assert_eq(h.stats.bytes_in_use, 0);
  cr_assert_not_null(v[0] = heap_alloc_raw(&h, 100000));
  heap_free_raw(&h, v[0], 100000);
  free(v);
  heap_finish(&h);
}

Test(heap, hook_failure_is_null_not_crash) {
  Counting c = {.fail_at = 3};
  Heap h;
  cr_assert_eq(heap_init(&h, counting_alloc, &c, 0), 0);   /* call 1: bookkeeping */
  void *a = heap_alloc_raw(&h, 1000);                       /* call 2 */
  cr_assert_not_null(a);
  cr_assert_null(heap_alloc_raw(&h, 2000));                  /* call 3 fails */
  cr_assert_eq(h.stats.bytes_in_use, 1000);
  void *b = heap_realloc_raw(&h, a, 1000, 3000);            /* call 4: fine */
  cr_assert_not_null(b);
  heap_free_raw(&h, b, 3000);
  heap_finish(&h);
  cr_assert_eq(c.outstanding, 0);
}

Test(heap, dump_stats_format) {
  VM *vm = calloc(1, sizeof(VM));
  heap_init(&vm->heap, NULL, NULL, 0);
  void *p = heap_alloc_raw(&vm->heap, 24), *q = heap_alloc_raw(&vm->heap, 24);
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  heap_dump_stats(vm, f);
  fclose(f);
  cr_assert(strstr(buf, "Small block threshold = 512, in 64 size classes.\n\n"));
  cr_assert(strstr(buf, "class   size   num pools   blocks in use  avail blocks\n"));
  cr_assert(strstr(buf, "    2     24           1               2           "), "%s", buf);
  cr_assert(strstr(buf, "# arenas allocated current         =                    1\n"), "%s", buf);
  cr_assert(strstr(buf, "1 arenas * 262144 bytes/arena      =              262,144\n"), "%s", buf);
  cr_assert(strstr(buf, "Total                              =              262,144\n"), "%s", buf);
  free(buf);
  heap_free_raw(&vm->heap, p, 24);
  heap_free_raw(&vm->heap, q, 24);
  heap_finish(&vm->heap);
  free(vm);
}

Test(heap, strdup_and_calloc_through_vm) {
  VM *vm = vm_new(NULL);
  cr_assert_not_null(vm);
  size_t before = vm->heap.stats.bytes_in_use;
  char *s = heap_strdup(vm, "kite");
  cr_assert_str_eq(s, "kite");
  unsigned char *z = heap_calloc(vm, 300);
  for (int i = 0; i < 300; i++) cr_assert_eq(z[i], 0);
  cr_assert_eq(vm->heap.stats.bytes_in_use, before + 5 + 300);
  heap_free(vm, s, 5);
  heap_free(vm, z, 300);
  cr_assert_eq(vm->heap.stats.bytes_in_use, before);
  vm_free(vm);
}

Test(heap, memory_error_at_limit) {
  VMOptions opts = {.memory_limit = 8u << 20};
  VM *vm = vm_new(&opts);
  cr_assert_not_null(vm);
  cr_assert_null(heap_alloc(vm, 16u << 20));
  cr_assert(exc_matches(vm, &vm->exc_MemoryError));
  exc_clear(vm);
  void *p = heap_alloc(vm, 100);
  cr_assert_not_null(p);
  cr_assert_null(heap_realloc(vm, p, 100, 16u << 20));
  cr_assert(exc_matches(vm, &vm->exc_MemoryError));
  exc_clear(vm);
  heap_free(vm, p, 100);   /* the old block survived the failed realloc */
  vm_free(vm);
}
