/*
 * format: the format-spec mini-language shared by str, int and float (format(),
 * __format__, f-strings), printf-style `%` formatting, and str.format / format_map.
 *
 * Everything follows CPython 3.11's Python/formatter_unicode.c, Objects/unicodeobject.c
 * (PyUnicode_Format) and Objects/stringlib/unicode_format.h, messages included. Float
 * digits come from the C library's snprintf (glibc's is correctly rounded) and, for the
 * shortest round-trip repr, from float_repr_buf; int digits from int_to_string.
 *
 * All functions return a new reference, or NULL with an exception set. Arguments are
 * borrowed. A spec argument may be NULL, meaning the empty spec.
 */
#ifndef KITE_RUNTIME_FORMAT_H
#define KITE_RUNTIME_FORMAT_H

#include "vm/vm.h"

/* format(s, spec) for a str (or subclass): types 's' and none. */
Object *format_str(VM *vm, Object *s, Object *spec);
/* format(value, spec) for an int (or subclass, bool included): types b c d o x X n,
   none, and e E f F g G % through float. The empty spec gives str(value). */
Object *format_int(VM *vm, Object *value, Object *spec);
/* format(v, spec) for a float value: types e E f F g G n % and none (repr-like). */
Object *format_float(VM *vm, double v, Object *spec);
/* str.format(*args, **kwargs) with the vectorcall argument convention. */
Object *format_str_format(VM *vm, Object *fmt, Object *const *args, size_t nargs,
                          Object *kwnames);
/* str.format_map(mapping). */
Object *format_str_format_map(VM *vm, Object *fmt, Object *mapping);
/* (str_percent_format, declared in str.h, is implemented in format.c too.) */

#endif
