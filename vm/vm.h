/*
 * vm: the VM object. Everything mutable in Kite hangs off one VM; there is no global
 * mutable state, so any number of VMs can live in one process (one thread per VM at a
 * time).
 *
 * This header also holds the type-check helpers that need the VM (obj_type and the
 * *_CHECK functions), because immediate ints have no header to read a type from.
 *
 * Sections of struct VM are owned by the modules named in their banners; a module adds
 * its fields to its own section only.
 */
#ifndef KITE_VM_VM_H
#define KITE_VM_VM_H

#include <stdio.h>
#include "gc/heap.h"
#include "gc/gc.h"
#include "runtime/object.h"

/* Every built-in type, once. X(field) gives vm->field##_type.  */
#define KITE_BUILTIN_TYPES(X) \
  X(type) X(object) X(none) X(notimpl) X(ellipsis) X(bool) X(int) X(float) X(str) \
  X(list) X(tuple) X(dict) X(set) X(frozenset) X(range) X(slice) \
  X(function) X(method) X(builtin) X(method_descr) X(classmethod_descr) X(wrapper_descr) \
  X(getset_descr) X(member_descr) X(module) X(cell) X(code) X(frame) X(traceback) \
  X(generator) X(property) X(staticmethod) X(classmethod) X(super) \
  X(list_iter) X(list_reviter) X(tuple_iter) X(str_iter) X(range_iter) X(set_iter) \
  X(dict_keys) X(dict_values) X(dict_items) \
  X(dict_keyiter) X(dict_valueiter) X(dict_itemiter) \
  X(dict_revkeyiter) X(dict_revvalueiter) X(dict_revitemiter) \
  X(enumerate) X(zip) X(map) X(filter) X(reversed) X(seq_iter) X(callable_iter) \
  X(weakref) X(mappingproxy) X(method_wrapper) X(textio) X(namespace) X(version_info) \
  X(union) /* types.UnionType (X | Y), runtime/type.c */

/* Every built-in exception, once, with its base: X(name, base). */
#define KITE_BUILTIN_EXCEPTIONS(X) \
  X(BaseException, BaseException) /* the root: no base */ \
  X(SystemExit, BaseException) X(KeyboardInterrupt, BaseException) \
  X(GeneratorExit, BaseException) X(Exception, BaseException) \
  X(StopIteration, Exception) X(StopAsyncIteration, Exception) \
  X(ArithmeticError, Exception) X(FloatingPointError, ArithmeticError) \
  X(OverflowError, ArithmeticError) X(ZeroDivisionError, ArithmeticError) \
  X(AssertionError, Exception) X(AttributeError, Exception) X(BufferError, Exception) \
  X(EOFError, Exception) X(ImportError, Exception) X(ModuleNotFoundError, ImportError) \
  X(LookupError, Exception) X(IndexError, LookupError) X(KeyError, LookupError) \
  X(MemoryError, Exception) X(NameError, Exception) X(UnboundLocalError, NameError) \
  X(OSError, Exception) X(FileNotFoundError, OSError) X(FileExistsError, OSError) \
  X(PermissionError, OSError) X(IsADirectoryError, OSError) \
  X(NotADirectoryError, OSError) X(TimeoutError, OSError) \
  X(BlockingIOError, OSError) X(ChildProcessError, OSError) X(InterruptedError, OSError) \
  X(ProcessLookupError, OSError) X(ConnectionError, OSError) \
  X(BrokenPipeError, ConnectionError) X(ConnectionAbortedError, ConnectionError) \
  X(ConnectionRefusedError, ConnectionError) X(ConnectionResetError, ConnectionError) \
  X(ReferenceError, Exception) X(RuntimeError, Exception) \
  X(NotImplementedError, RuntimeError) X(RecursionError, RuntimeError) \
  X(SyntaxError, Exception) X(IndentationError, SyntaxError) X(TabError, IndentationError) \
  X(SystemError, Exception) X(TypeError, Exception) X(ValueError, Exception) \
  X(UnicodeError, ValueError) X(UnicodeDecodeError, UnicodeError) \
  X(UnicodeEncodeError, UnicodeError) \
  X(Warning, Exception) X(UserWarning, Warning) X(DeprecationWarning, Warning) \
  X(PendingDeprecationWarning, Warning) X(SyntaxWarning, Warning) \
  X(RuntimeWarning, Warning) X(FutureWarning, Warning) X(ImportWarning, Warning) \
  X(UnicodeWarning, Warning) X(BytesWarning, Warning) X(ResourceWarning, Warning) \
  X(EncodingWarning, Warning)

