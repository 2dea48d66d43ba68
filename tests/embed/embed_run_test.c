/* Embedding API with scripts: running strings and files, eval, namespaces, calling
   Python from C and C from Python, host modules, errors with tracebacks, SystemExit,
   two VMs side by side, the collector. */
#include "embed_helpers.h"

#include <stdlib.h>
#include <unistd.h>

TestSuite(run, .init = vm_setup, .fini = vm_teardown);
TestSuite(host, .init = vm_setup, .fini = vm_teardown);

Test(run, print_goes_to_the_configured_stream) {
  run_ok("print('hello', 6 * 7)\nprint([1, 2.5, 'x'], None)");
  char buf[256];
  cr_assert_str_eq(captured(out_file, buf, sizeof buf), "hello 42\n[1, 2.5, 'x'] None\n");
}

Test(run, globals_persist_between_runs) {
  run_ok("x = 20");
  run_ok("x += 1\ndef double(n):\n    return n * 2\n");
  cr_assert_eq(eval_int("double(x)"), 42);
  KiteValue *x = kite_get_global(vm, "x");
  int64_t i;
  cr_assert_eq(kite_to_int(vm, x, &i), 0);
  cr_assert_eq(i, 21);
  kite_decref(vm, x);
}

Test(run, eval_returns_values) {
  KiteValue *v = kite_eval(vm, "{'a': [1, 2], 'b': (3,)}", NULL);
  cr_assert(kite_is_dict(vm, v));
  KiteValue *r = kite_repr(vm, v);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "{'a': [1, 2], 'b': (3,)}");
  kite_decref(vm, r);
  kite_decref(vm, v);
  v = kite_eval(vm, "2 ** 100", NULL);
  r = kite_str_of(vm, v);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "1267650600228229401496703205376");
  kite_decref(vm, r);
  kite_decref(vm, v);
}

Test(run, eval_rejects_statements) {
  cr_assert_null(kite_eval(vm, "x = 1", NULL));
  expect_error("SyntaxError", NULL);
}

Test(run, call_python_from_c) {
  run_ok("def greet(name, punct='!'):\n    return 'hi ' + name + punct\n");
  KiteValue *f = kite_get_global(vm, "greet");
  KiteValue *args[2] = {kite_str(vm, "bob"), kite_str(vm, "?")};
  KiteValue *r = kite_call(vm, f, 1, args, NULL);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "hi bob!");
  kite_decref(vm, r);
  const char *kw[] = {"punct", NULL};
  r = kite_call(vm, f, 1, args, kw);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "hi bob?");
  kite_decref(vm, r);
  cr_assert_null(kite_call(vm, f, 0, args, NULL));
  expect_error("TypeError", "greet() missing 1 required positional argument: 'name'");
  kite_decref(vm, args[0]);
  kite_decref(vm, args[1]);
  kite_decref(vm, f);
}

Test(run, methods_of_instances) {
  run_ok("class Counter:\n"
         "    def __init__(self):\n        self.n = 0\n"
         "    def add(self, k):\n        self.n += k\n        return self.n\n"
         "c = Counter()\n");
  KiteValue *c = kite_get_global(vm, "c");
  cr_assert_str_eq(kite_type_name(vm, c), "Counter");
  KiteValue *five = kite_int(vm, 5);
  for (int i = 0; i < 3; i++) kite_decref(vm, kite_call_method(vm, c, "add", 1, &five));
  KiteValue *n = kite_getattr(vm, c, "n");
  int64_t v;
  cr_assert_eq(kite_to_int(vm, n, &v), 0);
  cr_assert_eq(v, 15);
  cr_assert_eq(kite_setattr(vm, c, "n", five), 0);
  cr_assert_eq(eval_int("c.n"), 5);
  kite_decref(vm, n);
  kite_decref(vm, five);
  kite_decref(vm, c);
}

Test(run, namespaces_are_isolated) {
  KiteValue *a = kite_namespace_new(vm), *b = kite_namespace_new(vm);
  cr_assert_eq(kite_run_string(vm, "x = 1\ny = len('abc')", "<a>", a), 0);
  cr_assert_eq(kite_run_string(vm, "x = 2", "<b>", b), 0);
  KiteValue *xa = kite_dict_get(vm, a, "x"), *xb = kite_dict_get(vm, b, "x");
  int64_t i;
  kite_to_int(vm, xa, &i);
  cr_assert_eq(i, 1);
  kite_to_int(vm, xb, &i);
  cr_assert_eq(i, 2);
  KiteValue *y = kite_eval(vm, "y * 10", a);
  kite_to_int(vm, y, &i);
  cr_assert_eq(i, 30);
  cr_assert_null(kite_get_global(vm, "x"), "__main__ untouched");
  kite_error_clear(vm);
  cr_assert_eq(kite_run_string(vm, "y", "<b>", b), -1);
  expect_error("NameError", "name 'y' is not defined");
  KiteValue *notdict = kite_int(vm, 1);
  cr_assert_eq(kite_run_string(vm, "1", NULL, notdict), -1);
  expect_error("TypeError", "namespace must be a dict, not int");
  kite_decref(vm, notdict);
  kite_decref(vm, y);
  kite_decref(vm, xa);
  kite_decref(vm, xb);
  kite_decref(vm, a);
  kite_decref(vm, b);
}

