/*
 * sysmodule: the sys module's contents and the text streams of sys.stdout/stderr.
 */
#ifndef KITE_RUNTIME_SYSMODULE_H
#define KITE_RUNTIME_SYSMODULE_H

#include <stdio.h>
#include "vm/vm.h"

/* The C stream behind a Kite text stream object, or NULL for any other object (which
   is then written to through its write method). */
FILE *sys_textio_file(VM *vm, Object *file);
/* New reference: a text stream writing to fp; name is a static string ("<stdout>"). */
Object *sys_textio_new(VM *vm, FILE *fp, const char *name);
void sys_textio_type_init(VM *vm);
void sys_version_type_init(VM *vm);
/* Fill sys's namespace d; argv (argc strings) becomes sys.argv. 0 / -1. */
int sys_fill(VM *vm, Object *d, int argc, const char *const *argv);

#endif
