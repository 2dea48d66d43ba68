/*
 * debug: the disassembler (`kite --dis FILE`, KITE_DEBUG_TRACE_EXEC).
 */
#ifndef KITE_VM_DEBUG_H
#define KITE_VM_DEBUG_H

#include <stdio.h>
#include "vm/vm.h"
#include "vm/code.h"

/* Print code (and, recursively, the code objects among its constants). */
void debug_dis_code(VM *vm, CodeObject *co, FILE *out);
/* Print one instruction of co at index i. */
void debug_dis_instr(VM *vm, CodeObject *co, int i, FILE *out);
/* Compile the file and print its disassembly. Returns an exit status (errors are
   reported as run_file reports them). */
int debug_dis_file(VM *vm, const char *path, FILE *out);

#endif
