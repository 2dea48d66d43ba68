/*
 * sandbox: a host that runs untrusted scripts, each in its own sandboxed VM with a
 * memory limit, an instruction budget and a wall-clock deadline.
 *
 *   sandbox                    runs a built-in gallery of good and hostile scripts
 *   sandbox script.py ...      runs the given files
 *
 * A sandboxed VM has no open(), no input(), no imports from disk and no modules at all
 * except the ones the host grants (here: `host`, a module written in C through which
 * the script reports results). SystemExit comes back to the host as an error; nothing
 * a script does can exit or crash the host.
 *
 * Build: cc sandbox.c $(pkg-config --cflags --libs kite)
 */
#include <kite.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define MEMORY_LIMIT (16u << 20)        /* bytes per VM, its own structures included */
#define INSTRUCTION_LIMIT 5000000u      /* per run */
#define DEADLINE_MS 2000.0              /* wall clock per run, checked by the interrupt hook */

typedef struct Run {
  struct timespec start;
  int reports;                          /* values the script passed to host.report() */
} Run;

static double elapsed_ms(const struct timespec *since) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (now.tv_sec - since->tv_sec) * 1e3 + (now.tv_nsec - since->tv_nsec) / 1e6;
}

/* Interrupt hook: called every interrupt_interval ticks; non-zero stops the script. */
static int past_deadline(KiteVM *vm, void *ud) {
  return elapsed_ms(&((Run *)ud)->start) > DEADLINE_MS;
}

/* host.report(value): the only way out of the sandbox. */
static KiteValue *c_report(KiteVM *vm, void *ud, size_t nargs, KiteValue *const *args,
                           const char *const *kwnames) {
  Run *run = ud;
  if (nargs != 1) return kite_raise(vm, "TypeError", "report() takes 1 argument (%zu given)", nargs);
  KiteValue *r = kite_repr(vm, args[0]);
  if (!r) return NULL;
  printf("    report: %.60s\n", kite_to_str(vm, r, NULL));
  kite_decref(vm, r);
  run->reports++;
  return kite_none(vm);
}

/* Run one script in a fresh VM; prints how it ended. */
static void run_script(const char *name, const char *src, const char *path) {
  Run run = {{0, 0}, 0};
  KiteConfig cfg;
  kite_config_init(&cfg);
  cfg.sandbox = 1;
  cfg.memory_limit = MEMORY_LIMIT;
  cfg.instruction_limit = INSTRUCTION_LIMIT;
  cfg.interrupt = past_deadline;
  cfg.interrupt_ud = &run;
  cfg.interrupt_interval = 10000;
  KiteVM *vm = kite_new(&cfg);
  if (!vm) {
    printf("%-16s could not create a VM\n", name);
    return;
  }
  const KiteModuleFunction host[] = {{"report", c_report, &run}, {NULL, NULL, NULL}};
  kite_register_module(vm, "host", host);   /* registered modules are granted */

  printf("%s\n", name);
  clock_gettime(CLOCK_MONOTONIC, &run.start);
  int rc = path ? kite_run_file(vm, path, NULL) : kite_run_string(vm, src, name, NULL);
  double ms = elapsed_ms(&run.start);
  int status;
  if (rc == 0) {
    printf("    ok (%d reports, %.1f ms)\n", run.reports, ms);
  } else if (kite_error_exit_status(vm, &status)) {
    printf("    exited with status %d\n", status);
  } else {
    KiteValue *msg = kite_error_message(vm);
    const char *text = msg ? kite_to_str(vm, msg, NULL) : "";
    printf("    stopped: %s%s%.70s (%.1f ms)\n", kite_error_type(vm), *text ? ": " : "", text, ms);
    kite_decref(vm, msg);
    kite_error_clear(vm);
  }
  KiteMemoryStats st;
  kite_memory_stats(vm, &st);
  printf("    peak memory %zu KiB\n", st.peak_in_use / 1024);
  kite_free(vm);
}

int main(int argc, char **argv) {
  static const char *const gallery[][2] = {
      {"well-behaved", "import host\n"
                       "primes = [n for n in range(2, 60) if all(n % d for d in range(2, n))]\n"
                       "host.report(primes)\n"
                       "host.report(sum(primes))\n"},
      {"busy-loop", "while True:\n    pass\n"},
      {"stubborn-loop", "while True:\n"
                        "    try:\n        while True:\n            pass\n"
                        "    except BaseException:\n        pass\n"},
      {"memory-bomb", "x = []\nwhile True:\n    x.append('spam' * 1000)\n"},
      {"big-alloc", "x = [0] * (10 ** 9)\n"},
      {"reads-files", "print(open('/etc/passwd').read())\n"},
      {"imports-os", "import os\nos.system('echo pwned')\n"},
      {"exits", "import host\nhost.report('bye')\nraise SystemExit(3)\n"},
      {"recursion", "def f(n):\n    return f(n + 1)\nf(0)\n"},
      {"syntax-error", "def broken(:\n    pass\n"},
  };
  if (argc > 1) {
    for (int i = 1; i < argc; i++) run_script(argv[i], NULL, argv[i]);
    return 0;
  }
  for (size_t i = 0; i < sizeof gallery / sizeof gallery[0]; i++)
    run_script(gallery[i][0], gallery[i][1], NULL);
  return 0;
}
