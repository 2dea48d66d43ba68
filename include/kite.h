/*
 * kite.h — embedding Kite, a Python 3 interpreter, in C programs.
 *
 * The only public header of libkite. It includes standard headers only.
 *
 * VMs. kite_new creates an independent interpreter: its own heap, types, modules and
 * collector. A process may hold any number of VMs; there is no global state. A VM may
 * be used from one thread at a time; different VMs may run on different threads at the
 * same time.
 *
 * Values. A KiteValue is a Python object. Ownership follows CPython's rules and every
 * function below says which applies:
 *   - "New reference": the caller owns the result and must kite_decref it.
 *   - "Borrowed reference": valid while its owner (named in the comment) keeps it.
 *   - Arguments are borrowed unless the function says it "steals" one.
 *
 * Errors. Functions returning a pointer return NULL on failure; functions returning
 * int return -1 (0 on success). The Python exception stays pending in the VM until
 * cleared (kite_error_clear), printed (kite_error_print) or consumed as an exit status
 * (kite_error_exit_status); kite_error_type/message/traceback only read it. Nothing
 * in this API prints unless asked to, and nothing exits the process: a script's
 * sys.exit() is a SystemExit error returned to the host.
 *
 * Threads. Any number of VMs; each VM used by one thread at a time (a VM may move
 * between threads if the host hands it over with its own synchronisation). Values
 * belong to the VM that made them and are never passed to another VM.
 *
 * Tutorial and reference: docs/embedding.md. Link with -lkite (pkg-config kite) or
 * CMake's find_package(kite) + target_link_libraries(app kite::kite).
 */
#ifndef KITE_H
#define KITE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define KITE_API __attribute__((visibility("default")))
#else
#define KITE_API
#endif

#define KITE_VERSION_MAJOR 0
#define KITE_VERSION_MINOR 1
#define KITE_VERSION_PATCH 0
#define KITE_VERSION_STRING "0.1.0"

typedef struct KiteVM KiteVM;        /* an interpreter (opaque) */
typedef struct KiteValue KiteValue;  /* a Python object (opaque) */

/* Allocation hook, realloc-style (as lua_Alloc): ptr NULL allocates nsize bytes;
   nsize 0 frees ptr (osize bytes); otherwise resizes. Return NULL on failure. */
typedef void *(*KiteAllocFn)(void *ud, void *ptr, size_t osize, size_t nsize);

/* Called about every `interrupt_interval` instructions while Python code runs; return
   non-zero to stop the script with `RuntimeError: interrupted by the host`. The stop is
   sticky: the error is raised again at every later check (so `except` clauses cannot
   swallow it) until the host's outermost kite_run_string/kite_run_file/kite_eval/
   kite_call/kite_call_method returns. The callback must not call into the VM. */
typedef int (*KiteInterruptFn)(KiteVM *vm, void *ud);

typedef struct KiteConfig {
  KiteAllocFn alloc;            /* NULL: the C library's allocator */
  void *alloc_ud;
  size_t memory_limit;          /* bytes of the VM's heap, its own ~200 KB of types and
                                   modules included; 0 = none. Above it: MemoryError */
  uint64_t instruction_limit;   /* 0 = none. Budget of each outermost kite_run_*,
                                   kite_eval or kite_call*: instructions are counted per
                                   loop iteration (the loop body's length) and per call.
                                   Exceeding it raises RuntimeError "instruction limit
                                   exceeded", sticky as for interrupts */
  KiteInterruptFn interrupt;    /* may be NULL */
  void *interrupt_ud;
  uint32_t interrupt_interval;  /* instructions between calls; 0 = 10000 */
  int sandbox;                  /* non-zero: no open(), no input(), no imports from
                                   disk; importable are only the modules granted with
                                   kite_grant_module or added by the host, sys included
                                   (else ImportError "import of 'x' is not allowed in
                                   the sandbox") */
  int argc;                     /* sys.argv */
  const char *const *argv;
  FILE *out, *err;              /* sys.stdout / sys.stderr; NULL = stdout / stderr */
  void *user_data;              /* retrieved with kite_user_data */
} KiteConfig;

