/*
 * gen: generator objects (PEP 255/342/380/479).
 *
 * A generator owns its frame (allocated inside the object, not on the data stack) and
 * runs it by re-entering exec_frame, linked under the caller's frame. The frame is
 * cleared when the generator finishes. Generators are GC tracked and traverse their
 * suspended frame.
 */
#ifndef KITE_RUNTIME_GEN_H
#define KITE_RUNTIME_GEN_H

#include "vm/vm.h"

/* New reference: a generator for calling func (a generator function) with args. */
Object *gen_new(VM *vm, Object *func, Object *const *args, size_t nargs, Object *kwnames);
/* Send v (borrowed) into the generator or iterator sub, as `yield from` does:
   0 = it yielded *result, 1 = it finished and *result is its return value,
   -1 = error (exception set). *result is a new reference. */
int gen_send_any(VM *vm, Object *sub, Object *v, Object **result);
/* The generator's frame while it has not finished (borrowed, alive while the
   generator is), else NULL. gen must be a generator. */
Frame *gen_live_frame(Object *gen);
void gen_type_init(VM *vm);

#endif
