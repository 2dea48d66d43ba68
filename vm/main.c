/*
 * main: the kite command.
 *
 *   kite [options] [-c cmd | file | -] [args]
 *
 * A first version: runs a file or a -c string, and the developer views --dump-ast.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/ast.h"
#include "parser/parse.h"
#include "vm/vm.h"

/* Read a whole file into a heap block; *len gets its size. NULL if unreadable. */
static char *read_file(VM *vm, const char *path, size_t *len, size_t *cap) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t n = 0, c = 4096;
  char *buf = heap_alloc_raw(&vm->heap, c);
  while (buf) {
    size_t got = fread(buf + n, 1, c - n, f);
    n += got;
    if (n < c) break;
    char *nb = heap_realloc_raw(&vm->heap, buf, c, c * 2);
    if (!nb) {
      heap_free_raw(&vm->heap, buf, c);
      buf = NULL;
      break;
    }
    buf = nb;
    c *= 2;
  }
  fclose(f);
  *len = n;
  *cap = c;
  return buf;
}

static int dump_ast(VM *vm, const char *path) {
  size_t len, cap;
  char *src = read_file(vm, path, &len, &cap);
  if (!src) {
    fprintf(stderr, "kite: can't open file '%s'\n", path);
    return 2;
  }
  Arena *arena = ast_arena_new(vm);
  SyntaxErrorInfo err;
  Mod *m = parse_source(vm, arena, src, len, path, PARSE_FILE, &err);
  int rc = 0;
  if (m) {
    ast_dump(m, stdout);
    fputc('\n', stdout);
  } else {
    parse_print_error(&err, path, stderr);
    rc = 1;
  }
  ast_arena_free(arena);
  heap_free_raw(&vm->heap, src, cap);
  return rc;
}

int main(int argc, char **argv) {
  VMOptions opts = {0};
  const char *dump = NULL;
  int i = 1;
  for (; i < argc; i++) {
    if (!strcmp(argv[i], "--dump-ast") && i + 1 < argc) dump = argv[++i];
    else break;
  }
  opts.argc = argc - i;
  opts.argv = (const char *const *)argv + i;
  VM *vm = vm_new(&opts);
  if (!vm) {
    fprintf(stderr, "kite: out of memory\n");
    return 1;
  }
  int rc = 0;
  if (dump) rc = dump_ast(vm, dump);
  else if (i < argc) rc = dump_ast(vm, argv[i]);
  vm_free(vm);
  return rc;
}
