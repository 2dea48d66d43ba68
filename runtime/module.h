/*
 * module: module objects and the import system.
 *
 * A module is a namespace dict with a name. Import looks in vm->modules (sys.modules)
 * first, then in the registry of built-in modules (create functions such as
 * gcmodule_create, plus the host's), then for NAME.py in the directories of sys.path
 * (the main script's directory first). A user module runs with __name__ = its name;
 * the main script with "__main__".
 */
#ifndef KITE_RUNTIME_MODULE_H
#define KITE_RUNTIME_MODULE_H

#include "vm/vm.h"

typedef struct ModuleObject {
  Object ob;
  Object *dict;       /* the namespace */
  Object *name;       /* str */
} ModuleObject;

/* Create function of a built-in module. New reference. */
typedef Object *(*ModuleCreateFn)(VM *vm);

/* New reference: an empty module named name (its dict holds __name__, __doc__ None,
   __package__ None, __loader__ None, __spec__ None). */
Object *module_new(VM *vm, const char *name);
/* Borrowed reference (alive with the module): the namespace dict. */
static inline Object *module_dict(Object *m) { return ((ModuleObject *)m)->dict; }
/* Add builtin functions bound to the module. 0 or -1. */
int module_add_functions(VM *vm, Object *mod, const MethodDef *defs);
/* mod.name = o (borrowed). 0 or -1. */
int module_add_object(VM *vm, Object *mod, const char *name, Object *o);
/* Hook for host-registered modules: consulted after the built-in table. The function
   returns a new module for name, NULL without an exception if it has none, or NULL
   with an exception. Stored in the VM (module_set_host_finder). */
typedef Object *(*ModuleFinder)(VM *vm, const char *name, void *ud);
void module_set_host_finder(VM *vm, ModuleFinder fn, void *ud);

/* The IMPORT_NAME instruction: __import__(name, globals, fromlist, level). New reference. */
Object *module_import(VM *vm, Object *name, Object *globals, Object *fromlist, int level);
/* Import a module by dotted name (import statement semantics, returns the leaf). */
Object *module_import_cstr(VM *vm, const char *name);
/* IMPORT_FROM: module.name, or the submodule, or ImportError. New reference. */
Object *module_import_from(VM *vm, Object *module, Object *name);
/* from module import *: copy the public names (or __all__) into locals. 0 or -1. */
int module_import_star(VM *vm, Object *module, Object *locals);
/* Run source text as module `name` (registered in sys.modules first). New reference to
   the module or NULL. filename: for tracebacks. */
Object *module_exec_file(VM *vm, const char *name, const char *path);
void module_type_init(VM *vm);

#endif
