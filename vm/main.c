/*
 * main: the kite command.
 *
 *   kite [options] [-c cmd | -m mod | file | -] [args]
 *
 * The command line is CPython 3.11's (Python/getopt.c and Python/initconfig.c): the
 * same short options, the same messages for a bad command line ("Unknown option: -z",
 * "Argument expected for the -c option", then the usage line), the same exit statuses
 * (0; 1 for an uncaught exception; 2 for a bad command line or an unopenable script;
 * SystemExit's code; death by SIGINT after an uncaught KeyboardInterrupt, which a shell
 * reports as 130). Kite's own additions are `--dis FILE`, `--dump-ast FILE` and
 * `-X gc-stats`; the man page (docs/kite.1) lists every option and the deliberate
 * differences (the version text, the help text, `Try \`kite -h'`).
 *
 * What runs:
 *   -c cmd          the string, sys.argv = ['-c', args...]
 *   -m mod          mod.py (or mod/__main__.py) of the current directory, as a script
 *   file            the script, sys.argv = [file, args...]
 *   - or nothing    stdin: the REPL if stdin is a terminal (or -i), else a script
 *                   named "<stdin>" (sys.argv = ['-', ...] or [''])
 * and -i enters the REPL afterwards, whatever happened.
 *
 * Ctrl-C: Kite keeps no global state, and a POSIX signal handler cannot be handed the
 * VM, so SIGINT is blocked in the main thread and a small watcher thread takes it with
 * sigwait(): it sets vm->sigint_pending, zeroes the loop's tick countdown so that the
 * next backward jump or call goes through api_check_interrupt (runtime/api.c), which
 * raises KeyboardInterrupt, and writes a byte to a pipe the REPL polls. A second Ctrl-C while the
 * first is still pending means the interpreter is not getting to it (a long native
 * call): the process then dies of SIGINT, as if it had no handler.
 */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parser/ast.h"
#include "parser/parse.h"
#include "runtime/str.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/traceback.h"
#include "vm/debug.h"
#include "vm/repl.h"
#include "vm/run.h"
#include "vm/vm.h"

/* ---- the command line ----------------------------------------------------------- */

typedef enum RunWhat { RUN_STDIN, RUN_COMMAND, RUN_MODULE, RUN_FILE, RUN_DIS, RUN_AST } RunWhat;

typedef struct Cli {
  const char *prog;       /* argv[0], used in messages as CPython does */
  RunWhat what;
  const char *target;     /* the command, module, file or --dis/--dump-ast file */
  int rest;               /* argv index of the first argument for sys.argv[1:] */
  bool dash;              /* stdin was named "-" */
  bool inspect, quiet, unbuffered, skip_first_line, gc_stats, version;
  long max_str_digits;    /* -X int_max_str_digits=N, or -1 */
} Cli;

/* CPython 3.11's short options (Python/getopt.c SHORT_OPTS); ':' takes an argument. */
static const char SHORT_OPTS[] = "bBc:dEhiIJm:OPqRsStuvVW:xX:?";

static const char *const LONG_OPTS[][2] = {  /* name, "1" if it takes an argument */
  {"check-hash-based-pycs", "1"}, {"help-all", ""}, {"help-env", ""},
  {"help-xoptions", ""}, {"help", ""}, {"version", ""}, {"dis", "1"}, {"dump-ast", "1"},
};