/* Interned identifiers the runtime needs often: vm->id.name is an immortal str. */
#define KITE_IDENTIFIERS(X) \
  X(__init__) X(__new__) X(__del__) X(__repr__) X(__str__) X(__format__) X(__bool__) \
  X(__len__) X(__hash__) X(__eq__) X(__ne__) X(__lt__) X(__le__) X(__gt__) X(__ge__) \
  X(__contains__) X(__iter__) X(__next__) X(__getitem__) X(__setitem__) X(__delitem__) \
  X(__call__) X(__enter__) X(__exit__) X(__getattr__) X(__getattribute__) \
  X(__setattr__) X(__delattr__) X(__get__) X(__set__) X(__delete__) X(__set_name__) \
  X(__init_subclass__) X(__class__) X(__dict__) X(__doc__) X(__name__) X(__qualname__) \
  X(__module__) X(__slots__) X(__weakref__) X(__mro__) X(__bases__) X(__base__) \
  X(__index__) X(__int__) X(__float__) X(__abs__) X(__neg__) X(__pos__) X(__invert__) \
  X(__missing__) X(__reversed__) X(__length_hint__) X(__builtins__) X(__main__) \
  X(__file__) X(__spec__) X(__all__) X(__class_getitem__) X(__annotations__) \
  X(__round__) X(__trunc__) X(__floor__) X(__ceil__) X(__dir__) X(__sizeof__) \
  X(__instancecheck__) X(__subclasscheck__) X(__mro_entries__) X(__prepare__) \
  X(__classcell__) \
  X(args) X(keys) X(items) X(values) X(send) X(throw) X(close) X(append) X(extend) \
  X(join) X(write) X(flush) X(fileno) X(encoding) X(code) X(value) X(msg) X(end) \
  X(sep) X(file) X(key) X(reverse) X(name) X(mro) X(builtins) X(metaclass) \
  X(self)

typedef struct KiteIds {
#define KITE_ID_FIELD(n) Object *n;
  KITE_IDENTIFIERS(KITE_ID_FIELD)
#undef KITE_ID_FIELD
} KiteIds;

typedef struct Frame Frame;
typedef struct ThreadExcInfo ThreadExcInfo;
struct KiteVM;   /* include/kite.h's opaque name for a VM (embedding section) */

struct VM {
  /* ---- memory (gc/) ---- */
  Heap heap;
  GCState gc;

  /* ---- built-in types and singletons (runtime/) ---- */
#define KITE_TYPE_FIELD(n) TypeObject n##_type;
  KITE_BUILTIN_TYPES(KITE_TYPE_FIELD)
#undef KITE_TYPE_FIELD
#define KITE_EXC_FIELD(n, b) TypeObject exc_##n;
  KITE_BUILTIN_EXCEPTIONS(KITE_EXC_FIELD)
#undef KITE_EXC_FIELD
  Object none_obj, notimpl_obj, ellipsis_obj;
  Object *true_obj, *false_obj;     /* immortal bool instances */
  Object *empty_tuple, *empty_str;  /* immortal */
  Object *latin1[256];              /* immortal one-character strs for code points < 256 */
  KiteIds id;
  Object *interned;                 /* dict str -> str: the intern table */

  /* ---- exceptions (runtime/exc.c) ---- */
  Object *exc;                      /* the exception being raised, or NULL (owned) */
  Object *memory_error;             /* preallocated MemoryError instance */

  /* ---- object protocol (runtime/object.c, type.c) ---- */
  uint64_t type_epoch;              /* bumped whenever any class dict or MRO changes */
  struct TypeCacheEntry {           /* type_lookup's cache: (type, interned name) -> value */
    TypeObject *type;
    Object *name;
    Object *value;                  /* borrowed from the type's dict; NULL = absent */
    uint64_t epoch;
  } type_cache[512];
  int dealloc_depth;                /* nesting of tp_dealloc calls */
  Object *dealloc_pending;          /* trashcan queue, linked through the dead objects */

