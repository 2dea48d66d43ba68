/*
 * run: the driver from source text to a finished __main__ (parse, compile, execute,
 * report). Parse errors are printed by the front end's parse_print_error; compiler
 * SyntaxErrors and runtime exceptions by traceback_print_exception.
 */
#include "vm/run.h"

#include <stdio.h>
#include <string.h>

#include "parser/parse.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/traceback.h"
#include "runtime/tuple.h"
#include "vm/compile.h"
#include "vm/exec.h"

static FILE *err_file(VM *vm) { return vm->err ? vm->err : stderr; }

int run_handle_exception(VM *vm) {
  Object *e = exc_fetch(vm);
  if (!e) return 1;
  int status = 1;
  if (EXC_CHECK(vm, e) && type_is_subtype(obj_type(vm, e), &vm->exc_SystemExit)) {
    BaseExceptionObject *be = (BaseExceptionObject *)e;
    Object *code = be->value;
    if (!code && be->args && TUPLE_SIZE(be->args) > 0)
      code = TUPLE_SIZE(be->args) == 1 ? TUPLE_ITEMS(be->args)[0] : be->args;
    fflush(vm->out ? vm->out : stdout);
    if (!code || code == VM_NONE(vm)) {
      status = 0;
    } else if (INT_CHECK(vm, code)) {
      int64_t v;
      status = int_as_i64(vm, code, &v) < 0 ? (exc_clear(vm), -1) : (int)v;
    } else {
      Object *s = obj_str(vm, code);
      if (s) fprintf(err_file(vm), "%s\n", str_utf8(s));
      else exc_clear(vm);
      obj_xdecref(vm, s);
      status = 1;
    }
    vm->exit_code = status;
    obj_decref(vm, e);
    return status & 0xff;
  }
  traceback_print_exception(vm, e, err_file(vm));
  obj_decref(vm, e);
  return status;
}

/* The whole file, NUL-terminated; *len is its length (it may hold NUL bytes, which
   the parser reports), *cap the allocation size to free. */
static char *read_file(VM *vm, const char *path, size_t *len, size_t *cap_out) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = heap_alloc(vm, cap);
  if (!buf) {
    fclose(f);
    return NULL;
  }
  size_t got;
  while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (n + 1 == cap) {
      char *nb = heap_realloc(vm, buf, cap, cap * 2);
      if (!nb) {
        heap_free(vm, buf, cap);
        fclose(f);
        return NULL;
      }
      buf = nb;
      cap *= 2;
    }
  }
  fclose(f);
  buf[n] = 0;
  *len = n;
  *cap_out = cap;
  return buf;
}

/* New reference: the code object for src, or NULL. A parse error is printed when
   print_parse_errors, else raised as SyntaxError. */
static Object *compile_source(VM *vm, const char *src, size_t len, const char *filename,
                              ParseMode pmode, CompMode cmode, bool *printed) {
  Arena *arena = ast_arena_new(vm);
  if (!arena) return NULL;
  SyntaxErrorInfo err;
  memset(&err, 0, sizeof err);
  Mod *mod = parse_source(vm, arena, src, len, filename, pmode, &err);
  Object *code = NULL;
  if (!mod) {
    if (printed) {
      fflush(vm->out ? vm->out : stdout);
      parse_print_error(&err, filename, err_file(vm));
      *printed = true;
    } else if (!exc_occurred(vm)) {
      TypeObject *t = strcmp(err.type ? err.type : "SyntaxError", "IndentationError") == 0 ? &vm->exc_IndentationError
                    : strcmp(err.type ? err.type : "SyntaxError", "TabError") == 0 ? &vm->exc_TabError
                    : &vm->exc_SyntaxError;
      Object *msg = str_from_cstr(vm, err.msg);
      Object *fn = str_from_cstr(vm, filename);
      Object *text = str_from_cstr(vm, err.text);
      Object *det = msg && fn && text ? tuple_pack(vm, 6, fn, small_new(err.lineno), small_new(err.col_offset), text,
                                                   small_new(err.end_lineno), small_new(err.end_col_offset)) : NULL;
      Object *args[2] = {msg, det};
      Object *e = det ? exc_new(vm, t, args, 2) : NULL;
      if (e) {
        BaseExceptionObject *be = (BaseExceptionObject *)e;
        if (!be->msg) be->msg = obj_newref(msg);
        exc_restore(vm, e);
      }
      obj_xdecref(vm, msg);
      obj_xdecref(vm, fn);
      obj_xdecref(vm, text);
      obj_xdecref(vm, det);
    }
  } else {
    code = comp_compile(vm, mod, arena, filename, cmode);
  }
  ast_arena_free(arena);
  return code;
}