static const char HELP[] =
  "Options (Kite accepts CPython's and ignores those that do not apply):\n"
  "-B     : accepted (Kite writes no bytecode files)\n"
  "-c cmd : program passed in as string (terminates option list)\n"
  "-E     : ignore PYTHON* environment variables (Kite reads none)\n"
  "-h     : print this help message and exit (also -? or --help)\n"
  "-i     : inspect interactively after running script; forces a prompt even\n"
  "         if stdin does not appear to be a terminal\n"
  "-m mod : run mod.py (or mod/__main__.py) of the current directory as a script\n"
  "         (terminates option list)\n"
  "-O     : accepted (assert statements are kept)\n"
  "-q     : don't print version and copyright messages on interactive startup\n"
  "-s     : accepted (Kite has no user site directory)\n"
  "-S     : accepted (Kite has no site module)\n"
  "-u     : force the stdout and stderr streams to be unbuffered;\n"
  "         this option has no effect on stdin\n"
  "-V     : print the Kite version number and exit (also --version)\n"
  "-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
  "-X opt : set implementation-specific option:\n"
  "         -X gc-stats: print the cycle collector's statistics at exit\n"
  "         -X int_max_str_digits=N: limit the digits of int/str conversions\n"
  "         other -X options are accepted and ignored\n"
  "-b, -d, -I, -P, -v, -W arg: accepted and ignored\n"
  "--dis file      : print the bytecode of file and exit\n"
  "--dump-ast file : print the syntax tree of file and exit\n"
  "Arguments:\n"
  "file   : program read from script file\n"
  "-      : program read from stdin (default; interactive mode if a tty)\n"
  "arg ...: arguments passed to program in sys.argv[1:]\n";

static void print_usage(FILE *f, const char *prog) {
  fprintf(f, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", prog);
}

/* A bad command line: CPython's three lines, status 2. */
static int usage_error(const Cli *cli) {
  print_usage(stderr, cli->prog);
  fprintf(stderr, "Try `kite -h' for more information.\n");
  return 2;
}

/* -X opt. Returns -1 to go on, else an exit status. */
static int x_option(Cli *cli, const char *opt) {
  if (!strcmp(opt, "gc-stats")) {
    cli->gc_stats = true;
  } else if (!strncmp(opt, "int_max_str_digits", 18) && (!opt[18] || opt[18] == '=')) {
    char *end;
    errno = 0;
    long n = opt[18] ? strtol(opt + 19, &end, 10) : -1;
    if (!opt[18] || !opt[19] || *end || errno || (n != 0 && n < 640)) {
      fprintf(stderr, "Fatal Kite error: -X int_max_str_digits: invalid limit; "
                      "must be >= 640 or 0 for unlimited.\n");
      return 1;
    }
    cli->max_str_digits = n;
  }
  return -1;
}

/* A long option (arg is after the "--"). Returns -1 to go on, else an exit status. */
static int long_option(Cli *cli, int argc, char **argv, int *i) {
  const char *arg = argv[*i] + 2;
  size_t k = 0, n = sizeof LONG_OPTS / sizeof *LONG_OPTS;
  while (k < n && strcmp(LONG_OPTS[k][0], arg)) k++;
  if (k == n) {
    fprintf(stderr, "unknown option %s\n", argv[*i]);
    return usage_error(cli);
  }
  const char *val = NULL;
  if (LONG_OPTS[k][1][0]) {
    if (*i + 1 >= argc) {
      fprintf(stderr, "Argument expected for the %s options\n", argv[*i]);
      return usage_error(cli);
    }
    val = argv[++*i];
  }
  if (!strcmp(arg, "version")) {
    cli->version = true;
  } else if (!strcmp(arg, "dis") || !strcmp(arg, "dump-ast")) {
    cli->what = arg[1] == 'i' ? RUN_DIS : RUN_AST;
    cli->target = val;
  } else if (!strncmp(arg, "help", 4)) {
    print_usage(stdout, cli->prog);
    fputs(HELP, stdout);
    return 0;
  }
  return -1;
}

/* One cluster of short options (argv[*i] = "-abc"). Returns -1 to go on, -2 when the
   option list ends here (-c, -m), else an exit status. */
static int short_options(Cli *cli, int argc, char **argv, int *i) {
  for (const char *p = argv[*i] + 1; *p; p++) {
    const char *spec = *p == ':' ? NULL : strchr(SHORT_OPTS, *p);
    if (*p == 'J') {
      fprintf(stderr, "-J is reserved for Jython\n");
      return usage_error(cli);
    }
    if (!spec) {
      fprintf(stderr, "Unknown option: -%c\n", *p);
      return usage_error(cli);
    }
    const char *val = NULL;
    if (spec[1] == ':') {
      if (p[1]) {
        val = p + 1;
      } else if (*i + 1 < argc) {
        val = argv[++*i];
      } else {
        fprintf(stderr, "Argument expected for the -%c option\n", *p);
        return usage_error(cli);
      }
    }
    switch (*p) {
    case 'c': case 'm':
      cli->what = *p == 'c' ? RUN_COMMAND : RUN_MODULE;
      cli->target = val;
      return -2;
    case 'h': case '?':
      print_usage(stdout, cli->prog);
      fputs(HELP, stdout);
      return 0;
    case 'i': cli->inspect = true; break;
    case 'q': cli->quiet = true; break;
    case 'u': cli->unbuffered = true; break;
    case 'V': cli->version = true; break;
    case 'x': cli->skip_first_line = true; break;
    case 'X': {
      int rc = x_option(cli, val);
      if (rc >= 0) return rc;
      break;
    }
    default: break;   /* b B d E I O P R s S t v W: nothing to do in Kite */
    }
    if (val) break;   /* the argument used the rest of the cluster */
  }
  return -1;
}

/* Fill cli from argv. Returns -1 to go on running, else the exit status to return
   (after --help, or a bad command line). */
static int parse_args(Cli *cli, int argc, char **argv) {
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || !a[1]) break;              /* a file, or "-" */
    if (!strcmp(a, "--")) {
      i++;
      break;
    }
    int rc = a[1] == '-' ? long_option(cli, argc, argv, &i)
                         : short_options(cli, argc, argv, &i);
    if (rc == -2) {
      i++;
      break;
    }
    if (rc >= 0) return rc;
  }
  cli->rest = i;
  if (cli->version) {
    printf("%s\n", REPL_VERSION);
    return 0;
  }
  if (cli->what == RUN_STDIN && i < argc) {
    cli->rest = i + 1;
    cli->dash = !strcmp(argv[i], "-");
    if (!cli->dash) {
      cli->what = RUN_FILE;
      cli->target = argv[i];
    }
  }
  return -1;
}

