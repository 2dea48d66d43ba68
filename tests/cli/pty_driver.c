/*
 * pty_driver: run `kite` on a pseudo-terminal and script a conversation with it, to test
 * what only a terminal shows: line editing (libedit), history, tab completion, Ctrl-C
 * and Ctrl-D.
 *
 *   pty_driver KITE SCRIPT.pty
 *
 * The script is read line by line; each line is a command:
 *   # ...            a comment (so are empty lines)
 *   env NAME=VALUE   set an environment variable for the next `start`s
 *   start [ARG...]   start KITE ARG... ('quoted' words may hold blanks) on a new 80x24 pty (HOME is a scratch directory
 *                    kept for the whole script, so ~/.kite_history outlives a session)
 *   send TEXT        type TEXT
 *   expect TEXT      wait (up to 20 s) until the terminal shows TEXT after the previous
 *                    match; fail otherwise
 *   sleep MS         pause
 *   wait STATUS      wait for kite to end with exit status STATUS, or `wait signal N`;
 *                    fails too if the terminal showed a sanitizer report
 *   file PATH TEXT   the scratch HOME's file PATH contains TEXT
 * TEXT may hold C escapes: \n \r \t \e (escape) \\ \xHH (Ctrl-C is \x03, Ctrl-D \x04,
 * the up arrow \e[A).
 *
 * What the terminal shows is matched after removing carriage returns, escape sequences
 * (ESC [ ... final byte, and other ESC pairs) and the "\a" bell, so matches do not
 * depend on how libedit redraws a line. Exit status 0 if every command succeeded; on a
 * failure the transcript so far is printed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

enum { OUT_CAP = 1 << 18, TEXT_CAP = 4096, MAX_ENV = 16 };

typedef struct Driver {
  const char *kite;
  char home[64];
  char env[MAX_ENV][256];
  int nenv;
  pid_t pid;
  int master;
  int status;                /* after `wait` */
  bool exited;
  char raw[OUT_CAP];         /* everything the terminal showed */
  size_t nraw;
  char clean[OUT_CAP];       /* the same, cleaned for matching */
  size_t nclean, matched;    /* matched: end of the previous match in clean */
  const char *script;
  int lineno;
} Driver;

static int fail(Driver *d, const char *fmt, const char *arg) {
  fprintf(stderr, "%s:%d: ", d->script, d->lineno);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n---- terminal (cleaned) ----\n%.*s\n---- end ----\n", (int)d->nclean,
          d->clean);
  return 1;
}

/* Decode the C escapes of src into out (NUL-terminated); returns the length. */
static size_t unescape(const char *src, char *out) {
  size_t n = 0;
  for (const char *p = src; *p && n < TEXT_CAP - 1; p++) {
    if (*p != '\\' || !p[1]) {
      out[n++] = *p;
      continue;
    }
    switch (*++p) {
    case 'n': out[n++] = '\n'; break;
    case 'r': out[n++] = '\r'; break;
    case 't': out[n++] = '\t'; break;
    case 'e': out[n++] = 27; break;
    case 'x': {
      char hex[3] = {p[1], p[1] ? p[2] : 0, 0};
      out[n++] = (char)strtol(hex, NULL, 16);
      p += 2;
      break;
    }
    default: out[n++] = *p; break;
    }
  }
  out[n] = '\0';
  return n;
}

/* Rebuild d->clean from d->raw (see the header for what is removed). */
static void clean(Driver *d) {
  size_t n = 0;
  for (size_t i = 0; i < d->nraw; i++) {
    char c = d->raw[i];
    if (c == 27 && i + 1 < d->nraw) {
      if (d->raw[i + 1] == '[') {
        i += 2;
        while (i < d->nraw && !(d->raw[i] >= 0x40 && d->raw[i] <= 0x7e)) i++;
      } else {
        i++;
      }
      continue;
    }
    if (c == '\r' || c == '\a') continue;
    d->clean[n++] = c;
  }
  d->nclean = n;
}

/* Read what the terminal shows for up to ms milliseconds. False at EOF. */
static bool pump(Driver *d, int ms) {
  struct pollfd p = {d->master, POLLIN, 0};
  int r = poll(&p, 1, ms);
  if (r <= 0) return true;
  ssize_t k = read(d->master, d->raw + d->nraw, OUT_CAP - 1 - d->nraw);
  if (k <= 0) return false;      /* EIO once the child has gone */
  d->nraw += (size_t)k;
  clean(d);
  return true;
}

static long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

static int cmd_expect(Driver *d, const char *arg) {
  char want[TEXT_CAP];
  size_t n = unescape(arg, want);
  long deadline = now_ms() + 20000;
  for (;;) {
    char *hit = memmem(d->clean + d->matched, d->nclean - d->matched, want, n);
    if (hit) {
      d->matched = (size_t)(hit - d->clean) + n;
      return 0;
    }
    long left = deadline - now_ms();
    if (left <= 0 || (!pump(d, (int)(left < 100 ? left : 100)) &&
                      !memmem(d->clean + d->matched, d->nclean - d->matched, want, n)))
      return fail(d, "expected \"%s\", not seen", arg);
  }
}