  /* ---- interpreter (vm/) ---- */
  Frame *frame;                     /* innermost executing frame, or NULL */
  Object *exc_info;                 /* the exception being handled (sys.exc_info), or NULL */
  int recursion_depth;              /* Python frames plus native re-entries */
  int recursion_limit;              /* sys.setrecursionlimit, default 1000 */
  int recursion_headroom;           /* > 0 while a RecursionError is being raised */
  struct ExecChunk *stack_chunk;    /* vm/exec.c: data-stack chunk holding the newest frames */
  char *stack_top, *stack_limit;    /* vm/exec.c: free space in stack_chunk */
  Object *(*module_finder)(VM *vm, const char *name, void *ud); /* runtime/module.c: host modules */
  void *module_finder_ud;
  Object *builtins;                 /* dict: the builtins module's namespace */
  Object *builtins_module;
  Object *modules;                  /* dict: sys.modules */
  Object *sys_module;
  Object *sys_dict;                 /* sys's namespace (print reads sys.stdout there) */
  Object *main_dict;                /* __main__'s namespace */
  Object *path;                     /* list: sys.path (directories searched by import) */
  Object *argv;                     /* list: sys.argv */
  Object *stdout_obj, *stderr_obj;  /* sys.stdout / sys.stderr (file-like objects) */
  FILE *out, *err;                  /* where the default stdout/stderr objects write */
  int exit_code;                    /* set by SystemExit handling at top level */
  volatile int sigint_pending;      /* vm/main.c's SIGINT handler sets it; the loop raises KeyboardInterrupt */
  bool sandbox;                     /* embedding: no files, environment or process access */
  void *user_data;                  /* embedding: the host's pointer */

  /* ---- per-type caches (owned by each type's file) ---- */
  void *float_freelist;             /* runtime/float.c */
  int float_freelist_len;
  int int_max_str_digits;           /* runtime/int.c: sys.set_int_max_str_digits (0 = no limit) */
  void *tuple_freelists[20];        /* runtime/tuple.c: by size */
  int tuple_freelist_len[20];
  Object **repr_stack;              /* runtime/list.c: objects inside repr (Py_ReprEnter); raw heap array, freed when empty */
  int repr_depth, repr_cap;
  Object set_dummy;                 /* runtime/set.c: marker key of deleted set entries, compared by address only */
  Object *small_ints_scratch;       /* unused; reserved */

  /* ---- strings (runtime/str.c) ---- */
  Object **intern_table;            /* open-addressing set of the immortal interned strs */
  size_t intern_cap, intern_used;   /* slots (a power of two, or 0) and live entries */

  /* ---- embedding (runtime/api.c; the loop only decrements insn_countdown) ---- */
  TypeObject kitefunc_type;         /* host C functions; readied by kite_new, cleared by kite_free */
  Object *host_modules;             /* dict name -> module registered by the host, or NULL */
  Object *granted;                  /* dict name -> True: top-level modules a sandbox may import */
  volatile int64_t insn_countdown;         /* ticks left until api_check_interrupt (api_tick) */
  int64_t insn_period;              /* value insn_countdown was last armed with */
  uint64_t insn_used, insn_limit;   /* ticks charged in this host call / budget (0 = none) */
  int (*interrupt_fn)(struct KiteVM *vm, void *ud);   /* host's interrupt callback or NULL */
  void *interrupt_ud;
  uint32_t interrupt_interval;      /* ticks between interrupt_fn calls */
  bool interrupted;                 /* sticky until the host call returns */
  int host_depth;                   /* nesting of kite_run/eval/call entries */
};

/* ---- type checks ------------------------------------------------------------ */

