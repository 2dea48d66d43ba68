/* Helpers shared by the embedding tests. Only include/kite.h is used: these tests see
   Kite exactly as a host program does. */
#ifndef KITE_TESTS_EMBED_HELPERS_H
#define KITE_TESTS_EMBED_HELPERS_H

#include <criterion/criterion.h>
#include <kite.h>
#include <stdio.h>
#include <string.h>

/* The VM of the current test (Criterion runs each test in its own process). */
static KiteVM *vm;
/* Where the VM's sys.stdout / sys.stderr go, read back with captured(). */
static FILE *out_file, *err_file;

static inline void vm_setup_with(KiteConfig *cfg) {
  out_file = tmpfile();
  err_file = tmpfile();
  cr_assert(out_file && err_file);
  cfg->out = out_file;
  cfg->err = err_file;
  vm = kite_new(cfg);
  cr_assert_not_null(vm, "kite_new failed");
}

static inline void vm_setup(void) {
  KiteConfig cfg;
  kite_config_init(&cfg);
  vm_setup_with(&cfg);
}

/* A VM with the given sandbox flag and limits (0 = none). */
static inline void vm_setup_limits(int sandbox, size_t memory_limit, uint64_t instruction_limit) {
  KiteConfig cfg;
  kite_config_init(&cfg);
  cfg.sandbox = sandbox;
  cfg.memory_limit = memory_limit;
  cfg.instruction_limit = instruction_limit;
  vm_setup_with(&cfg);
}

static inline void vm_teardown(void) {
  kite_free(vm);
  vm = NULL;
  if (out_file) fclose(out_file);
  if (err_file) fclose(err_file);
  out_file = err_file = NULL;
}

/* What was written to f so far, into buf (NUL-terminated). */
static inline const char *captured(FILE *f, char *buf, size_t size) {
  fflush(f);
  long end = ftell(f);
  rewind(f);
  size_t n = fread(buf, 1, size - 1, f);
  buf[n] = 0;
  fseek(f, end, SEEK_SET);
  return buf;
}

/* Assert that the pending exception has this type and str(); clears it. */
static inline void expect_error(const char *type, const char *message) {
  cr_assert(kite_error_pending(vm), "expected %s, nothing pending", type);
  cr_assert_str_eq(kite_error_type(vm), type);
  if (message) {
    KiteValue *m = kite_error_message(vm);
    cr_assert_not_null(m);
    cr_assert_str_eq(kite_to_str(vm, m, NULL), message);
    kite_decref(vm, m);
  }
  kite_error_clear(vm);
  cr_assert(!kite_error_pending(vm));
}

/* Run src in __main__, failing the test (with the traceback) if it raises. */
static inline void run_ok(const char *src) {
  if (kite_run_string(vm, src, "<test>", NULL) == 0) return;
  KiteValue *tb = kite_error_traceback(vm);
  cr_assert_fail("script failed:\n%s\n%s", src, tb ? kite_to_str(vm, tb, NULL) : "(no traceback)");
}

/* Run src; it must fail with type (and message, when not NULL). */
static inline void run_fails(const char *src, const char *type, const char *message) {
  cr_assert_eq(kite_run_string(vm, src, "<test>", NULL), -1, "%s should fail", src);
  expect_error(type, message);
}

/* Assert that global name of __main__ is the str expected. */
static inline void expect_global_str(const char *name, const char *expected) {
  KiteValue *v = kite_get_global(vm, name);
  cr_assert_not_null(v, "global %s", name);
  cr_assert_str_eq(kite_to_str(vm, v, NULL), expected);
  kite_decref(vm, v);
}

/* The int value of expression expr evaluated in __main__. */
static inline int64_t eval_int(const char *expr) {
  KiteValue *v = kite_eval(vm, expr, NULL);
  if (!v) {
    KiteValue *tb = kite_error_traceback(vm);
    cr_assert_fail("eval %s failed:\n%s", expr, tb ? kite_to_str(vm, tb, NULL) : "?");
  }
  int64_t i = 0;
  cr_assert_eq(kite_to_int(vm, v, &i), 0);
  kite_decref(vm, v);
  return i;
}

#endif
