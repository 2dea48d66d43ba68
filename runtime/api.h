/*
 * api: the internal side of include/kite.h (runtime/api.c) — the hooks the rest of
 * the runtime calls for the embedding features: the instruction budget and host
 * interrupts, and the sandbox's import policy.
 *
 * Ticks. The interpreter loop charges "ticks" with api_tick: the number of
 * instructions of a loop body at each backward jump (the jump distance) and one per
 * Python call; long-running builtins charge one per item or comparison. When the
 * VM's countdown runs out, api_check_interrupt settles the account: it charges the
 * host's instruction budget, calls the host's interrupt callback every
 * interrupt_interval ticks and raises RuntimeError when either says stop. Both stops
 * are sticky until the host's outermost kite_run/kite_eval/kite_call returns, so a
 * script that catches the RuntimeError fails again at its next tick.
 *
 * A VM without a budget or callback (every VM not made by kite_new) has its countdown
 * armed at INT64_MAX after the first check, so a tick costs one subtraction and a
 * never-taken branch.
 */
#ifndef KITE_RUNTIME_API_H
#define KITE_RUNTIME_API_H

#include "vm/vm.h"

/* Settle the ticks charged since the countdown was armed and re-arm it. 0 to go on;
   -1 with RuntimeError "instruction limit exceeded" or "interrupted by the host". */
int api_check_interrupt(VM *vm);

/* Charge n ticks (n >= 1). 0 to go on, -1 with RuntimeError set. Call sites: the
   loop's backward jumps (n = jump distance) and calls (n = 1); builtins that may
   run long without calling Python code (sort, sum, join, list(iterable) ...), every
   item or every few items. */
static inline int api_tick(VM *vm, int64_t n) {
  if ((vm->insn_countdown -= n) >= 0) return 0;
  return api_check_interrupt(vm);
}

/* The sandbox's import gate, for runtime/module.c: true if the top-level module name
   may be imported by a sandboxed VM's code (granted with kite_grant_module, or
   registered by the host). Otherwise false with ImportError "import of 'name' is not
   allowed in the sandbox" set. Always true outside a sandbox. */
bool api_import_allowed(VM *vm, const char *name);

#endif