Test(run, run_file) {
  char path[] = "/tmp/kite_embed_XXXXXX";
  int fd = mkstemp(path);
  cr_assert_geq(fd, 0);
  const char *src = "total = 0\nfor i in range(5):\n    total += i\n";
  cr_assert_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
  close(fd);
  cr_assert_eq(kite_run_file(vm, path, NULL), 0);
  cr_assert_eq(eval_int("total"), 10);
  unlink(path);
  cr_assert_eq(kite_run_file(vm, path, NULL), -1);
  cr_assert_str_eq(kite_error_type(vm), "FileNotFoundError");
  kite_error_clear(vm);
}

Test(run, exception_traceback_text) {
  cr_assert_eq(kite_run_string(vm, "def f():\n    return 1 / 0\nf()\n", "calc.py", NULL), -1);
  cr_assert_str_eq(kite_error_type(vm), "ZeroDivisionError");
  KiteValue *tb = kite_error_traceback(vm);
  cr_assert_str_eq(kite_to_str(vm, tb, NULL),
                   "Traceback (most recent call last):\n"
                   "  File \"calc.py\", line 3, in <module>\n"
                   "  File \"calc.py\", line 2, in f\n"
                   "ZeroDivisionError: division by zero\n");
  kite_decref(vm, tb);
  KiteValue *m = kite_error_message(vm);
  cr_assert_str_eq(kite_to_str(vm, m, NULL), "division by zero");
  kite_decref(vm, m);
  kite_error_print(vm);
  char buf[512];
  cr_assert(strstr(captured(err_file, buf, sizeof buf), "ZeroDivisionError: division by zero\n"));
  cr_assert(!kite_error_pending(vm));
  run_ok("ok = 1");   /* the VM is still usable */
}

Test(run, syntax_error_is_an_exception) {
  cr_assert_eq(kite_run_string(vm, "x = (1,\n", "bad.py", NULL), -1);
  cr_assert_str_eq(kite_error_type(vm), "SyntaxError");
  KiteValue *tb = kite_error_traceback(vm);
  cr_assert(strstr(kite_to_str(vm, tb, NULL), "SyntaxError: "));
  kite_decref(vm, tb);
  kite_error_clear(vm);
  char buf[64];
  cr_assert_str_eq(captured(err_file, buf, sizeof buf), "", "nothing printed");
}

Test(run, sys_exit_never_exits_the_process) {
  cr_assert_eq(kite_run_string(vm, "import sys\nsys.exit(3)\n", NULL, NULL), -1);
  cr_assert_str_eq(kite_error_type(vm), "SystemExit");
  int status = -1;
  cr_assert_eq(kite_error_exit_status(vm, &status), 1);
  cr_assert_eq(status, 3);
  cr_assert(!kite_error_pending(vm));
  cr_assert_eq(kite_run_string(vm, "raise SystemExit", NULL, NULL), -1);
  cr_assert_eq(kite_error_exit_status(vm, &status), 1);
  cr_assert_eq(status, 0);
  cr_assert_eq(kite_run_string(vm, "exit('bye')", NULL, NULL), -1);
  cr_assert_eq(kite_error_exit_status(vm, &status), 1);
  cr_assert_eq(status, 1);
  char buf[64];
  cr_assert_str_eq(captured(err_file, buf, sizeof buf), "bye\n");
}

Test(run, python_catches_host_errors) {
  run_ok("def safe(f):\n"
         "    try:\n        return f()\n"
         "    except ValueError as e:\n        return 'caught ' + str(e)\n");
  KiteValue *safe = kite_get_global(vm, "safe");
  KiteValue *f = kite_eval(vm, "lambda: int('zz')", NULL);
  KiteValue *r = kite_call(vm, safe, 1, &f, NULL);
  cr_assert_str_eq(kite_to_str(vm, r, NULL), "caught invalid literal for int() with base 10: 'zz'");
  kite_decref(vm, r);
  kite_decref(vm, f);
  kite_decref(vm, safe);
}