static void prepare_main(VM *vm, const char *filename, bool set_file) {
  Object *d = vm->main_dict;
  if (!dict_getitem_str(vm, d, vm->id.__builtins__) && vm->builtins_module)
    dict_setitem(vm, d, vm->id.__builtins__, vm->builtins_module);
  if (set_file) {
    Object *fn = str_from_cstr(vm, filename);
    if (fn) {
      dict_setitem(vm, d, vm->id.__file__, fn);
      obj_decref(vm, fn);
    }
  }
  if (exc_occurred(vm)) exc_clear(vm);
}

static int run_source(VM *vm, const char *src, size_t len, const char *filename, bool is_file) {
  bool printed = false;
  Object *code = compile_source(vm, src, len, filename, PARSE_FILE, COMP_EXEC, &printed);
  if (!code) return printed ? 1 : run_handle_exception(vm);
  prepare_main(vm, filename, is_file);
  Object *r = exec_code(vm, code, vm->main_dict, vm->main_dict);
  obj_decref(vm, code);
  if (!r) return run_handle_exception(vm);
  obj_decref(vm, r);
  return 0;
}

int run_file(VM *vm, const char *path) {
  size_t len = 0, cap = 0;
  char *src = read_file(vm, path, &len, &cap);
  if (!src) {
    if (exc_occurred(vm)) exc_clear(vm);
    fprintf(err_file(vm), "kite: can't open file '%s': [Errno 2] No such file or directory\n", path);
    return 2;
  }
  if (vm->path && LIST_CHECK(vm, vm->path)) {
    const char *slash = strrchr(path, '/');
    Object *dir = slash ? str_new(vm, path, (size_t)(slash - path)) : str_from_cstr(vm, "");
    if (dir) {
      Object *l = vm->path;
      if (list_append(vm, l, dir) == 0) {   /* insert at 0 */
        Object **items = LIST_ITEMS(l);
        ssize_t n = LIST_SIZE(l);
        memmove(items + 1, items, sizeof(Object *) * (size_t)(n - 1));
        items[0] = dir;
      } else {
        exc_clear(vm);
      }
      obj_decref(vm, dir);
    } else {
      exc_clear(vm);
    }
  }
  int status = run_source(vm, src, len, path, true);
  heap_free(vm, src, cap);
  return status;
}

int run_string(VM *vm, const char *src, const char *filename) {
  return run_source(vm, src, strlen(src), filename, false);
}

static Object *run_mode(VM *vm, const char *src, size_t len, const char *filename, Object *globals,
                        Object *locals, ParseMode pm, CompMode cm) {
  Object *code = compile_source(vm, src, len, filename, pm, cm, NULL);
  if (!code) return NULL;
  if (!dict_getitem_str(vm, globals, vm->id.__builtins__) && vm->builtins_module)
    dict_setitem(vm, globals, vm->id.__builtins__, vm->builtins_module);
  Object *r = exec_code(vm, code, globals, locals ? locals : globals);
  obj_decref(vm, code);
  return r;
}

Object *run_eval(VM *vm, const char *src, const char *filename, Object *globals, Object *locals) {
  return run_mode(vm, src, strlen(src), filename, globals, locals, PARSE_EVAL, COMP_EVAL);
}

Object *run_exec(VM *vm, const char *src, const char *filename, Object *globals, Object *locals) {
  return run_mode(vm, src, strlen(src), filename, globals, locals, PARSE_FILE, COMP_EXEC);
}

Object *run_exec_n(VM *vm, const char *src, size_t len, const char *filename, Object *globals,
                   Object *locals) {
  return run_mode(vm, src, len, filename, globals, locals, PARSE_FILE, COMP_EXEC);
}

int run_interactive_one(VM *vm, const char *src) {
  Arena *arena = ast_arena_new(vm);
  if (!arena) return run_handle_exception(vm);
  SyntaxErrorInfo err;
  memset(&err, 0, sizeof err);
  Mod *mod = parse_source(vm, arena, src, strlen(src), "<stdin>", PARSE_SINGLE, &err);
  if (!mod) {
    ast_arena_free(arena);
    if (err.incomplete) return 2;
    parse_print_error(&err, "<stdin>", err_file(vm));
    return 1;
  }
  Object *code = comp_compile(vm, mod, arena, "<stdin>", COMP_SINGLE);
  ast_arena_free(arena);
  if (!code) return run_handle_exception(vm) ? 1 : 1;
  prepare_main(vm, "<stdin>", false);
  Object *r = exec_code(vm, code, vm->main_dict, vm->main_dict);
  obj_decref(vm, code);
  if (r) {
    obj_decref(vm, r);
    return 0;
  }
  if (exc_matches(vm, &vm->exc_SystemExit)) return 256 + run_handle_exception(vm);
  run_handle_exception(vm);
  return 1;
}
