/*
 * module: module objects and import (see module.h).
 *
 * Lookup order for `import a.b`: sys.modules, the built-in table, the host finder,
 * then a.py / a/__init__.py in each sys.path directory (for a submodule: in the
 * package's __path__). A module is entered into sys.modules before its body runs
 * (circular imports see the partial module) and removed again if the body fails.
 */
#include "runtime/module.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "parser/parse.h"
#include "runtime/api.h"   // for api_import_allowed()
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gcmodule.h"
#include "runtime/list.h"
#include "runtime/mathmodule.h"
#include "runtime/timemodule.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/compile.h"
#include "vm/exec.h"

typedef struct BuiltinModule {
  const char *name;
  ModuleCreateFn create;
} BuiltinModule;

static const BuiltinModule builtin_modules[] = {
    {"gc", gcmodule_create},
    {"math", math_module_create},
    {"time", time_module_create},
    {NULL, NULL},
};

/* ---- the module object ------------------------------------------------------------ */

Object *module_new(VM *vm, const char *name) {
  ModuleObject *m = (ModuleObject *)obj_alloc(vm, &vm->module_type, 0);
  if (!m) return NULL;
  m->dict = dict_new(vm);
  m->name = str_from_cstr(vm, name);
  if (!m->dict || !m->name) {
    obj_decref(vm, (Object *)m);
    return NULL;
  }
  gc_track(vm, (Object *)m);
  if (dict_setitem(vm, m->dict, vm->id.__name__, m->name) < 0 ||
      dict_setitem(vm, m->dict, vm->id.__doc__, VM_NONE(vm)) < 0 ||
      dict_setitem_cstr(vm, m->dict, "__package__", VM_NONE(vm)) < 0 ||
      dict_setitem_cstr(vm, m->dict, "__loader__", VM_NONE(vm)) < 0 ||
      dict_setitem(vm, m->dict, vm->id.__spec__, VM_NONE(vm)) < 0) {
    obj_decref(vm, (Object *)m);
    return NULL;
  }
  return (Object *)m;
}

int module_add_functions(VM *vm, Object *mod, const MethodDef *defs) {
  for (; defs->name; defs++) {
    Object *f = builtin_new(vm, defs, mod);
    if (!f) return -1;
    int r = dict_setitem_cstr(vm, module_dict(mod), defs->name, f);
    obj_decref(vm, f);
    if (r < 0) return -1;
  }
  return 0;
}

int module_add_object(VM *vm, Object *mod, const char *name, Object *o) {
  return dict_setitem_cstr(vm, module_dict(mod), name, o);
}

void module_set_host_finder(VM *vm, ModuleFinder fn, void *ud) {
  vm->module_finder = fn;
  vm->module_finder_ud = ud;
}

static int module_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  ModuleObject *m = (ModuleObject *)self;
  return m->dict ? visit(vm, m->dict, arg) : 0;
}

static int module_clear(VM *vm, Object *self) {
  OBJ_CLEAR(vm, ((ModuleObject *)self)->dict);
  return 0;
}

static void module_dealloc(VM *vm, Object *self) {
  ModuleObject *m = (ModuleObject *)self;
  gc_untrack(vm, self);
  OBJ_CLEAR(vm, m->dict);
  OBJ_CLEAR(vm, m->name);
  obj_free(vm, self, sizeof(ModuleObject));
}

static Object *module_repr(VM *vm, Object *self) {
  ModuleObject *m = (ModuleObject *)self;
  Object *file = m->dict ? dict_getitem_str(vm, m->dict, vm->id.__file__) : NULL;
  if (file && STR_CHECK(vm, file)) return str_from_format(vm, "<module %R from %R>", m->name, file);
  return str_from_format(vm, "<module %R (built-in)>", m->name);
}

static Object *module_getattro(VM *vm, Object *self, Object *name) {
  Object *r = obj_generic_getattr(vm, self, name);
  if (r || !exc_matches(vm, &vm->exc_AttributeError)) return r;
  ModuleObject *m = (ModuleObject *)self;
  Object *ga = m->dict ? dict_getitem_str(vm, m->dict, vm->id.__getattr__) : NULL;
  if (ga) {
    exc_clear(vm);
    return obj_call1(vm, ga, name);
  }
  exc_clear(vm);
  exc_set(vm, &vm->exc_AttributeError, "module '%U' has no attribute '%U'", m->name, name);
  if (vm->exc) {
    BaseExceptionObject *e = (BaseExceptionObject *)vm->exc;
    if (!e->name) e->name = obj_newref(name);
    if (!e->obj) e->obj = obj_newref(self);
  }
  return NULL;
}

