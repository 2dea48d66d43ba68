/* The sandbox: no files, no input, no disk imports, only granted modules; memory
   limits; sys.exit reaching the host as an error. */
#include "embed_helpers.h"

#include <stdlib.h>
#include <unistd.h>

static void sandbox_setup(void) { vm_setup_limits(1, 0, 0); }

TestSuite(sandbox, .init = sandbox_setup, .fini = vm_teardown);
TestSuite(memlimit, .fini = vm_teardown);

Test(sandbox, plain_code_runs) {
  run_ok("squares = [i * i for i in range(10)]\ntotal = sum(squares)\nprint(total)\n");
  char buf[64];
  cr_assert_str_eq(captured(out_file, buf, sizeof buf), "285\n");
}

Test(sandbox, no_open_no_input) {
  run_fails("open('/etc/passwd')", "NameError", "name 'open' is not defined");
  run_fails("input()", "PermissionError", NULL);
  run_fails("breakpoint()", "NameError", "name 'breakpoint' is not defined");
  run_fails("__builtins__.open", "AttributeError", NULL);
}

Test(sandbox, imports_need_a_grant) {
  run_fails("import gc", "ImportError", "import of 'gc' is not allowed in the sandbox");
  run_fails("import sys", "ImportError", "import of 'sys' is not allowed in the sandbox");
  run_fails("from os import path", "ImportError", "import of 'os' is not allowed in the sandbox");
  run_fails("import builtins", "ImportError", NULL);
  cr_assert_eq(kite_grant_module(vm, "gc"), 0);
  run_ok("import gc\ngc.collect()\n");
}

Test(sandbox, no_imports_from_disk) {
  char dir[] = "/tmp/kite_sandbox_XXXXXX";
  cr_assert_not_null(mkdtemp(dir));
  char path[256], src[512];
  snprintf(path, sizeof path, "%s/evil.py", dir);
  FILE *f = fopen(path, "w");
  fputs("x = 1\n", f);
  fclose(f);
  kite_grant_module(vm, "sys");
  snprintf(src, sizeof src, "import sys\nsys.path.insert(0, '%s')\n", dir);
  run_ok(src);
  run_fails("import evil", "ImportError", "import of 'evil' is not allowed in the sandbox");
  /* even granted, a name is only looked up among built-in and host modules */
  kite_grant_module(vm, "evil");
  run_fails("import evil", "ModuleNotFoundError", "No module named 'evil'");
  unlink(path);
  rmdir(dir);
}

static KiteValue *c_twice(KiteVM *v, void *ud, size_t n, KiteValue *const *a, const char *const *kw) {
  int64_t i;
  if (n != 1 || kite_to_int(v, a[0], &i) < 0) return n != 1 ? kite_raise(v, "TypeError", "twice(x)") : NULL;
  return kite_int(v, 2 * i);
}

Test(sandbox, host_modules_are_granted) {
  KiteModuleFunction fns[] = {{"twice", c_twice, NULL}, {NULL, NULL, NULL}};
  cr_assert_eq(kite_register_module(vm, "hostlib", fns), 0);
  run_ok("import hostlib\nr = hostlib.twice(21)\n");
  cr_assert_eq(eval_int("r"), 42);
}

Test(sandbox, sys_exit_reaches_the_host) {
  kite_grant_module(vm, "sys");
  cr_assert_eq(kite_run_string(vm, "import sys\nsys.exit(7)", NULL, NULL), -1);
  int status;
  cr_assert_eq(kite_error_exit_status(vm, &status), 1);
  cr_assert_eq(status, 7);
  run_ok("alive = True");
}

Test(sandbox, deep_recursion_is_an_error) {
  run_fails("def f(n):\n    return f(n + 1)\nf(0)\n", "RecursionError", NULL);
}

/* ---- memory limits ---- */

Test(memlimit, big_allocations_raise_memory_error) {
  vm_setup_limits(1, 8u << 20, 0);
  run_fails("x = [0] * (10 ** 8)", "MemoryError", NULL);
  run_fails("s = 'a' * (10 ** 9)", "MemoryError", NULL);
  run_ok("small = [0] * 1000");   /* still usable */
}

Test(memlimit, growth_raises_memory_error) {
  vm_setup_limits(1, 8u << 20, 0);
  run_fails("l = []\nwhile True:\n    l.append(str(len(l)) * 10)\n", "MemoryError", NULL);
  run_ok("del l\nok = [1] * 100");
  KiteMemoryStats st;
  kite_memory_stats(vm, &st);
  cr_assert_leq(st.bytes_in_use, 8u << 20);
}

Test(memlimit, too_small_for_a_vm) {
  KiteConfig cfg;
  kite_config_init(&cfg);
  cfg.memory_limit = 1024;
  cr_assert_null(kite_new(&cfg), "a VM does not fit in 1 KiB");
}