/* ---- Ctrl-C -------------------------------------------------------------------------- */

typedef struct SigWatch {
  VM *vm;
  pthread_t thread;
  int pipe[2];            /* the watcher writes a byte to [1] per SIGINT */
  bool interrupted;       /* the program ended with an uncaught KeyboardInterrupt */
  volatile int stop;
  bool running;
} SigWatch;

/* Die of SIGINT, so that a parent sees what CPython shows after an uncaught
   KeyboardInterrupt (a shell prints status 130). */
static void die_of_sigint(void) {
  fflush(stdout);
  fflush(stderr);
  signal(SIGINT, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
  raise(SIGINT);
  _exit(130);             /* not reached */
}

static void *watch_sigint(void *arg) {
  SigWatch *w = arg;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  for (;;) {
    int sig;
    if (sigwait(&set, &sig) != 0) continue;
    if (w->stop) return NULL;
    if (w->vm->sigint_pending) die_of_sigint();
    w->vm->sigint_pending = 1;
    ssize_t r = write(w->pipe[1], "!", 1);
    (void)r;              /* a full pipe already wakes the reader */
    /* Make the loop's next tick call api_check_interrupt, which raises the
       KeyboardInterrupt. The loop's own "countdown -= n" can overwrite this store, so
       repeat it while the interrupt is pending (for up to half a second). */
    for (int k = 0; k < 50 && w->vm->sigint_pending && !w->stop; k++) {
      w->vm->insn_countdown = 0;
      usleep(10000);
    }
  }
}

static void watch_start(SigWatch *w, VM *vm) {
  w->vm = vm;
  w->running = false;
  w->pipe[0] = w->pipe[1] = -1;
  if (pipe(w->pipe) < 0) return;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  w->running = pthread_create(&w->thread, NULL, watch_sigint, w) == 0;
  if (!w->running) pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

static void watch_stop(SigWatch *w) {
  if (w->running) {
    w->stop = 1;
    pthread_kill(w->thread, SIGINT);
    pthread_join(w->thread, NULL);
  }
  for (int k = 0; k < 2; k++)
    if (w->pipe[k] >= 0) close(w->pipe[k]);
}

/* ---- running things --------------------------------------------------------------------- */

/* Read a whole stream into a heap block (NUL-terminated); *len gets its size and *cap
   the block's size for heap_free. NULL if it cannot be read (errno set). */
static char *read_stream(VM *vm, FILE *f, size_t *len, size_t *cap) {
  size_t n = 0, c = 4096;
  errno = 0;
  char *buf = heap_alloc(vm, c);
  while (buf) {
    n += fread(buf + n, 1, c - n - 1, f);
    if (n < c - 1) break;
    char *nb = heap_realloc(vm, buf, c, c * 2);
    if (!nb) heap_free(vm, buf, c);
    buf = nb;
    c *= 2;
  }
  if (!buf || ferror(f)) {
    if (buf) heap_free(vm, buf, c);
    errno = errno ? errno : ENOMEM;
    return NULL;
  }
  buf[n] = '\0';
  *len = n;
  *cap = c;
  return buf;
}

/* path made absolute the way CPython does it in its messages (cwd + "/" + path). */
static void absolute(char *out, size_t size, const char *path) {
  char cwd[PATH_MAX];
  if (path[0] != '/' && getcwd(cwd, sizeof cwd)) snprintf(out, size, "%s/%s", cwd, path);
  else snprintf(out, size, "%s", path);
}

/* CPython's message for a script it cannot open; status 2. */
static int cannot_open(const Cli *cli, const char *path, int err) {
  char abs[2 * PATH_MAX];
  absolute(abs, sizeof abs, path);
  fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", cli->prog, abs, err,
          strerror(err));
  return 2;
}

/* The whole file at path, or NULL with *status set after reporting it as CPython. */
static char *read_path(VM *vm, const Cli *cli, const char *path, size_t *len, size_t *cap,
                       int *status) {
  FILE *f = fopen(path, "rb");
  int err = errno;
  char *src = f ? read_stream(vm, f, len, cap) : NULL;
  if (f && !src) err = errno;
  if (f) fclose(f);
  if (!src) *status = cannot_open(cli, path, err ? err : EIO);
  return src;
}

static int dump_ast(VM *vm, const Cli *cli) {
  size_t len, cap;
  int status = 0;
  char *src = read_path(vm, cli, cli->target, &len, &cap, &status);
  if (!src) return status;
  Arena *arena = ast_arena_new(vm);
  SyntaxErrorInfo err;
  Mod *m = arena ? parse_source(vm, arena, src, len, cli->target, PARSE_FILE, &err) : NULL;
  if (m) {
    ast_dump(m, stdout);
  } else {
    if (arena) parse_print_error(&err, cli->target, stderr);
    status = 1;
  }
  if (arena) ast_arena_free(arena);
  heap_free(vm, src, cap);
  return status;
}

static int disassemble(VM *vm, const Cli *cli) {
  FILE *f = fopen(cli->target, "rb");
  if (!f) return cannot_open(cli, cli->target, errno);
  fclose(f);
  return debug_dis_file(vm, cli->target, stdout);
}

/* -X gc-stats: one line per generation, on stderr. */
static void print_gc_stats(VM *vm) {
  for (int g = 0; g < GC_NGENS; g++) {
    const GCGenStats *s = &vm->gc.stats[g];
    fprintf(stderr, "gc: generation %d: %zu collections, %zu collected, %zu uncollectable\n",
            g, s->collections, s->collected, s->uncollectable);
  }
}

/* Set sys.path[0] (a new first entry) and sys.argv[0] (replacing it) when not NULL. */
static void set_sys_paths(VM *vm, const char *path0, const char *argv0) {
  Object *p = path0 ? str_from_cstr(vm, path0) : NULL;
  if (p && list_insert(vm, vm->path, 0, p) < 0) exc_clear(vm);
  obj_xdecref(vm, p);
  Object *a = argv0 ? str_from_cstr(vm, argv0) : NULL;
  if (a && obj_setitem(vm, vm->argv, small_new(0), a) < 0) exc_clear(vm);
  obj_xdecref(vm, a);
  if (exc_occurred(vm)) exc_clear(vm);
}

typedef struct Outcome {
  int status;
  bool interrupted;     /* an uncaught KeyboardInterrupt */
} Outcome;

/* True (after printing CPython's SyntaxError) if src[0..len) holds a NUL byte, which
   the C-string run_exec would silently cut at; the front end reports it. */
static bool has_null_byte(VM *vm, const char *src, size_t len, const char *filename) {
  if (!memchr(src, '\0', len)) return false;
  Arena *arena = ast_arena_new(vm);
  SyntaxErrorInfo err;
  Mod *m = arena ? parse_source(vm, arena, src, len, filename, PARSE_FILE, &err) : NULL;
  if (!m && arena) parse_print_error(&err, filename, stderr);
  if (arena) ast_arena_free(arena);
  if (exc_occurred(vm)) exc_clear(vm);
  return true;
}

/* Run src[0..len) as __main__ and report what escapes, as CPython's top level does.
   With -i a SystemExit is only printed, since the REPL comes next. */
static Outcome run_code(VM *vm, const Cli *cli, const char *src, size_t len,
                        const char *filename) {
  Outcome o = {0, false};
  if (has_null_byte(vm, src, len, filename)) {
    o.status = 1;
    return o;
  }
  Object *r = run_exec(vm, src, filename, vm->main_dict, NULL);
  if (r) {
    obj_decref(vm, r);
    return o;
  }
  o.interrupted = exc_matches(vm, &vm->exc_KeyboardInterrupt);
  if (cli->inspect && exc_matches(vm, &vm->exc_SystemExit)) {
    Object *e = exc_fetch(vm);
    fflush(stdout);
    traceback_print_exception(vm, e, stderr);
    obj_decref(vm, e);
    o.status = 1;
    return o;
  }
  o.status = run_handle_exception(vm);
  return o;
}

/* A script: file, or file/__main__.py for a directory. path0: make its directory
   sys.path[0]. */
static Outcome run_script(VM *vm, const Cli *cli, const char *path, bool path0) {
  Outcome o = {0, false};
  char abs[2 * PATH_MAX], main_py[2 * PATH_MAX + 16], dir[PATH_MAX];
  struct stat st;
  const char *file = path;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    snprintf(main_py, sizeof main_py, "%s/__main__.py", path);
    if (access(main_py, R_OK) != 0) {
      absolute(abs, sizeof abs, path);
      fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", cli->prog, abs);
      o.status = 1;
      return o;
    }
    file = main_py;
  }
  size_t len, cap;
  char *src = read_path(vm, cli, file, &len, &cap, &o.status);
  if (!src) return o;
  if (cli->skip_first_line)     /* -x: blank it, keeping the line numbers */
    for (char *p = src; *p && *p != '\n'; p++) *p = ' ';
  /* sys.path[0] is the script's directory, made absolute and free of symlinks. */
  if (path0 && realpath(file, dir)) {
    char *slash = strrchr(dir, '/');
    if (slash) slash[slash == dir] = '\0';
    set_sys_paths(vm, dir, NULL);
  }
  /* CPython 3.9+ names the main script by absolute path (__file__, tracebacks). */
  absolute(abs, sizeof abs, file);
  Object *fn = str_from_cstr(vm, abs);
  if (!fn || dict_setitem(vm, vm->main_dict, vm->id.__file__, fn) < 0) exc_clear(vm);
  obj_xdecref(vm, fn);
  o = run_code(vm, cli, src, len, abs);
  heap_free(vm, src, cap);
  return o;
}