static Object *module_get_dict(VM *vm, Object *self, void *c) {
  return obj_newref(((ModuleObject *)self)->dict);
}

static const GetSetDef module_getset[] = {
    {"__dict__", module_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

void module_type_init(VM *vm) {
  TypeObject *t = &vm->module_type;
  type_init_builtin(vm, t, "module", NULL, sizeof(ModuleObject), 0, TYPE_FLAG_GC | TYPE_FLAG_BASETYPE);
  t->tp_dealloc = module_dealloc;
  t->tp_traverse = module_traverse;
  t->tp_clear = module_clear;
  t->tp_repr = module_repr;
  t->tp_getattro = module_getattro;
  t->tp_setattro = obj_generic_setattr;
  t->tp_dictoffset = offsetof(ModuleObject, dict);
  t->tp_getset = module_getset;
}

/* ---- loading ------------------------------------------------------------------------- */

static bool is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static Object *read_source(VM *vm, const char *path, size_t *len, char **buf_out, size_t *cap_out) {
  FILE *f = fopen(path, "rb");
  if (!f) return exc_set(vm, &vm->exc_OSError, "cannot read %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = heap_alloc(vm, (size_t)n + 1);
  if (!buf) {
    fclose(f);
    return NULL;
  }
  size_t got = fread(buf, 1, (size_t)n, f);
  fclose(f);
  buf[got] = 0;
  *len = got;
  *buf_out = buf;
  *cap_out = (size_t)n + 1;
  return VM_NONE(vm);
}

/* Raise the SyntaxError described by err (a parse error of an imported module). */
static void raise_parse_error(VM *vm, const SyntaxErrorInfo *err, const char *path) {
  Object *msg = str_from_cstr(vm, err->msg);
  Object *fn = str_from_cstr(vm, path);
  Object *text = str_from_cstr(vm, err->text);
  Object *det = msg && fn && text ? tuple_pack(vm, 6, fn, small_new(err->lineno), small_new(err->col_offset), text,
                                               small_new(err->end_lineno), small_new(err->end_col_offset)) : NULL;
  Object *args[2] = {msg, det};
  Object *e = det ? exc_new(vm, &vm->exc_SyntaxError, args, 2) : NULL;
  if (e) {
    BaseExceptionObject *be = (BaseExceptionObject *)e;
    if (!be->msg) be->msg = obj_newref(msg);
    if (!be->filename) be->filename = obj_newref(fn);
    if (!be->lineno) be->lineno = small_new(err->lineno);
    if (!be->offset) be->offset = small_new(err->col_offset);
    if (!be->end_lineno) be->end_lineno = small_new(err->end_lineno);
    if (!be->end_offset) be->end_offset = small_new(err->end_col_offset);
    if (!be->text) be->text = obj_newref(text);
    exc_restore(vm, e);
  }
  obj_xdecref(vm, msg);
  obj_xdecref(vm, fn);
  obj_xdecref(vm, text);
  obj_xdecref(vm, det);
}

Object *module_exec_file(VM *vm, const char *name, const char *path) {
  size_t len = 0, cap = 0;
  char *src = NULL;
  if (!read_source(vm, path, &len, &src, &cap)) return NULL;
  Arena *arena = ast_arena_new(vm);
  if (!arena) {
    heap_free(vm, src, cap);
    return NULL;
  }
  SyntaxErrorInfo err;
  memset(&err, 0, sizeof err);
  Mod *mod = parse_source(vm, arena, src, len, path, PARSE_FILE, &err);
  heap_free(vm, src, cap);
  Object *code = NULL;
  if (!mod) {
    if (!exc_occurred(vm)) raise_parse_error(vm, &err, path);
  } else {
    code = comp_compile(vm, mod, arena, path, COMP_EXEC);
  }
  ast_arena_free(arena);
  if (!code) return NULL;
  Object *m = module_new(vm, name);
  Object *file = str_from_cstr(vm, path);
  if (!m || !file || dict_setitem(vm, module_dict(m), vm->id.__file__, file) < 0 ||
      (vm->builtins_module && dict_setitem(vm, module_dict(m), vm->id.__builtins__, vm->builtins_module) < 0) ||
      dict_setitem(vm, vm->modules, ((ModuleObject *)m)->name, m) < 0) {
    obj_xdecref(vm, m);
    obj_xdecref(vm, file);
    obj_decref(vm, code);
    return NULL;
  }
  obj_decref(vm, file);
  Object *r = exec_code(vm, code, module_dict(m), module_dict(m));
  obj_decref(vm, code);
  if (!r) {
    Object *e = exc_fetch(vm);
    if (dict_delitem(vm, vm->modules, ((ModuleObject *)m)->name) < 0) exc_clear(vm);
    exc_restore(vm, e);
    obj_decref(vm, m);
    return NULL;
  }
  obj_decref(vm, r);
  /* the module may have replaced itself in sys.modules */
  Object *final = dict_getitem(vm, vm->modules, ((ModuleObject *)m)->name);
  if (final && final != m) {
    obj_incref(final);
    obj_decref(vm, m);
    return final;
  }
  return m;
}

/* Find fullname (whose last component is `last`) in the directories of path (a list
   of str). New reference; NULL without exception when not found. */
static Object *load_from_path(VM *vm, const char *fullname, const char *last, Object *path) {
  if (!path || !LIST_CHECK(vm, path)) return NULL;
  char buf[4096];
  for (ssize_t i = 0; i < LIST_SIZE(path); i++) {
    Object *dir = LIST_ITEMS(path)[i];
    if (!STR_CHECK(vm, dir)) continue;
    const char *d = str_utf8(dir);
    const char *sep = *d ? "/" : "";
    snprintf(buf, sizeof buf, "%s%s%s/__init__.py", d, sep, last);
    if (is_file(buf)) {
      Object *m = module_new(vm, fullname);
      if (!m) return NULL;
      /* packages: load __init__ with __path__ set */
      obj_decref(vm, m);
      Object *mod = module_exec_file(vm, fullname, buf);
      if (!mod) return NULL;
      char pdir[4096];
      snprintf(pdir, sizeof pdir, "%s%s%s", d, sep, last);
      Object *pd = str_from_cstr(vm, pdir);
      Object *pl = pd ? list_from_array(vm, &pd, 1) : NULL;
      obj_xdecref(vm, pd);
      if (!pl || dict_setitem_cstr(vm, module_dict(mod), "__path__", pl) < 0) {
        obj_xdecref(vm, pl);
        obj_decref(vm, mod);
        return NULL;
      }
      obj_decref(vm, pl);
      return mod;
    }
    snprintf(buf, sizeof buf, "%s%s%s.py", d, sep, last);
    if (is_file(buf)) return module_exec_file(vm, fullname, buf);
  }
  return NULL;
}

static Object *not_found(VM *vm, const char *name) {
  exc_set(vm, &vm->exc_ModuleNotFoundError, "No module named '%s'", name);
  if (vm->exc) {
    BaseExceptionObject *e = (BaseExceptionObject *)vm->exc;
    if (!e->name) e->name = str_from_cstr(vm, name);
  }
  return NULL;
}

/* Import one fully qualified module whose parent (if any) is already imported.
   New reference. */
static Object *import_one(VM *vm, const char *fullname, Object *parent) {
  if (!parent && !api_import_allowed(vm, fullname)) return NULL;   /* embedding: sandbox gate */
  Object *m = dict_getitem_cstr(vm, vm->modules, fullname);
  if (m) return m == VM_NONE(vm) ? not_found(vm, fullname) : obj_newref(m);
  const char *dot = strrchr(fullname, '.');
  const char *last = dot ? dot + 1 : fullname;
  Object *path = vm->path;
  if (parent) {
    path = dict_getitem_cstr(vm, module_dict(parent), "__path__");
    if (!path) return not_found(vm, fullname);
  } else {
    for (const BuiltinModule *b = builtin_modules; b->name; b++) {
      if (strcmp(b->name, fullname) != 0) continue;
      m = b->create(vm);
      if (!m) return NULL;
      if (dict_setitem_cstr(vm, vm->modules, fullname, m) < 0) {
        obj_decref(vm, m);
        return NULL;
      }
      return m;
    }
    if (vm->module_finder) {
      m = vm->module_finder(vm, fullname, vm->module_finder_ud);
      if (m) {
        if (dict_setitem_cstr(vm, vm->modules, fullname, m) < 0) {
          obj_decref(vm, m);
          return NULL;
        }
        return m;
      }
      if (exc_occurred(vm)) return NULL;
    }
  }
  if (vm->sandbox) return not_found(vm, fullname);
  m = load_from_path(vm, fullname, last, path);
  if (!m && !exc_occurred(vm)) return not_found(vm, fullname);
  if (m && parent && dict_setitem_cstr(vm, module_dict(parent), last, m) < 0) {
    obj_decref(vm, m);
    return NULL;
  }
  return m;
}

/* Import a dotted name; returns the top-level module (top) and the leaf (new refs). */
static int import_dotted(VM *vm, const char *name, Object **top, Object **leaf) {
  char buf[1024];
  Object *parent = NULL, *first = NULL;
  size_t n = strlen(name);
  if (n >= sizeof buf) {
    not_found(vm, name);
    return -1;
  }
  for (size_t i = 0; i <= n; i++) {
    if (name[i] != '.' && name[i] != 0) continue;
    memcpy(buf, name, i);
    buf[i] = 0;
    Object *m = import_one(vm, buf, parent);
    if (!m) {
      obj_xdecref(vm, parent);
      obj_xdecref(vm, first);
      return -1;
    }
    if (!first) first = obj_newref(m);
    obj_xdecref(vm, parent);
    parent = m;
  }
  *top = first;
  *leaf = parent;
  return 0;
}

/* The absolute name for a relative import from globals. New reference. */
static Object *resolve_name(VM *vm, Object *name, Object *globals, int level) {
  Object *pkg = dict_getitem_cstr(vm, globals, "__package__");
  Object *base = NULL;
  if (pkg && STR_CHECK(vm, pkg)) {
    base = obj_newref(pkg);
  } else {
    Object *modname = dict_getitem_str(vm, globals, vm->id.__name__);
    if (!modname || !STR_CHECK(vm, modname))
      return exc_set(vm, &vm->exc_ImportError, "attempted relative import with no known parent package");
    if (dict_getitem_cstr(vm, globals, "__path__")) {
      base = obj_newref(modname);
    } else {
      const char *s = str_utf8(modname);
      const char *dot = strrchr(s, '.');
      if (!dot) return exc_set(vm, &vm->exc_ImportError, "attempted relative import with no known parent package");
      base = str_new(vm, s, (size_t)(dot - s));
    }
  }
  if (!base) return NULL;
  const char *b = str_utf8(base);
  size_t blen = (size_t)str_nbytes(base);
  for (int i = 1; i < level; i++) {
    const char *dot = NULL;
    for (size_t k = 0; k < blen; k++)
      if (b[k] == '.') dot = b + k;
    if (!dot) {
      obj_decref(vm, base);
      return exc_set(vm, &vm->exc_ImportError, "attempted relative import beyond top-level package");
    }
    blen = (size_t)(dot - b);
  }
  if (blen == 0) {
    obj_decref(vm, base);
    return exc_set(vm, &vm->exc_ImportError, "attempted relative import with no known parent package");
  }
  Object *r = str_nbytes(name) ? str_from_format(vm, "%.*s.%U", (int)blen, b, name) : str_new(vm, b, blen);
  obj_decref(vm, base);
  return r;
}

Object *module_import(VM *vm, Object *name, Object *globals, Object *fromlist, int level) {
  Object *full = level > 0 ? resolve_name(vm, name, globals, level) : obj_newref(name);
  if (!full) return NULL;
  Object *top, *leaf;
  int r = import_dotted(vm, str_utf8(full), &top, &leaf);
  if (r < 0) {
    obj_decref(vm, full);
    return NULL;
  }
  bool has_from = fromlist && fromlist != VM_NONE(vm) && TUPLE_CHECK(vm, fromlist) && TUPLE_SIZE(fromlist) > 0;
  if (has_from && dict_getitem_cstr(vm, module_dict(leaf), "__path__")) {
    /* from package import submodule */
    for (ssize_t i = 0; i < TUPLE_SIZE(fromlist); i++) {
      Object *item = TUPLE_ITEMS(fromlist)[i];
      if (str_eq_cstr(item, "*") || dict_getitem_str(vm, module_dict(leaf), item)) continue;
      Object *sub = str_from_format(vm, "%U.%U", full, item);
      if (!sub) break;
      Object *m = import_one(vm, str_utf8(sub), leaf);
      obj_decref(vm, sub);
      if (m) obj_decref(vm, m);
      else if (exc_matches(vm, &vm->exc_ModuleNotFoundError)) exc_clear(vm);
      else break;
    }
  }
  obj_decref(vm, full);
  if (exc_occurred(vm)) {
    obj_decref(vm, top);
    obj_decref(vm, leaf);
    return NULL;
  }
  if (has_from || level > 0) {
    obj_decref(vm, top);
    return leaf;
  }
  obj_decref(vm, leaf);
  return top;
}

Object *module_import_cstr(VM *vm, const char *name) {
  Object *top, *leaf;
  if (import_dotted(vm, name, &top, &leaf) < 0) return NULL;
  obj_decref(vm, top);
  return leaf;
}

Object *module_import_from(VM *vm, Object *module, Object *name) {
  Object *v = obj_lookup_attr(vm, module, name);
  if (v || exc_occurred(vm)) return v;
  Object *modname = obj_lookup_attr(vm, module, vm->id.__name__);
  if (exc_occurred(vm)) exc_clear(vm);
  if (modname && STR_CHECK(vm, modname)) {
    Object *full = str_from_format(vm, "%U.%U", modname, name);
    Object *m = full ? dict_getitem(vm, vm->modules, full) : NULL;
    obj_xdecref(vm, full);
    if (m) {
      obj_decref(vm, modname);
      return obj_newref(m);
    }
  }
  Object *file = obj_lookup_attr(vm, module, vm->id.__file__);
  if (exc_occurred(vm)) exc_clear(vm);
  const char *mn = modname && STR_CHECK(vm, modname) ? str_utf8(modname) : "<unknown module name>";
  if (file && STR_CHECK(vm, file))
    exc_set(vm, &vm->exc_ImportError, "cannot import name '%U' from '%s' (%U)", name, mn, file);
  else
    exc_set(vm, &vm->exc_ImportError, "cannot import name '%U' from '%s' (unknown location)", name, mn);
  if (vm->exc && modname && STR_CHECK(vm, modname)) {   /* ImportError.name is the module */
    BaseExceptionObject *e = (BaseExceptionObject *)vm->exc;
    if (!e->name) e->name = obj_newref(modname);
  }
  obj_xdecref(vm, modname);
  obj_xdecref(vm, file);
  return NULL;
}

int module_import_star(VM *vm, Object *module, Object *locals) {
  Object *dict = obj_lookup_attr(vm, module, vm->id.__dict__);
  if (!dict) {
    if (!exc_occurred(vm)) exc_set(vm, &vm->exc_ImportError, "from-import-* object has no __dict__ and no __all__");
    return -1;
  }
  Object *all = obj_lookup_attr(vm, module, vm->id.__all__);
  int r = 0;
  if (all) {
    Object *it = obj_iter(vm, all);
    Object *name;
    while (it && (name = obj_next(vm, it))) {
      Object *v = obj_getattr(vm, module, name);
      r = v ? obj_setitem(vm, locals, name, v) : -1;
      obj_xdecref(vm, v);
      obj_decref(vm, name);
      if (r < 0) break;
    }
    if (!it || exc_occurred(vm)) r = -1;
    obj_xdecref(vm, it);
    obj_decref(vm, all);
  } else if (exc_occurred(vm)) {
    r = -1;
  } else {
    ssize_t pos = 0;
    Object *k, *v;
    while (dict_next(dict, &pos, &k, &v)) {
      if (STR_CHECK(vm, k) && str_utf8(k)[0] == '_') continue;
      if (obj_setitem(vm, locals, k, v) < 0) {
        r = -1;
        break;
      }
    }
  }
  obj_decref(vm, dict);
  return r;
}
