/*
 * traceback: traceback objects and CPython 3.11's printing of uncaught exceptions.
 *
 * A traceback entry records the code object, the globals and the instruction where
 * the exception passed through a frame (CPython's tb_frame/tb_lasti, without keeping
 * the frame alive: tb_frame is a frame object rebuilt from them). exec_frame adds one
 * per frame as the exception unwinds, newest innermost, chained through tb_next
 * exactly as CPython's PyTraceBack_Here does.
 */
#ifndef KITE_RUNTIME_TRACEBACK_H
#define KITE_RUNTIME_TRACEBACK_H

#include <stdbool.h>
#include <stdio.h>
#include "vm/vm.h"
#include "vm/code.h"

typedef struct TracebackObject {
  Object ob;
  Object *next;        /* TracebackObject or NULL */
  CodeObject *code;
  Object *globals;     /* the frame's globals (for tb_frame), or NULL */
  Object *frame;       /* the FrameObject tb_frame returned, made on first use, or NULL */
  int lasti;
  int lineno;
} TracebackObject;

/* Prepend an entry for (code, lasti) of the innermost frame (vm->frame) to the
   pending exception's traceback. */
void traceback_add(VM *vm, CodeObject *code, int lasti);

/* Frame objects (type `frame`): what Python code sees of a frame. Kite's frames live
   on the data stack and die with their call, so a frame object is a snapshot taken
   when it is asked for: code, globals, locals (a dict copy of a function's fast
   locals; the namespace itself for module and class bodies), line and caller. A
   generator's frame object keeps the generator and reads its line live. */
typedef struct FrameObject {
  Object ob;
  CodeObject *code;
  Object *globals;
  Object *locals;      /* dict, or NULL (None) when unknown (a finished frame) */
  Object *back;        /* FrameObject of the caller, or NULL */
  Object *gen;         /* the generator owning the frame, or NULL */
  int lineno;
} FrameObject;

/* New reference: a frame object for the live frame f (gen: its generator, or NULL),
   with f_back objects for every caller when with_back. NULL on error. */
Object *frame_object_new(VM *vm, Frame *f, Object *gen, bool with_back);

/* Print exc with its traceback and chained exceptions exactly as CPython 3.11's
   default excepthook does. */
void traceback_print_exception(VM *vm, Object *exc, FILE *out);
void traceback_type_init(VM *vm);

#endif