/* ---- VMs -------------------------------------------------------------------------- */

/* Fill *cfg with the defaults (all zero: no limits, no sandbox, stdout/stderr). */
KITE_API void kite_config_init(KiteConfig *cfg);
/* Create a VM; cfg NULL = defaults. NULL if memory runs out. */
KITE_API KiteVM *kite_new(const KiteConfig *cfg);
/* Destroy a VM and return all of its memory to the allocator (vm may be NULL). Every
   KiteValue of that VM becomes invalid. */
KITE_API void kite_free(KiteVM *vm);
KITE_API void *kite_user_data(KiteVM *vm);
/* Library version, e.g. "0.1.0" (KITE_VERSION_STRING of the library, not the header). */
KITE_API const char *kite_version(void);

/* ---- running code ------------------------------------------------------------------- */

/* Run source code in __main__ (or in ns, a dict, when not NULL; borrowed). 0 on
   success; -1 with the exception pending (SyntaxError included). filename (NULL:
   "<string>") appears in tracebacks. kite_run_file reads path (OSError if it cannot). */
KITE_API int kite_run_string(KiteVM *vm, const char *src, const char *filename, KiteValue *ns);
KITE_API int kite_run_file(KiteVM *vm, const char *path, KiteValue *ns);
/* New reference: the value of one expression evaluated in __main__ (or ns), or NULL. */
KITE_API KiteValue *kite_eval(KiteVM *vm, const char *expr, KiteValue *ns);
/* New reference: a fresh namespace dict with __builtins__ and __name__ ("__main__")
   set, for runs isolated from __main__ and from each other. */
KITE_API KiteValue *kite_namespace_new(KiteVM *vm);

/* ---- values --------------------------------------------------------------------------- */

/* Take / release one reference. decref frees the value when the last one goes. */
KITE_API void kite_incref(KiteValue *v);
KITE_API void kite_decref(KiteVM *vm, KiteValue *v);   /* v may be NULL */

/* New references (NULL on failure). kite_str and kite_str_n take UTF-8 (n bytes, NULs
   allowed) and raise UnicodeDecodeError on invalid input. kite_list and kite_tuple
   take n borrowed items (the container adds its own references). */
KITE_API KiteValue *kite_none(KiteVM *vm);
KITE_API KiteValue *kite_bool(KiteVM *vm, int b);
KITE_API KiteValue *kite_int(KiteVM *vm, int64_t i);
KITE_API KiteValue *kite_float(KiteVM *vm, double d);
KITE_API KiteValue *kite_str(KiteVM *vm, const char *utf8);          /* NUL-terminated */
KITE_API KiteValue *kite_str_n(KiteVM *vm, const char *utf8, size_t n);
KITE_API KiteValue *kite_list(KiteVM *vm, size_t n, KiteValue *const *items);
KITE_API KiteValue *kite_tuple(KiteVM *vm, size_t n, KiteValue *const *items);
KITE_API KiteValue *kite_dict(KiteVM *vm);

/* Type checks: 1 or 0; subclasses count (so kite_is_int is 1 for True, as
   isinstance(True, int) is). Never raise. */
KITE_API int kite_is_none(KiteVM *vm, KiteValue *v);
KITE_API int kite_is_bool(KiteVM *vm, KiteValue *v);
KITE_API int kite_is_int(KiteVM *vm, KiteValue *v);
KITE_API int kite_is_float(KiteVM *vm, KiteValue *v);
KITE_API int kite_is_str(KiteVM *vm, KiteValue *v);
KITE_API int kite_is_list(KiteVM *vm, KiteValue *v);
KITE_API int kite_is_tuple(KiteVM *vm, KiteValue *v);
KITE_API int kite_is_dict(KiteVM *vm, KiteValue *v);
KITE_API int kite_is_callable(KiteVM *vm, KiteValue *v);
/* The type's name ("int", "Point"). Borrowed C string, valid while v lives. */
KITE_API const char *kite_type_name(KiteVM *vm, KiteValue *v);

