/*
 * builtins: the builtins module's functions, the built-in iterator types
 * (enumerate, zip, map, filter, reversed, callable_iterator) and the singleton types.
 */
#ifndef KITE_RUNTIME_BUILTINS_H
#define KITE_RUNTIME_BUILTINS_H

#include "vm/vm.h"

/* Fill the NoneType/NotImplementedType/ellipsis structs and their singletons. */
void builtins_singleton_types_init(VM *vm);
/* Fill the iterator type structs. No allocation. */
void builtins_iter_types_init(VM *vm);
/* Put every builtin name into the dict d (the builtins module's namespace). 0 / -1. */
int builtins_fill(VM *vm, Object *d);
/* Is def one of the builtins module's functions (len, print...)? Those carry no module
   object, yet their __module__ is 'builtins'. */
bool builtins_owns_def(const void *def);

#endif
