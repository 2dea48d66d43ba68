/* Creating and destroying 10,000 VMs: every byte a VM took goes back to the host's
   allocator when it is freed, and the process does not grow. KITE_EMBED_VMS sets
   another count (a valgrind run wants a few hundred). */
#include <criterion/criterion.h>
#include <kite.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A host allocator that keeps count (the hook of kite.h, lua_Alloc-style). */
typedef struct Counting {
  size_t outstanding, peak, calls;
} Counting;

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  Counting *c = ud;
  if (nsize == 0) {
    c->outstanding -= osize;
    free(ptr);
    return NULL;
  }
  void *p = realloc(ptr, nsize);
  if (!p) return NULL;
  c->outstanding += nsize - (ptr ? osize : 0);
  if (c->outstanding > c->peak) c->peak = c->outstanding;
  c->calls++;
  return p;
}

/* Resident set size in bytes, from /proc/self/statm. */
static size_t rss_bytes(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  unsigned long size = 0, resident = 0;
  if (f) {
    if (fscanf(f, "%lu %lu", &size, &resident) != 2) resident = 0;
    fclose(f);
  }
  return resident * (size_t)sysconf(_SC_PAGESIZE);
}

/* Valgrind and ASan keep freed blocks in quarantine, so RSS says nothing there; the
   allocator balance (checked after every VM) is the exact measure anyway. */
static int rss_meaningful(void) {
#if defined(__SANITIZE_ADDRESS__)
  return 0;
#else
  const char *pre = getenv("LD_PRELOAD");
  return !(pre && strstr(pre, "valgrind"));
#endif
}

/* 10,000 VMs (about 30 s in a plain build); 2,000 under ASan, where a VM costs ten
   times as much and the per-VM balance check proves the same thing. */
static int vm_count(void) {
  const char *e = getenv("KITE_EMBED_VMS");
  if (e && atoi(e) > 0) return atoi(e);
#if defined(__SANITIZE_ADDRESS__)
  return 2000;
#else
  return 10000;
#endif
}

/* One VM's life: create, run a little code with a C function, free. */
static KiteValue *c_ident(KiteVM *vm, void *ud, size_t n, KiteValue *const *a, const char *const *kw) {
  if (n != 1) return kite_raise(vm, "TypeError", "ident(x)");
  kite_incref(a[0]);
  return a[0];
}

static void one_vm(Counting *c, int i) {
  KiteConfig cfg;
  kite_config_init(&cfg);
  cfg.alloc = counting_alloc;
  cfg.alloc_ud = c;
  KiteVM *vm = kite_new(&cfg);
  cr_assert_not_null(vm, "VM %d", i);
  cr_assert_eq(kite_register(vm, "ident", c_ident, NULL), 0);
  KiteValue *v = kite_eval(vm, "ident(40) + len([1, 2])", NULL);
  int64_t r = 0;
  cr_assert_not_null(v, "eval in VM %d", i);
  cr_assert_eq(kite_to_int(vm, v, &r), 0);
  cr_assert_eq(r, 42);
  kite_decref(vm, v);
  kite_free(vm);
  cr_assert_eq(c->outstanding, 0, "VM %d left %zu bytes with the host allocator", i, c->outstanding);
}

Test(churn, ten_thousand_vms_no_growth) {
  Counting c = {0, 0, 0};
  int n = vm_count();
  int warm = n / 10 < 100 ? n / 10 : 100;
  size_t rss_warm = 0;
  for (int i = 0; i < n; i++) {
    one_vm(&c, i);
    if (i == warm) rss_warm = rss_bytes();
  }
  size_t rss_end = rss_bytes();
  cr_log_info("%d VMs, peak %zu bytes each, %zu allocator calls; RSS %zu -> %zu", n, c.peak,
              c.calls, rss_warm, rss_end);
  if (rss_meaningful())
    cr_assert_lt(rss_end, rss_warm + (2u << 20), "RSS grew from %zu to %zu bytes", rss_warm, rss_end);
}

Test(churn, default_allocator_vms) {
  int n = vm_count() / 10;
  for (int i = 0; i < n; i++) {
    KiteVM *vm = kite_new(NULL);
    cr_assert_not_null(vm);
    cr_assert_eq(kite_run_string(vm, "x = [str(i) for i in range(50)]", NULL, NULL), 0);
    kite_free(vm);
  }
}