static int cmd_start(Driver *d, char *args) {
  char *argv[32];
  int argc = 0;
  argv[argc++] = (char *)d->kite;
  for (char *p = args; *p && argc < 31;) {   /* words, or '...' quoted words */
    while (*p == ' ') p++;
    if (!*p) break;
    char end = *p == '\'' ? *p++ : ' ';
    argv[argc++] = p;
    while (*p && *p != end) p++;
    if (*p) *p++ = '\0';
  }
  argv[argc] = NULL;
  struct winsize ws = {.ws_row = 24, .ws_col = 80};
  d->nraw = d->nclean = d->matched = 0;
  d->exited = false;
  d->pid = forkpty(&d->master, NULL, NULL, &ws);
  if (d->pid < 0) return fail(d, "forkpty failed: %s", strerror(errno));
  if (d->pid == 0) {
    setenv("HOME", d->home, 1);
    setenv("TERM", "xterm", 1);
    unsetenv("LINES");
    unsetenv("COLUMNS");
    for (int i = 0; i < d->nenv; i++) putenv(d->env[i]);
    execv(d->kite, argv);
    _exit(127);
  }
  return 0;
}

static int cmd_wait(Driver *d, const char *arg) {
  long deadline = now_ms() + 20000;
  int st = 0;
  for (;;) {
    pid_t r = waitpid(d->pid, &st, WNOHANG);
    if (r == d->pid) break;
    if (now_ms() > deadline) return fail(d, "kite did not exit (%s)", arg);
    pump(d, 50);
  }
  while (pump(d, 10) && d->nraw < OUT_CAP - 1) {}
  d->exited = true;
  close(d->master);
  if (memmem(d->clean, d->nclean, "Sanitizer", 9) || memmem(d->clean, d->nclean, "runtime error:", 14))
    return fail(d, "%s", "a sanitizer report");
  char got[64];
  if (WIFSIGNALED(st)) snprintf(got, sizeof got, "signal %d", WTERMSIG(st));
  else snprintf(got, sizeof got, "%d", WEXITSTATUS(st));
  if (strcmp(got, arg)) {
    fprintf(stderr, "%s:%d: exit status %s, expected %s\n", d->script, d->lineno, got, arg);
    return fail(d, "%s", "wrong exit status");
  }
  return 0;
}

static int cmd_file(Driver *d, char *arg) {
  char *sp = strchr(arg, ' ');
  if (!sp) return fail(d, "file: need PATH TEXT (%s)", arg);
  *sp = '\0';
  char path[512], want[TEXT_CAP], have[OUT_CAP / 16];
  snprintf(path, sizeof path, "%s/%s", d->home, arg);
  size_t n = unescape(sp + 1, want);
  FILE *f = fopen(path, "r");
  if (!f) return fail(d, "file %s does not exist", path);
  size_t k = fread(have, 1, sizeof have, f);
  fclose(f);
  if (!memmem(have, k, want, n)) return fail(d, "file does not contain \"%s\"", sp + 1);
  return 0;
}

/* libedit draws its prompt a moment before it takes the terminal out of canonical
   mode; what is typed in between is cooked by the tty (Ctrl-D would be end-of-file).
   So wait, briefly, for the line editor; code that runs leaves the tty canonical, and
   then this only costs the timeout. */
static void wait_for_editor(Driver *d) {
  struct termios t;
  long until = now_ms() + 300;
  while (now_ms() < until && tcgetattr(d->master, &t) == 0 && (t.c_lflag & ICANON))
    pump(d, 5);
}

static int run_line(Driver *d, char *line) {
  char *arg = strchr(line, ' ');
  if (arg) *arg++ = '\0';
  else arg = line + strlen(line);
  if (!strcmp(line, "start")) return cmd_start(d, arg);
  if (!strcmp(line, "expect")) return cmd_expect(d, arg);
  if (!strcmp(line, "wait")) return cmd_wait(d, arg);
  if (!strcmp(line, "file")) return cmd_file(d, arg);
  if (!strcmp(line, "sleep")) {
    long until = now_ms() + atol(arg);
    while (now_ms() < until) pump(d, (int)(until - now_ms()));
    return 0;
  }
  if (!strcmp(line, "send")) {
    char text[TEXT_CAP];
    size_t n = unescape(arg, text);
    wait_for_editor(d);
    for (size_t i = 0; i < n; i++) {   /* one byte at a time, as typed */
      if (write(d->master, text + i, 1) != 1) return fail(d, "send failed: %s", strerror(errno));
      pump(d, 5);
    }
    return 0;
  }
  if (!strcmp(line, "env")) {
    if (d->nenv == MAX_ENV) return fail(d, "too many env lines%s", "");
    snprintf(d->env[d->nenv++], sizeof d->env[0], "%s", arg);
    return 0;
  }
  return fail(d, "unknown command %s", line);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st, (void)flag, (void)ftw;
  return remove(path);
}

static void remove_home(Driver *d) {
  if (nftw(d->home, remove_entry, 8, FTW_DEPTH | FTW_PHYS) != 0)
    fprintf(stderr, "could not remove %s\n", d->home);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: pty_driver KITE SCRIPT.pty\n");
    return 2;
  }
  Driver drv = {0};
  Driver *d = &drv;
  d->kite = argv[1];
  d->script = argv[2];
  d->pid = -1;
  FILE *f = fopen(d->script, "r");
  if (!f) {
    perror(d->script);
    return 2;
  }
  snprintf(d->home, sizeof d->home, "/tmp/kite-pty-XXXXXX");
  if (!mkdtemp(d->home)) {
    perror("mkdtemp");
    return 2;
  }
  char line[TEXT_CAP];
  int rc = 0;
  while (!rc && fgets(line, sizeof line, f)) {
    d->lineno++;
    line[strcspn(line, "\n")] = '\0';
    if (!line[0] || line[0] == '#') continue;
    rc = run_line(d, line);
  }
  fclose(f);
  if (d->pid > 0 && !d->exited) {
    kill(d->pid, SIGKILL);
    waitpid(d->pid, NULL, 0);
  }
  remove_home(d);
  return rc;
}