/* Borrowed reference (types live as long as the VM or their instances): o's type. */
static inline TypeObject *obj_type(VM *vm, Object *o) {
  return obj_is_small(o) ? &vm->int_type : o->ob_type;
}
static inline bool type_is_subtype_flag(TypeObject *t, uint32_t flag) {
  return (t->tp_flags & flag) != 0;
}
/* True if a is b or a subclass of b (walks the MRO). */
bool type_is_subtype(TypeObject *a, TypeObject *b);

static inline bool INT_CHECK(VM *vm, Object *o) {
  return obj_is_small(o) || (o->ob_type->tp_flags & TYPE_FLAG_INT_SUBCLASS);
}
static inline bool INT_CHECK_EXACT(VM *vm, Object *o) {
  return obj_is_small(o) || o->ob_type == &vm->int_type;
}
static inline bool BOOL_CHECK(VM *vm, Object *o) {
  return o == vm->true_obj || o == vm->false_obj;
}
#define KITE_EXACT_CHECK(NAME, field)                                     \
  static inline bool NAME##_CHECK_EXACT(VM *vm, Object *o) {              \
    return !obj_is_small(o) && o->ob_type == &vm->field##_type;           \
  }
KITE_EXACT_CHECK(FLOAT, float)
KITE_EXACT_CHECK(STR, str)
KITE_EXACT_CHECK(LIST, list)
KITE_EXACT_CHECK(TUPLE, tuple)
KITE_EXACT_CHECK(DICT, dict)
KITE_EXACT_CHECK(SET, set)
KITE_EXACT_CHECK(FROZENSET, frozenset)
KITE_EXACT_CHECK(FUNCTION, function)
KITE_EXACT_CHECK(TYPE, type)
#undef KITE_EXACT_CHECK
#define KITE_FLAG_CHECK(NAME, flag)                                       \
  static inline bool NAME##_CHECK(VM *vm, Object *o) {                    \
    return !obj_is_small(o) && (o->ob_type->tp_flags & (flag));           \
  }
KITE_FLAG_CHECK(STR, TYPE_FLAG_STR_SUBCLASS)
KITE_FLAG_CHECK(LIST, TYPE_FLAG_LIST_SUBCLASS)
KITE_FLAG_CHECK(TUPLE, TYPE_FLAG_TUPLE_SUBCLASS)
KITE_FLAG_CHECK(DICT, TYPE_FLAG_DICT_SUBCLASS)
KITE_FLAG_CHECK(EXC, TYPE_FLAG_EXC_SUBCLASS)
KITE_FLAG_CHECK(TYPE, TYPE_FLAG_TYPE_SUBCLASS)
#undef KITE_FLAG_CHECK
static inline bool FLOAT_CHECK(VM *vm, Object *o) {
  return !obj_is_small(o) && type_is_subtype(o->ob_type, &vm->float_type);
}
static inline bool SET_CHECK(VM *vm, Object *o) {   /* set, frozenset or a subclass */
  return !obj_is_small(o) && (type_is_subtype(o->ob_type, &vm->set_type) ||
                              type_is_subtype(o->ob_type, &vm->frozenset_type));
}

/* Singletons: borrowed references (immortal). */
#define VM_NONE(vm) (&(vm)->none_obj)
#define VM_NOTIMPL(vm) (&(vm)->notimpl_obj)
/* New reference to True or False. */
static inline Object *vm_bool(VM *vm, bool b) {
  Object *r = b ? vm->true_obj : vm->false_obj;
  obj_incref(r);
  return r;
}
/* New reference to None. */
static inline Object *vm_none(VM *vm) {
  obj_incref(&vm->none_obj);
  return &vm->none_obj;
}

/* ---- VM lifecycle (vm.c) ------------------------------------------------------ */

typedef struct VMOptions {
  HeapAllocFn alloc;      /* NULL: the C library */
  void *alloc_ud;
  size_t memory_limit;    /* 0: none */
  bool sandbox;
  FILE *out, *err;        /* NULL: stdout / stderr */
  int argc;               /* sys.argv (argc 0: [''] as CPython's REPL) */
  const char *const *argv;
} VMOptions;

/* Create a VM: heap, types, builtins, sys. NULL if memory runs out. */
VM *vm_new(const VMOptions *opts);
/* Tear the VM down and return all of its memory to the allocator hook. */
void vm_free(VM *vm);

#endif
