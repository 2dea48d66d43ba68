/*
 * descr: property, staticmethod, classmethod, super, mappingproxy and namespace.
 */
#ifndef KITE_RUNTIME_DESCR_H
#define KITE_RUNTIME_DESCR_H

#include "vm/vm.h"

/* New reference: a read-only view of mapping (borrowed). */
Object *mappingproxy_new(VM *vm, Object *mapping);
/* New reference: a namespace whose attributes live in dict (borrowed; NULL = new). */
Object *namespace_new(VM *vm, Object *dict);
/* Fill the structs of property, staticmethod, classmethod, super, mappingproxy and
   namespace (no allocation). */
void descr_types_init_py(VM *vm);

#endif
