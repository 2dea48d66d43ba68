/*
 * traceback: traceback objects and CPython 3.11's printing of uncaught exceptions.
 *
 * A traceback entry records the code object and the instruction where the exception
 * passed through a frame (CPython's tb_frame/tb_lasti, without keeping the frame
 * alive). exec_frame adds one per frame as the exception unwinds, newest innermost,
 * chained through tb_next exactly as CPython's PyTraceBack_Here does.
 */
#ifndef KITE_RUNTIME_TRACEBACK_H
#define KITE_RUNTIME_TRACEBACK_H

#include <stdio.h>
#include "vm/vm.h"
#include "vm/code.h"

typedef struct TracebackObject {
  Object ob;
  Object *next;        /* TracebackObject or NULL */
  CodeObject *code;
  int lasti;
  int lineno;
} TracebackObject;

/* Prepend an entry for (code, lasti) to the pending exception's traceback. */
void traceback_add(VM *vm, CodeObject *code, int lasti);
/* Print exc with its traceback and chained exceptions exactly as CPython 3.11's
   default excepthook does. */
void traceback_print_exception(VM *vm, Object *exc, FILE *out);
void traceback_type_init(VM *vm);

#endif