Test(run, collector_finds_cycles) {
  run_ok("class Node:\n    pass\n"
         "for i in range(100):\n    a = Node(); b = Node(); a.other = b; b.other = a\n"
         "del a, b\n");
  cr_assert_geq(kite_collect(vm), 2);
  KiteMemoryStats st;
  kite_memory_stats(vm, &st);
  cr_assert_gt(st.gc_tracked, 0);
}

Test(run, two_vms_are_independent) {
  KiteVM *other = kite_new(NULL);
  cr_assert_eq(kite_run_string(other, "x = 'other'", NULL, NULL), 0);
  run_ok("x = 'mine'");
  KiteValue *mine = kite_eval(vm, "x", NULL), *theirs = kite_eval(other, "x", NULL);
  cr_assert_str_eq(kite_to_str(vm, mine, NULL), "mine");
  cr_assert_str_eq(kite_to_str(other, theirs, NULL), "other");
  kite_decref(other, theirs);
  kite_free(other);
  cr_assert_str_eq(kite_to_str(vm, mine, NULL), "mine");
  kite_decref(vm, mine);
}

/* ---- host functions and modules seen from Python ---- */

static KiteValue *c_mul(KiteVM *v, void *ud, size_t nargs, KiteValue *const *args,
                        const char *const *kw) {
  double a, b;
  if (nargs != 2) return kite_raise(v, "TypeError", "mul() takes 2 arguments (%zu given)", nargs);
  if (kite_to_float(v, args[0], &a) < 0 || kite_to_float(v, args[1], &b) < 0) return NULL;
  return kite_float(v, a * b * *(double *)ud);
}

/* apply(f, x): calls back into Python. */
static KiteValue *c_apply(KiteVM *v, void *ud, size_t nargs, KiteValue *const *args,
                          const char *const *kw) {
  if (nargs != 2) return kite_raise(v, "TypeError", "apply() takes 2 arguments");
  return kite_call(v, args[0], 1, &args[1], NULL);
}

static KiteValue *c_fail(KiteVM *v, void *ud, size_t nargs, KiteValue *const *args,
                         const char *const *kw) {
  return kite_raise(v, "ValueError", "host says no");
}

Test(host, registered_functions) {
  double one = 1.0;
  cr_assert_eq(kite_register(vm, "mul", c_mul, &one), 0);
  cr_assert_eq(kite_register(vm, "apply", c_apply, NULL), 0);
  cr_assert_eq(kite_register(vm, "fail", c_fail, NULL), 0);
  run_ok("r = mul(6, 7)\nprint(r, mul, apply(lambda n: n + 1, 41))\n");
  char buf[256];
  cr_assert_str_eq(captured(out_file, buf, sizeof buf), "42.0 <built-in function mul> 42\n");
  run_ok("try:\n    fail()\nexcept ValueError as e:\n    msg = str(e)\n");
  expect_global_str("msg", "host says no");
  run_fails("mul('a', 2)", "TypeError", "must be real number, not str");
  run_fails("apply(lambda n: n / 0, 1)", "ZeroDivisionError", "division by zero");
}

Test(host, registered_module_is_importable) {
  double two = 2.0;
  KiteModuleFunction fns[] = {{"mul", c_mul, &two}, {"fail", c_fail, NULL}, {NULL, NULL, NULL}};
  cr_assert_eq(kite_register_module(vm, "calc", fns), 0);
  run_ok("import calc\nr = calc.mul(3, 4)\nfrom calc import mul\nr2 = mul(1, 1)\n");
  KiteValue *r = kite_eval(vm, "(r, r2, calc.__name__)", NULL);
  KiteValue *s = kite_repr(vm, r);
  cr_assert_str_eq(kite_to_str(vm, s, NULL), "(24.0, 2.0, 'calc')");
  kite_decref(vm, s);
  kite_decref(vm, r);
}

Test(host, module_with_values) {
  KiteValue *m = kite_module_new(vm, "config");
  KiteValue *v = kite_str(vm, "production");
  kite_module_add(vm, m, "mode", v);
  cr_assert_eq(kite_add_module(vm, "config", m), 0);
  kite_decref(vm, v);
  kite_decref(vm, m);
  run_ok("import config\nmode = config.mode.upper()\n");
  expect_global_str("mode", "PRODUCTION");
  run_fails("import nosuchmodule_xyz", "ModuleNotFoundError", "No module named 'nosuchmodule_xyz'");
}

Test(host, argv_reaches_sys) {
  vm_teardown();
  KiteConfig cfg;
  kite_config_init(&cfg);
  const char *argv[] = {"script.py", "--flag"};
  cfg.argc = 2;
  cfg.argv = argv;
  vm_setup_with(&cfg);
  run_ok("import sys\nprint(sys.argv)");
  char buf[128];
  cr_assert_str_eq(captured(out_file, buf, sizeof buf), "['script.py', '--flag']\n");
}
