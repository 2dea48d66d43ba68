/*
 * int: arbitrary-precision integers; bool is its subclass.
 *
 * Values in SMALL_MIN..SMALL_MAX are immediates (object.h) and never allocated. Larger
 * magnitudes are IntObject: sign in ob_size (negative = negative number), |ob_size|
 * 32-bit digits, least significant first, no leading zero digits. An exact int whose
 * value fits an immediate is never boxed; bool and user subclasses of int are always
 * boxed IntObjects (True/False hold one digit 1 / zero digits) and every function here
 * accepts them.
 */
#ifndef KITE_RUNTIME_INT_H
#define KITE_RUNTIME_INT_H

#include "vm/vm.h"

typedef struct IntObject {
  VarObject ob;        /* ob_size: signed digit count */
  uint32_t digits[];
} IntObject;

/* New reference: the int for v (an immediate when it fits). */
Object *int_from_i64(VM *vm, int64_t v);
Object *int_from_u64(VM *vm, uint64_t v);
/* New reference: int(d) for a finite double (OverflowError/ValueError otherwise, with
   CPython's messages "cannot convert float infinity to integer", "cannot convert float NaN to integer"). */
Object *int_from_double(VM *vm, double d);
/* New reference: parse an int literal/int() argument: optional whitespace, sign,
   underscores between digits, base 0 (prefix decides) or 2..36. Invalid text raises
   ValueError "invalid literal for int() with base 10: 'x'". s need not be NUL-terminated. */
Object *int_from_string(VM *vm, const char *s, size_t n, int base);
/* For int() and float() of a str with non-ASCII characters: a heap copy of s (n code
   points -> n bytes, NUL-terminated; release with heap_free(vm, p, *n + 1)) with Unicode
   decimal digits made ASCII digits, Unicode spaces ' ' and other characters '?', as
   CPython's _PyUnicode_TransformDecimalAndSpaceToASCII. NULL on MemoryError. */
char *num_ascii_text(VM *vm, Object *s, size_t *n);
/* o must be an int (any subclass). 0 on success; -1 with OverflowError ("Python int too
   large to convert to C long") when it does not fit. */
int int_as_i64(VM *vm, Object *o, int64_t *out);
/* Value as a double; OverflowError "int too large to convert to float". */
int int_as_double(VM *vm, Object *o, double *out);
/* Sign: -1, 0, 1. */
int int_sign(VM *vm, Object *o);
/* Compare two ints: -1, 0, 1. */
int int_compare(VM *vm, Object *a, Object *b);
/* New reference: decimal (base 10) or base 2/8/16 text with prefix as bin/oct/hex do. */
Object *int_to_string(VM *vm, Object *o, int base);
/* Hash as CPython: value mod (2**61 - 1), -1 mapped to -2. */
int64_t int_hash(VM *vm, Object *o);
/* New reference: an exact int equal to o (for int subclasses/bool). */
Object *int_exact(VM *vm, Object *o);
/* New reference: arithmetic on two ints (any subclasses); op is a BinOp without the
   INPLACE flag. TRUEDIV returns a float. */
Object *int_binop(VM *vm, Object *a, Object *b, int op);
/* Number of bits in |o| (int.bit_length). */
int64_t int_bit_length(VM *vm, Object *o);

/* New reference: the tuple (a // b, a % b) for two ints, with floor semantics. */
Object *int_divmod(VM *vm, Object *a, Object *b);
/* New reference: round(x, ndigits) for an int x; ndigits NULL or None gives int(x). */
Object *int_round(VM *vm, Object *x, Object *ndigits);
/* New reference: pow(a, b, mod) for three ints (a negative b needs an invertible a). */
Object *int_pow_mod(VM *vm, Object *a, Object *b, Object *mod);
/* New reference: the bool for `i op d` (op a CMP_ constant) between the int i and the
   float value d, compared exactly as CPython (2**53 + 1 != float(2**53)). */
Object *int_compare_double(VM *vm, Object *i, double d, int op);
/* New reference: the immediate or boxed int a + b, a - b for two immediates (the VM's
   BINARY_ADD/SUBTRACT fast path). Fails only on MemoryError. */
static inline Object *int_small_add(VM *vm, Object *a, Object *b) {
  int64_t r = small_value(a) + small_value(b);
  return small_fits(r) ? small_new(r) : int_from_i64(vm, r);
}
static inline Object *int_small_sub(VM *vm, Object *a, Object *b) {
  int64_t r = small_value(a) - small_value(b);
  return small_fits(r) ? small_new(r) : int_from_i64(vm, r);
}
/* Default of sys.get_int_max_str_digits() (vm->int_max_str_digits; 0 = no limit). */
#define INT_MAX_STR_DIGITS_DEFAULT 4300
/* Smallest value sys.set_int_max_str_digits() accepts besides 0. */
#define INT_MAX_STR_DIGITS_THRESHOLD 640

/* sys.get_int_max_str_digits() and sys.set_int_max_str_digits(maxdigits) as C function
   bodies for the sys module's table (METH_VARARGS): they read and write
   vm->int_max_str_digits, with CPython's checks and messages. New reference. */
Object *int_sys_get_max_str_digits(VM *vm, Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames);
Object *int_sys_set_max_str_digits(VM *vm, Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames);

void int_type_init(VM *vm);
void bool_type_init(VM *vm);
/* Create the immortal True and False (vm->true_obj, vm->false_obj) once the types are
   ready. 0 or -1. */
int bool_create_singletons(VM *vm);

#endif
