/*
 * mathmodule: the `math` Python module (CPython 3.11's functions, constants and error
 * messages: ValueError "math domain error", OverflowError "math range error").
 */
#ifndef KITE_RUNTIME_MATHMODULE_H
#define KITE_RUNTIME_MATHMODULE_H

#include "vm/vm.h"

/* New reference: a new `math` module object. NULL with an exception on failure. */
Object *math_module_create(VM *vm);

#endif
