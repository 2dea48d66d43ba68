/*
 * exec: frames and the interpreter loop.
 *
 * Frames live on a per-VM data stack of chunks (vm->stack_chunk): pushing a frame is a
 * bump of vm->stack_top, popping one resets it. A frame holds its locals, cells and
 * free variables (localsplus) followed by its value stack, contiguously. Generator
 * frames live inside their generator object instead and are only linked into the
 * vm->frame chain while they run.
 *
 * A Python-to-Python call inside exec_frame pushes a frame and jumps (no C recursion);
 * only native re-entry (a C function calling Python) recurses, counted in
 * vm->recursion_depth together with the Python frames (CPython 3.11's accounting), so
 * RecursionError comes before the C stack runs out.
 *
 * Ownership: a frame owns references to its code, its function (NULL for module code),
 * its locals mapping (class bodies and modules) and every non-NULL slot below sp.
 * globals/builtins are borrowed from the function or from the caller of exec_code.
 */
#ifndef KITE_VM_EXEC_H
#define KITE_VM_EXEC_H

#include "vm/vm.h"
#include "vm/code.h"

enum { FRAME_CREATED, FRAME_SUSPENDED, FRAME_EXECUTING, FRAME_COMPLETED, FRAME_CLEARED };

struct Frame {
  Frame *previous;          /* caller (while linked) */
  CodeObject *code;
  Object *func;             /* FunctionObject or NULL */
  Object *globals, *builtins;
  Object *locals;           /* mapping for NAME ops, or NULL */
  Instr *ip;                /* next instruction (saved while not running the loop) */
  Object **sp;              /* top of the value stack (saved) */
  Object *gen;              /* owning generator (borrowed) or NULL */
  uint8_t is_entry;         /* RETURN_VALUE leaves exec_frame */
  uint8_t state;            /* FRAME_* */
  uint8_t on_datastack;
  uint32_t nslots;          /* nlocalsplus + stacksize */
  Object *localsplus[];
};

/* Bytes a frame for code needs. */
static inline size_t exec_frame_size(CodeObject *co) {
  return sizeof(Frame) + sizeof(Object *) * (size_t)(co->nlocalsplus + co->stacksize);
}
/* Initialise a frame in memory (all slots NULL). func: borrowed (a reference is taken). */
void exec_init_frame(VM *vm, Frame *f, CodeObject *co, Object *func, Object *globals,
                     Object *builtins, Object *locals);
/* Bind the call arguments (borrowed) to f's parameters, CPython's rules and messages.
   0 or -1. */
int exec_bind_args(VM *vm, Frame *f, Object *func, Object *const *args, size_t nargs,
                   Object *kwnames);
/* Release everything the frame holds. */
void exec_clear_frame(VM *vm, Frame *f);
/* Visit what a suspended frame holds (for generators). */
int exec_traverse_frame(VM *vm, Frame *f, VisitProc visit, void *arg);

/* Run f (linked as the innermost frame) until it returns or, for a generator frame,
   yields; throwflag: start by raising vm->exc in it. New reference or NULL. */
Object *exec_frame(VM *vm, Frame *f, int throwflag);
/* New reference: call a Python function. args borrowed (vectorcall convention). */
Object *exec_call_function(VM *vm, Object *func, Object *const *args, size_t nargs, Object *kwnames);
/* New reference: run code (module level) with the given globals and locals. */
Object *exec_code(VM *vm, Object *code, Object *globals, Object *locals);
/* New reference: run a class body function with locals as its namespace. */
Object *exec_call_with_locals(VM *vm, Object *func, Object *locals);
/* Borrowed: the innermost frame's globals / locals (NULL if none). */
Object *exec_frame_globals(VM *vm);
Object *exec_frame_locals(VM *vm);
int exec_super_args(VM *vm, Object **type, Object **obj);
/* Free the data stack (VM teardown). */
void exec_finish(VM *vm);
/* Current line of frame f. */
int exec_frame_line(Frame *f);

#endif