/* -m mod: mod.py or mod/__main__.py under the current directory (dots are folders). */
static Outcome run_module(VM *vm, const Cli *cli) {
  char rel[PATH_MAX], cwd[PATH_MAX], path[3 * PATH_MAX];
  Outcome o = {1, false};
  snprintf(rel, sizeof rel, "%s", cli->target);
  for (char *p = rel; *p; p++)
    if (*p == '.') *p = '/';
  if (!getcwd(cwd, sizeof cwd)) cwd[0] = '\0';
  snprintf(path, sizeof path, "%s/%s.py", cwd, rel);
  if (access(path, R_OK) != 0) snprintf(path, sizeof path, "%s/%s/__main__.py", cwd, rel);
  if (!cli->target[0] || access(path, R_OK) != 0) {
    fprintf(stderr, "%s: No module named %s\n", cli->prog, cli->target);
    return o;
  }
  set_sys_paths(vm, cwd, path);
  Cli c = *cli;
  c.skip_first_line = false;
  return run_script(vm, &c, path, false);
}

static int run_main(VM *vm, const Cli *cli, SigWatch *w) {
  Outcome o = {0, false};
  bool repl = false;
  switch (cli->what) {
  case RUN_DIS: return disassemble(vm, cli);
  case RUN_AST: return dump_ast(vm, cli);
  case RUN_COMMAND:
    set_sys_paths(vm, "", NULL);
    o = run_code(vm, cli, cli->target, strlen(cli->target), "<string>");
    break;
  case RUN_MODULE: o = run_module(vm, cli); break;
  case RUN_FILE: o = run_script(vm, cli, cli->target, true); break;
  case RUN_STDIN:
    set_sys_paths(vm, "", NULL);
    repl = cli->inspect || isatty(0);
    if (!repl) {
      size_t len, cap;
      char *src = read_stream(vm, stdin, &len, &cap);
      if (!src) return cannot_open(cli, "<stdin>", errno);
      o = run_code(vm, cli, src, len, "<stdin>");
      heap_free(vm, src, cap);
    }
    break;
  }
  if (repl || cli->inspect) {
    ReplOptions ro = {
      .banner = repl && !cli->quiet,
      .interrupt_fd = w->pipe[0],
    };
    fflush(stdout);
    return repl_run(vm, &ro);
  }
  w->interrupted = o.interrupted;
  return o.status;
}

