/*
 * timemodule: the `time` module's clocks and sleep, on POSIX clock_gettime.
 */
#include "runtime/timemodule.h"

#include <errno.h>
#include <math.h>
#include <time.h>

#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/type.h"

static int64_t clock_ns(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

#define CLOCK_FUNCS(name, id)                                                           \
  static Object *time_##name(VM *vm, Object *self, Object *const *a, size_t n,        \
                             Object *k) {                                              \
    return float_new(vm, (double)clock_ns(id) * 1e-9);                                 \
  }                                                                                     \
  static Object *time_##name##_ns(VM *vm, Object *self, Object *const *a, size_t n,   \
                                  Object *k) {                                         \
    return int_from_i64(vm, clock_ns(id));                                             \
  }
CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
#undef CLOCK_FUNCS

static Object *time_sleep(VM *vm, Object *self, Object *const *args, size_t nargs, Object *k) {
  double secs;
  if (!INT_CHECK(vm, args[0]) && !FLOAT_CHECK(vm, args[0]))
    return exc_set(vm, &vm->exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   type_name(obj_type(vm, args[0])));
  if (float_as_double(vm, args[0], &secs) < 0) return NULL;
  if (isnan(secs)) return exc_set(vm, &vm->exc_ValueError, "Invalid value NaN (not a number)");
  if (secs < 0) return exc_set(vm, &vm->exc_ValueError, "sleep length must be non-negative");
  struct timespec ts = {(time_t)secs, (long)((secs - floor(secs)) * 1e9)};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    if (vm->sigint_pending) {   /* Ctrl-C interrupts a sleep, as in CPython */
      vm->sigint_pending = 0;
      return exc_set_obj(vm, &vm->exc_KeyboardInterrupt, NULL);
    }
  }
  return vm_none(vm);
}

static const MethodDef time_functions[] = {
  {"time", time_time, METH_NOARGS, "Return the current time in seconds since the Epoch."},
  {"time_ns", time_time_ns, METH_NOARGS, "Return the current time in nanoseconds since the Epoch."},
  {"monotonic", time_monotonic, METH_NOARGS, "Monotonic clock, cannot go backward."},
  {"monotonic_ns", time_monotonic_ns, METH_NOARGS, "Monotonic clock, cannot go backward, as nanoseconds."},
  {"perf_counter", time_perf_counter, METH_NOARGS, "Performance counter for benchmarking."},
  {"perf_counter_ns", time_perf_counter_ns, METH_NOARGS, "Performance counter for benchmarking as nanoseconds."},
  {"process_time", time_process_time, METH_NOARGS, "Process time for profiling: sum of the kernel and user-space CPU time."},
  {"process_time_ns", time_process_time_ns, METH_NOARGS, "Process time for profiling as nanoseconds."},
  {"sleep", time_sleep, METH_O, "Delay execution for a given number of seconds."},
  {NULL, NULL, 0, NULL},
};

Object *time_module_create(VM *vm) {
  Object *m = module_new(vm, "time");
  if (m && module_add_functions(vm, m, time_functions) < 0) {
    obj_decref(vm, m);
    return NULL;
  }
  return m;
}