/* Reading values back. Each checks the type and raises TypeError (or OverflowError)
   on a mismatch: 0 on success, -1 on error. */
KITE_API int kite_to_int(KiteVM *vm, KiteValue *v, int64_t *out);
KITE_API int kite_to_float(KiteVM *vm, KiteValue *v, double *out);    /* int or float */
KITE_API int kite_to_bool(KiteVM *vm, KiteValue *v, int *out);        /* truth value */
/* Borrowed UTF-8 (valid while v lives); *len may be NULL. NULL + TypeError if not str. */
KITE_API const char *kite_to_str(KiteVM *vm, KiteValue *v, size_t *len);
/* New reference: str(v) / repr(v). */
KITE_API KiteValue *kite_str_of(KiteVM *vm, KiteValue *v);
KITE_API KiteValue *kite_repr(KiteVM *vm, KiteValue *v);

/* Containers, with Python's semantics (negative indexes, KeyError, IndexError...).
   len: -1 on error. kite_getitem/kite_index: new references. All arguments borrowed;
   setters add their own references to key and value. */
KITE_API ptrdiff_t kite_len(KiteVM *vm, KiteValue *v);
KITE_API KiteValue *kite_getitem(KiteVM *vm, KiteValue *container, KiteValue *key);
KITE_API int kite_setitem(KiteVM *vm, KiteValue *container, KiteValue *key, KiteValue *value);
KITE_API KiteValue *kite_index(KiteVM *vm, KiteValue *seq, ptrdiff_t i);
KITE_API int kite_append(KiteVM *vm, KiteValue *list, KiteValue *item);
KITE_API int kite_dict_set(KiteVM *vm, KiteValue *dict, const char *key, KiteValue *value);
/* New reference, or NULL without an exception when the key is missing. */
KITE_API KiteValue *kite_dict_get(KiteVM *vm, KiteValue *dict, const char *key);

/* Globals of __main__. get: new reference (NULL + NameError if unbound). set: the
   value is borrowed. */
KITE_API KiteValue *kite_get_global(KiteVM *vm, const char *name);
KITE_API int kite_set_global(KiteVM *vm, const char *name, KiteValue *value);
/* Attributes. get: new reference (NULL + AttributeError). set: value borrowed. */
KITE_API KiteValue *kite_getattr(KiteVM *vm, KiteValue *obj, const char *name);
KITE_API int kite_setattr(KiteVM *vm, KiteValue *obj, const char *name, KiteValue *value);

/* Calls. New reference, or NULL with the callee's exception. args are borrowed.
   kwnames may be NULL: otherwise a NULL-terminated list of keyword names whose values
   follow the nargs positional ones in args. */
KITE_API KiteValue *kite_call(KiteVM *vm, KiteValue *callable, size_t nargs,
                              KiteValue *const *args, const char *const *kwnames);
/* New reference: obj.name(*args). */
KITE_API KiteValue *kite_call_method(KiteVM *vm, KiteValue *obj, const char *name,
                                     size_t nargs, KiteValue *const *args);

/* ---- extending ---------------------------------------------------------------------- */

/* A C function callable from Python: args are borrowed; return a new reference, or NULL
   after kite_raise. kwnames as in kite_call (NULL when no keywords). */
typedef KiteValue *(*KiteCFunction)(KiteVM *vm, void *ud, size_t nargs,
                                    KiteValue *const *args, const char *const *kwnames);

/* New reference: a builtin function object named name calling fn with ud (ud is the
   host's: Kite never frees or reads it). */