int main(int argc, char **argv) {
  Cli cli = {.prog = argc > 0 ? argv[0] : "kite", .max_str_digits = -1};
  int status = parse_args(&cli, argc, argv);
  if (status >= 0) return status;
  if (cli.unbuffered) {
    setvbuf(stdout, NULL, _IONBF, 0);
    setvbuf(stderr, NULL, _IONBF, 0);
  }
  /* libedit decodes what is typed with the locale; like CPython, treat the C locale
     as C.UTF-8. */
  const char *loc = setlocale(LC_CTYPE, "");
  if (!loc || !strcmp(loc, "C") || !strcmp(loc, "POSIX")) setlocale(LC_CTYPE, "C.UTF-8");

  /* sys.argv: CPython's rules (see the header). */
  const char *sys_argv[argc + 1];
  int n = 0;
  if (cli.what == RUN_COMMAND) sys_argv[n++] = "-c";
  else if (cli.what == RUN_FILE || cli.what == RUN_MODULE) sys_argv[n++] = cli.target;
  else if (cli.what == RUN_STDIN && cli.dash) sys_argv[n++] = "-";
  for (int k = cli.rest; k < argc; k++) sys_argv[n++] = argv[k];
  VMOptions opts = {.argc = n, .argv = sys_argv};
  VM *vm = vm_new(&opts);
  if (!vm) {
    fprintf(stderr, "kite: out of memory\n");
    return 1;
  }
  if (cli.max_str_digits >= 0) vm->int_max_str_digits = (int)cli.max_str_digits;

  SigWatch w = {0};
  watch_start(&w, vm);
  status = run_main(vm, &cli, &w);
  if (cli.gc_stats) print_gc_stats(vm);
  watch_stop(&w);             /* first: the watcher reads the VM */
  vm_free(vm);
  if (w.interrupted) die_of_sigint();
  return status;
}
