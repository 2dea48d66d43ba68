/*
 * timemodule: the `time` Python module — clocks (time, monotonic, perf_counter,
 * process_time and their _ns forms) and sleep. Calendar functions (localtime,
 * strftime...) are left out.
 */
#ifndef KITE_RUNTIME_TIMEMODULE_H
#define KITE_RUNTIME_TIMEMODULE_H

#include "vm/vm.h"

/* New reference: a new `time` module object. NULL with an exception on failure. */
Object *time_module_create(VM *vm);

#endif
