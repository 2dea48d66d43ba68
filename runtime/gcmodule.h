/*
 * gcmodule: the `gc` Python module, a thin layer over gc/gc.c and the VM's GCState.
 *
 * gc.garbage and gc.callbacks are the collector's own lists (vm->gc.garbage and
 * vm->gc.callbacks, created here on first use): rebinding the module attribute does
 * not change what the collector uses, as in CPython.
 */
#ifndef KITE_RUNTIME_GCMODULE_H
#define KITE_RUNTIME_GCMODULE_H

#include "vm/vm.h"

/* New reference: a new `gc` module object. NULL with an exception on failure. */
Object *gcmodule_create(VM *vm);

#endif
