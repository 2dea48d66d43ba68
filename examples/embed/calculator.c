/*
 * calculator: a host that gives Python scripts a few C functions and a C module.
 *
 *   calculator                 evaluates a built-in list of expressions
 *   calculator 'expr' ...      evaluates each argument
 *
 * Shows: creating a VM, registering C functions (with a user-data pointer), a module
 * written in C (`import units`), evaluating expressions, reading results back, and
 * reporting Python errors without letting them stop the host.
 *
 * Build: cc calculator.c $(pkg-config --cflags --libs kite)
 */
#include <kite.h>
#include <math.h>
#include <stdio.h>

/* The host's own state, reached from C functions through their user-data pointer. */
typedef struct Memory {
  double slots[10];
  int evaluations;
} Memory;

/* hypot(x, y) — args are borrowed; return a new reference or NULL after kite_raise. */
static KiteValue *c_hypot(KiteVM *vm, void *ud, size_t nargs, KiteValue *const *args,
                          const char *const *kwnames) {
  double x, y;
  if (nargs != 2 || kwnames)
    return kite_raise(vm, "TypeError", "hypot() takes exactly 2 positional arguments (%zu given)", nargs);
  if (kite_to_float(vm, args[0], &x) < 0 || kite_to_float(vm, args[1], &y) < 0) return NULL;
  return kite_float(vm, hypot(x, y));
}

/* store(slot, value) and recall(slot): a memory shared by every expression. */
static int slot_index(KiteVM *vm, KiteValue *v, int64_t *i) {
  if (kite_to_int(vm, v, i) < 0) return -1;
  if (*i < 0 || *i >= 10) {
    kite_raise(vm, "IndexError", "memory slot %lld out of range 0..9", (long long)*i);
    return -1;
  }
  return 0;
}

static KiteValue *c_store(KiteVM *vm, void *ud, size_t nargs, KiteValue *const *args,
                          const char *const *kwnames) {
  Memory *m = ud;
  int64_t i;
  double v;
  if (nargs != 2) return kite_raise(vm, "TypeError", "store(slot, value)");
  if (slot_index(vm, args[0], &i) < 0 || kite_to_float(vm, args[1], &v) < 0) return NULL;
  m->slots[i] = v;
  kite_incref(args[1]);   /* returning a borrowed argument: make it a new reference */
  return args[1];
}

static KiteValue *c_recall(KiteVM *vm, void *ud, size_t nargs, KiteValue *const *args,
                           const char *const *kwnames) {
  Memory *m = ud;
  int64_t i;
  if (nargs != 1) return kite_raise(vm, "TypeError", "recall(slot)");
  if (slot_index(vm, args[0], &i) < 0) return NULL;
  return kite_float(vm, m->slots[i]);
}

/* The units module: conversion functions whose factor is their user data. */
static KiteValue *c_convert(KiteVM *vm, void *ud, size_t nargs, KiteValue *const *args,
                            const char *const *kwnames) {
  double v;
  if (nargs != 1) return kite_raise(vm, "TypeError", "conversion takes 1 argument (%zu given)", nargs);
  if (kite_to_float(vm, args[0], &v) < 0) return NULL;
  return kite_float(vm, v * *(const double *)ud);
}

static const double INCH = 2.54, MILE = 1.609344, POUND = 0.45359237;

static int setup(KiteVM *vm, Memory *mem) {
  static const char *const prelude =
      "import units\n"
      "from math_helpers import *\n";
  const KiteModuleFunction units[] = {
      {"inches_to_cm", c_convert, (void *)&INCH},
      {"miles_to_km", c_convert, (void *)&MILE},
      {"pounds_to_kg", c_convert, (void *)&POUND},
      {NULL, NULL, NULL},
  };
  if (kite_register(vm, "hypot", c_hypot, NULL) < 0 || kite_register(vm, "store", c_store, mem) < 0 ||
      kite_register(vm, "recall", c_recall, mem) < 0 || kite_register_module(vm, "units", units) < 0)
    return -1;
  /* A module with Python code in it, built by the host. */
  KiteValue *helpers = kite_module_new(vm, "math_helpers");
  KiteValue *ns = helpers ? kite_getattr(vm, helpers, "__dict__") : NULL;
  int rc = ns ? kite_run_string(vm,
                                "def mean(*xs):\n    return sum(xs) / len(xs)\n"
                                "def clamp(x, lo, hi):\n    return max(lo, min(x, hi))\n",
                                "<math_helpers>", ns)
              : -1;
  if (rc == 0) rc = kite_add_module(vm, "math_helpers", helpers);
  kite_decref(vm, ns);
  kite_decref(vm, helpers);
  return rc < 0 ? -1 : kite_run_string(vm, prelude, "<prelude>", NULL);
}

/* Evaluate one expression and print "expr = value" or "expr -> Error: message". */
static void evaluate(KiteVM *vm, Memory *mem, const char *expr) {
  mem->evaluations++;
  KiteValue *v = kite_eval(vm, expr, NULL);
  if (!v) {
    KiteValue *msg = kite_error_message(vm);
    printf("%-40s -> %s: %s\n", expr, kite_error_type(vm), msg ? kite_to_str(vm, msg, NULL) : "?");
    kite_decref(vm, msg);
    kite_error_clear(vm);
    return;
  }
  KiteValue *r = kite_repr(vm, v);
  printf("%-40s = %s\n", expr, r ? kite_to_str(vm, r, NULL) : "?");
  kite_decref(vm, r);
  kite_decref(vm, v);
}

int main(int argc, char **argv) {
  static const char *const demo[] = {
      "1 + 2 * 3",
      "2 ** 64",
      "hypot(3, 4)",
      "store(0, units.miles_to_km(26.2))",
      "round(recall(0), 3)",
      "mean(1, 2, 3, 4)",
      "clamp(units.inches_to_cm(12), 0, 25)",
      "[units.pounds_to_kg(p) for p in (1, 2)]",
      "1 / 0",
      "recall(12)",
      "hypot('a', 1)",
      NULL,
  };
  Memory mem = {{0}, 0};
  KiteVM *vm = kite_new(NULL);
  if (!vm) {
    fprintf(stderr, "calculator: out of memory\n");
    return 1;
  }
  if (setup(vm, &mem) < 0) {
    kite_error_print(vm);
    kite_free(vm);
    return 1;
  }
  if (argc > 1)
    for (int i = 1; i < argc; i++) evaluate(vm, &mem, argv[i]);
  else
    for (const char *const *e = demo; *e; e++) evaluate(vm, &mem, *e);
  printf("%d expressions evaluated\n", mem.evaluations);
  kite_free(vm);
  return 0;
}
