/* Instruction budgets and the host's interrupt callback. These need the interpreter
   loop to charge ticks (runtime/api.h: api_tick at backward jumps and calls). */
#include "embed_helpers.h"

TestSuite(limits, .fini = vm_teardown, .timeout = 30);

Test(limits, infinite_loop_stops) {
  vm_setup_limits(1, 0, 100000);
  run_fails("while True:\n    pass\n", "RuntimeError", "instruction limit exceeded");
}

Test(limits, catching_the_error_does_not_help) {
  vm_setup_limits(1, 0, 100000);
  cr_assert_eq(kite_run_string(vm,
                               "n = 0\n"
                               "while True:\n"
                               "    try:\n"
                               "        while True:\n            pass\n"
                               "    except RuntimeError:\n"
                               "        n += 1\n",
                               NULL, NULL), -1);
  expect_error("RuntimeError", "instruction limit exceeded");
  cr_assert_leq(eval_int("n"), 1);
}

Test(limits, infinite_recursion_through_calls_stops) {
  vm_setup_limits(1, 0, 1000);
  cr_assert_eq(kite_run_string(vm,
                               "def f():\n    g()\n"
                               "def g():\n    try:\n        f()\n    except RecursionError:\n        g()\n"
                               "f()\n",
                               NULL, NULL), -1);
  cr_assert(kite_error_pending(vm));
  kite_error_clear(vm);
}

Test(limits, budget_is_per_host_call) {
  vm_setup_limits(1, 0, 20000);
  for (int i = 0; i < 20; i++)   /* each run fits; together they would not */
    run_ok("t = 0\nfor i in range(1000):\n    t += i\n");
  cr_assert_eq(eval_int("t"), 499500);
  cr_assert_eq(kite_run_string(vm, "for i in range(10 ** 6):\n    pass\n", NULL, NULL), -1);
  expect_error("RuntimeError", "instruction limit exceeded");
  run_ok("ok = sum([1, 2, 3])");   /* the next call starts afresh */
}

/* Stops the script on the 5th call. */
static int stop_after_five(KiteVM *v, void *ud) {
  return ++*(int *)ud >= 5;
}

Test(limits, interrupt_callback) {
  int calls = 0;
  KiteConfig cfg;
  kite_config_init(&cfg);
  cfg.interrupt = stop_after_five;
  cfg.interrupt_ud = &calls;
  cfg.interrupt_interval = 100;
  vm_setup_with(&cfg);
  cr_assert_eq(kite_run_string(vm, "while True:\n    pass\n", NULL, NULL), -1);
  expect_error("RuntimeError", "interrupted by the host");
  cr_assert_eq(calls, 5);
  calls = -1000000;   /* the interrupt is not sticky across host calls */
  run_ok("for i in range(10000):\n    pass\n");
  cr_assert_gt(calls, -1000000, "the callback ran during the loop");
}

Test(limits, no_limits_by_default) {
  KiteConfig cfg;
  kite_config_init(&cfg);
  vm_setup_with(&cfg);
  run_ok("t = 0\nfor i in range(300000):\n    t += 1\n");
  cr_assert_eq(eval_int("t"), 300000);
}
