/*
 * float: IEEE-754 doubles, with CPython's repr (shortest round-trip) and formatting.
 */
#ifndef KITE_RUNTIME_FLOAT_H
#define KITE_RUNTIME_FLOAT_H

#include "vm/vm.h"

typedef struct FloatObject {
  Object ob;
  double value;
} FloatObject;

/* New reference: float_new when the free list is empty. */
Object *float_new_slow(VM *vm, double v);
/* New reference: a float with value v, from the VM's free list when it can (inline
   because float arithmetic allocates one result per operation). */
static inline Object *float_new(VM *vm, double v) {
  FloatObject *f = (FloatObject *)vm->float_freelist;
  if (!f) return float_new_slow(vm, v);
  vm->float_freelist = (void *)f->ob.ob_type;   /* free entries link through ob_type */
  vm->float_freelist_len--;
  f->ob.ob_refcnt = 1;
  f->ob.ob_gc = 0;
  f->ob.ob_type = &vm->float_type;
  f->value = v;
  return (Object *)f;
}
static inline double float_value(Object *o) { return ((FloatObject *)o)->value; }
/* Convert an int or float (or __float__/__index__) to double. 0 or -1. */
int float_as_double(VM *vm, Object *o, double *out);
/* Write repr(v) (e.g. "0.1", "1e+16", "inf", "nan") into buf (at least 32 bytes);
   returns the length. */
int float_repr_buf(double v, char *buf);
/* Hash as CPython's (ints and equal floats hash alike). */
int64_t float_hash_double(double v);
/* New reference: format(v, spec) with the mini-language (spec borrowed, may be empty). */
Object *float_format(VM *vm, double v, Object *spec);

/* New reference: the tuple (a // b, a % b) for ints or floats, at least one a float. */
Object *float_divmod(VM *vm, Object *a, Object *b);
/* New reference: round(x, ndigits): ndigits NULL or None gives an int (half to even),
   otherwise a float correctly rounded to ndigits decimal places, as CPython. */
Object *float_round(VM *vm, double x, Object *ndigits);
/* Parse float(text): whitespace, underscores between digits, inf/infinity/nan in any
   case. ValueError "could not convert string to float: 'x'" otherwise. 0 or -1. */
int float_from_string(VM *vm, Object *s, double *out);
/* Return the float free list to the heap (vm_free, gc.collect). */
void float_freelist_clear(VM *vm);

void float_type_init(VM *vm);

#endif