KITE_API KiteValue *kite_function_new(KiteVM *vm, const char *name, KiteCFunction fn, void *ud);
/* Bind name in __main__'s globals to a new C function. 0 / -1. */
KITE_API int kite_register(KiteVM *vm, const char *name, KiteCFunction fn, void *ud);

/* A module implemented in C: importable as `import name` once registered. */
typedef struct KiteModuleFunction {
  const char *name;
  KiteCFunction fn;
  void *ud;
} KiteModuleFunction;
/* Register a module made of the functions table (ended by an entry with name NULL;
   copied, so it may be temporary). Imports find it before the disk (never before the
   built-in modules). A registered module is also granted. 0 / -1. */
KITE_API int kite_register_module(KiteVM *vm, const char *name, const KiteModuleFunction *fns);
/* New reference: an empty module object. kite_module_add: module.name = value
   (borrowed). Its namespace is kite_getattr(module, "__dict__"), usable as the ns of
   kite_run_string to fill the module with Python code. */
KITE_API KiteValue *kite_module_new(KiteVM *vm, const char *name);
KITE_API int kite_module_add(KiteVM *vm, KiteValue *module, const char *name, KiteValue *value);
/* Make an existing module importable under name, and granted (module borrowed: the
   VM takes its own reference). */
KITE_API int kite_add_module(KiteVM *vm, const char *name, KiteValue *module);
/* Sandbox: allow importing the top-level module name ("gc", "sys", ...); its submodules
   follow. Imports from disk stay refused. No effect outside a sandbox. 0 / -1. */
KITE_API int kite_grant_module(KiteVM *vm, const char *name);

/* ---- errors ---------------------------------------------------------------------- */

/* Raise exception type_name ("ValueError", any built-in exception name, or an
   exception class defined in __main__) with a printf-formatted message. An unknown
   name raises SystemError instead. Returns NULL so C functions can
   `return kite_raise(...)`. */
KITE_API KiteValue *kite_raise(KiteVM *vm, const char *type_name, const char *fmt, ...);
/* 1 if an exception is pending. */
KITE_API int kite_error_pending(KiteVM *vm);
/* The pending exception's type name ("ZeroDivisionError"). Borrowed C string, valid
   until the exception is cleared; NULL if none. */
KITE_API const char *kite_error_type(KiteVM *vm);
/* New reference: str() of the pending exception (its message); NULL if none. */
KITE_API KiteValue *kite_error_message(KiteVM *vm);
/* New reference: the full formatted traceback text, as the kite command prints it
   (NULL if none). The exception stays pending. */
KITE_API KiteValue *kite_error_traceback(KiteVM *vm);
/* Print the pending exception with its traceback to the VM's err stream and clear it. */
KITE_API void kite_error_print(KiteVM *vm);
KITE_API void kite_error_clear(KiteVM *vm);
/* If the pending exception is SystemExit: store its exit status as the kite command
   computes it (None -> 0, an int -> that int, anything else is printed to the err
   stream -> 1), clear it and return 1. Otherwise 0, leaving any exception pending. */
KITE_API int kite_error_exit_status(KiteVM *vm, int *status);

/* ---- memory ------------------------------------------------------------------------- */

typedef struct KiteMemoryStats {
  size_t bytes_in_use;          /* live bytes of the VM's heap (what memory_limit caps) */
  size_t bytes_reserved;        /* bytes obtained from the allocator */
  size_t peak_in_use;
  size_t gc_tracked;            /* objects tracked by the cycle collector */
  size_t collections[3];        /* collections run, per generation */
} KiteMemoryStats;

KITE_API void kite_memory_stats(KiteVM *vm, KiteMemoryStats *out);
/* Run a full collection; the number of unreachable objects found, or -1. */
KITE_API ptrdiff_t kite_collect(KiteVM *vm);

#ifdef __cplusplus
}
#endif
#endif
