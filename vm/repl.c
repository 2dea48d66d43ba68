/*
 * repl: the interactive loop (see repl.h for the behaviour, which is CPython 3.11's).
 *
 * When is a statement complete? The lines typed so far are parsed in PARSE_SINGLE mode
 * after each line:
 *   - a SyntaxError that is not `incomplete` is reported at once ("1+" fails on its
 *     first line, as in CPython);
 *   - `incomplete` (open bracket, backslash, open triple quote, a block still expected
 *     after a colon) asks for another line; an empty line cannot end a statement whose
 *     block has not started, so there the error is reported, as CPython reports
 *     "expected an indented block";
 *   - a complete simple statement runs; a complete compound statement waits for a
 *     completely empty line (only "\n": CPython's tokenizer ignores lines holding just
 *     blanks), since an else/elif/except or more body lines may follow.
 * EOF runs (or reports) what has been typed, then leaves at the next prompt.
 *
 * Line numbers in errors count from the statement's first line: each statement is its
 * own "<stdin>" compilation, as in CPython.
 */
#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#ifdef KITE_HAVE_LIBEDIT
#include <histedit.h>
#endif

#include "parser/ast.h"
#include "parser/parse.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "vm/repl.h"
#include "vm/run.h"
#include "vm/vm.h"

enum { READ_LINE, READ_EOF, READ_INTERRUPT };

typedef struct Repl {
  VM *vm;
  const ReplOptions *opts;
  const char *prompt;       /* the prompt being shown (points into prompt_buf) */
  char prompt_buf[256];
  StrBuf src;               /* the statement typed so far */
  StrBuf line;              /* the line being read */
  bool leave;               /* SystemExit: stop after this statement */
  int status;
#ifdef KITE_HAVE_LIBEDIT
  EditLine *el;             /* NULL: plain stdio input */
  History *hist;
  char hist_path[4096];     /* "" when there is no home directory */
#endif
} Repl;

void repl_print_banner(void) {
  fprintf(stderr, "%s on linux\n"
                  "Type \"help\", \"copyright\", \"credits\" or \"license\" for more "
                  "information.\n", REPL_VERSION);
}

/* ---- interrupts ------------------------------------------------------------------------ */

/* Consume a pending Ctrl-C (the flag and the watcher's bytes). True if there was one. */
static bool take_interrupt(Repl *r) {
  char junk[64];
  int fd = r->opts->interrupt_fd;
  if (fd >= 0) {
    struct pollfd p = {fd, POLLIN, 0};
    while (poll(&p, 1, 0) > 0 && (p.revents & POLLIN) && read(fd, junk, sizeof junk) > 0) {}
  }
  bool was = r->vm->sigint_pending != 0;
  r->vm->sigint_pending = 0;
  return was;
}

/* Wait until stdin has input (true) or a Ctrl-C arrives (false). */
static bool wait_for_input(Repl *r) {
  struct pollfd p[2] = {{0, POLLIN, 0}, {r->opts->interrupt_fd, POLLIN, 0}};
  for (;;) {
    if (r->vm->sigint_pending) return false;
    int n = poll(p, r->opts->interrupt_fd >= 0 ? 2 : 1, -1);
    if (n < 0 && errno != EINTR) return true;   /* let the read report it */
    if (n > 0 && p[0].revents) return true;
  }
}

/* ---- reading lines --------------------------------------------------------------------- */

/* True if stdio holds unread bytes of stdin (then poll() would wrongly block). */
static bool stdin_buffered(void) {
#ifdef __GLIBC__
  return stdin->_IO_read_ptr < stdin->_IO_read_end;
#else
  return true;
#endif
}

/* One line from stdio into r->line (with its "\n"). */
static int plain_read(Repl *r) {
  fputs(r->prompt, stderr);
  fflush(stderr);
  for (;;) {
    if (!stdin_buffered() && !wait_for_input(r)) return READ_INTERRUPT;
    int c = getc(stdin);
    if (c == EOF) {
      if (ferror(stdin) && errno == EINTR) {
        clearerr(stdin);
        continue;
      }
      if (!r->line.len) return READ_EOF;
      c = '\n';         /* a last line without its newline */
    }
    strbuf_append_char(r->vm, &r->line, (char)c);
    if (c == '\n') return READ_LINE;
  }
}

#ifdef KITE_HAVE_LIBEDIT
static int edit_read(Repl *r);
#endif

/* Fill r->prompt_buf with str(sys.<name>) ("" if it is missing or str() fails), as
   CPython's loop reads sys.ps1 and sys.ps2 before each line. */
static void set_prompt(Repl *r, const char *name) {
  VM *vm = r->vm;
  Object *v = vm->sys_dict ? dict_getitem_cstr(vm, vm->sys_dict, name) : NULL;
  Object *s = v ? obj_str(vm, v) : NULL;
  if (exc_occurred(vm)) exc_clear(vm);
  snprintf(r->prompt_buf, sizeof r->prompt_buf, "%s", s ? str_utf8(s) : "");
  obj_xdecref(vm, s);
  r->prompt = r->prompt_buf;
}

/* The prompts' defaults, set when the session starts (as CPython does). */
static void init_prompts(VM *vm) {
  static const char *const names[2][2] = {{"ps1", ">>> "}, {"ps2", "... "}};
  for (int i = 0; i < 2 && vm->sys_dict; i++) {
    if (dict_getitem_cstr(vm, vm->sys_dict, names[i][0])) continue;
    Object *s = str_from_cstr(vm, names[i][1]);
    if (!s || dict_setitem_cstr(vm, vm->sys_dict, names[i][0], s) < 0) exc_clear(vm);
    obj_xdecref(vm, s);
  }
  if (exc_occurred(vm)) exc_clear(vm);
}

/* Show the prompt (sys.ps1 or sys.ps2) and read one line into r->line. */
static int read_line(Repl *r, const char *prompt) {
  fflush(stdout);
  set_prompt(r, prompt);
  take_interrupt(r);          /* a Ctrl-C the code did not get to is dropped */
  strbuf_discard(r->vm, &r->line);
  strbuf_init(&r->line);
  int k;
#ifdef KITE_HAVE_LIBEDIT
  if (r->el) k = edit_read(r);
  else
#endif
    k = plain_read(r);
  if (take_interrupt(r)) return READ_INTERRUPT;
  return k;
}

/* ---- running a statement -------------------------------------------------------------- */

static bool is_compound(const Stmt *s) {
  switch (s->kind) {
  case STMT_FUNCTIONDEF: case STMT_CLASSDEF: case STMT_FOR: case STMT_WHILE: case STMT_IF:
  case STMT_WITH: case STMT_TRY:
    return true;
  default:
    return false;
  }
}

/* Compile and run the statement in r->src (printing expression values and errors). */
static void execute(Repl *r) {
  strbuf_append_char(r->vm, &r->src, '\0');   /* run_interactive_one wants a C string */
  if (r->src.failed) {
    exc_clear(r->vm);
    fputs("MemoryError\n", stderr);
    return;
  }
  take_interrupt(r);
  int k = run_interactive_one(r->vm, r->src.data);
  if (k >= 256) {
    r->leave = true;
    r->status = k - 256;
  }
}

enum { NEED_MORE, RUN_IT, REPORTED };

static bool block_expected(const SyntaxErrorInfo *err) {
  return !strncmp(err->msg, "expected an indented block", 26);
}

static int count_lines(const char *s, size_t n) {
  int lines = 0;
  for (size_t i = 0; i < n; i++) lines += s[i] == '\n';
  return lines;
}

/* Decide what to do with r->src (see the header). at_eof: no more lines will come. */
static int examine(Repl *r, bool empty_line, bool at_eof) {
  VM *vm = r->vm;
  Arena *arena = ast_arena_new(vm);
  if (!arena) return REPORTED;
  SyntaxErrorInfo err;
  Mod *m = parse_source(vm, arena, r->src.data, r->src.len, "<stdin>", PARSE_SINGLE, &err);
  int what;
  if (m) {
    const StmtSeq *body = &m->v.Interactive.body;
    bool compound = body->count > 0 && is_compound(body->items[body->count - 1]);
    what = compound && !empty_line && !at_eof ? NEED_MORE : RUN_IT;
    if (body->count == 0) what = REPORTED;    /* only blanks and comments */
  } else if (err.incomplete && !at_eof && !(empty_line && block_expected(&err))) {
    what = NEED_MORE;
  } else {
    if (empty_line && block_expected(&err)) {
      /* CPython's interactive tokenizer sees the empty line as the offending token. */
      err.lineno = err.end_lineno = count_lines(r->src.data, r->src.len);
      err.text[0] = '\0';
      err.col_offset = err.end_col_offset = 1;
    }
    if (!strcmp(err.type, "MemoryError")) exc_clear(vm);
    parse_print_error(&err, "<stdin>", stderr);
    what = REPORTED;
  }
  ast_arena_free(arena);
  return what;
}

/* True for a line holding only blanks and perhaps a comment: at ">>> " it is skipped. */
static bool blank_or_comment(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) i++;
  return i == n || s[i] == '\n' || s[i] == '\r' || s[i] == '#';
}

/* Read and run one statement. False at the end of the session. */
static bool one_statement(Repl *r) {
  strbuf_discard(r->vm, &r->src);
  strbuf_init(&r->src);
  const char *prompt = "ps1";
  for (;;) {
    int k = read_line(r, prompt);
    if (k == READ_INTERRUPT) {
      fputs("\nKeyboardInterrupt\n", stderr);
      return true;
    }
    if (k == READ_EOF) {
      fputc('\n', stderr);
      if (!r->src.len) return false;
      clearerr(stdin);
      if (examine(r, false, true) == RUN_IT) execute(r);
      return !r->leave;
    }
    bool empty_line = r->line.len == 1;
    if (!r->src.len && blank_or_comment(r->line.data, r->line.len)) return true;
    strbuf_append(r->vm, &r->src, r->line.data, r->line.len);
    if (r->src.failed) {
      exc_clear(r->vm);
      fputs("MemoryError\n", stderr);
      return true;
    }
    switch (examine(r, empty_line, false)) {
    case NEED_MORE:
      prompt = "ps2";
      continue;
    case RUN_IT:
      execute(r);
      return !r->leave;
    default:
      return true;
    }
  }
}

/* ---- libedit: line editing, history, completion --------------------------------------- */

#ifdef KITE_HAVE_LIBEDIT

static Repl *client(EditLine *el) {
  void *r = NULL;
  el_get(el, EL_CLIENTDATA, &r);
  return r;
}

static char *edit_prompt(EditLine *el) {
  return (char *)client(el)->prompt;
}

/* libedit's character source: stdin decoded with the locale, interruptible by Ctrl-C
   (then -1, which makes el_gets return NULL). */
static int edit_getc(EditLine *el, wchar_t *wc) {
  Repl *r = client(el);
  mbstate_t st;
  memset(&st, 0, sizeof st);
  for (;;) {
    if (!wait_for_input(r)) {
      errno = EINTR;
      return -1;
    }
    char c;
    ssize_t n = read(0, &c, 1);
    if (n == 0) return 0;
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    size_t k = mbrtowc(wc, &c, 1, &st);
    if (k == (size_t)-2) continue;            /* the middle of a multibyte character */
    if (k == (size_t)-1) {
      *wc = (unsigned char)c;
      memset(&st, 0, sizeof st);
    }
    return 1;
  }
}

static int edit_read(Repl *r) {
  int count = 0;
  const char *s = el_gets(r->el, &count);
  if (!s || count <= 0) return READ_EOF;
  strbuf_append(r->vm, &r->line, s, (size_t)count);
  if (!r->line.len || r->line.data[r->line.len - 1] != '\n')
    strbuf_append_char(r->vm, &r->line, '\n');
  if (r->line.failed || r->line.len <= 1) return READ_LINE;
  HistEvent ev;
  r->line.data[r->line.len - 1] = '\0';      /* history wants the line without "\n" */
  history(r->hist, &ev, H_ENTER, r->line.data);
  r->line.data[r->line.len - 1] = '\n';
  return READ_LINE;
}

/* -- completion (CPython's rlcompleter rules) -- */

static const char *const KEYWORDS[] = {
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
  "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
  "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
  "return", "try", "while", "with", "yield", "_", "case", "match", NULL,
};

/* What rlcompleter appends to a keyword. */
static const char *keyword_suffix(const char *w) {
  static const char *const bare[] = {"False", "None", "True", "break", "continue", "pass",
                                     "else", "_", NULL};
  if (!strcmp(w, "finally") || !strcmp(w, "try")) return ":";
  for (int i = 0; bare[i]; i++)
    if (!strcmp(w, bare[i])) return "";
  return " ";
}

typedef struct Matches {
  VM *vm;
  Object *list;             /* list of str: the candidates */
  const char *prefix;       /* the text typed before the word ("obj." or "") */
  const char *word;
  size_t wlen;
} Matches;

/* Add prefix+name+suffix as a candidate; value (borrowed, may be NULL) gets "(" if
   callable. */
static void add_match(Matches *m, const char *name, const char *suffix, Object *value) {
  if (value && obj_callable(m->vm, value)) suffix = "(";
  Object *s = str_from_format(m->vm, "%s%s%s", m->prefix, name, suffix);
  if (!s || list_append(m->vm, m->list, s) < 0) exc_clear(m->vm);
  obj_xdecref(m->vm, s);
}

static bool has_prefix(VM *vm, Object *name, const char *w, size_t n) {
  return STR_CHECK(vm, name) && (size_t)str_nbytes(name) >= n &&
         !memcmp(str_utf8(name), w, n);
}

static bool seen(Matches *m, Object *name, size_t start) {
  for (ssize_t i = (ssize_t)start; i < LIST_SIZE(m->list); i++) {
    Object *c = LIST_ITEMS(m->list)[i];
    size_t plen = strlen(m->prefix), nlen = (size_t)str_nbytes(name);
    if ((size_t)str_nbytes(c) >= plen + nlen &&
        !memcmp(str_utf8(c) + plen, str_utf8(name), nlen) &&
        ((size_t)str_nbytes(c) == plen + nlen ||
         strchr(":( ", str_utf8(c)[plen + nlen])))
      return true;
  }
  return false;
}

static void global_matches(Matches *m) {
  for (int i = 0; KEYWORDS[i]; i++)
    if (!strncmp(KEYWORDS[i], m->word, m->wlen))
      add_match(m, KEYWORDS[i], keyword_suffix(KEYWORDS[i]), NULL);
  Object *spaces[2] = {m->vm->main_dict, m->vm->builtins};
  for (int k = 0; k < 2; k++) {
    ssize_t pos = 0;
    Object *key, *value;
    while (spaces[k] && dict_next(spaces[k], &pos, &key, &value))
      if (has_prefix(m->vm, key, m->word, m->wlen) && !str_eq_cstr(key, "__builtins__") &&
          !seen(m, key, 0))
        add_match(m, str_utf8(key), "", value);
  }
}

/* New reference: the object a dotted name (e.g. "os.path") denotes, or NULL (no
   exception set). Names are looked up, never evaluated, so completing runs no code
   beyond attribute getters. */
static Object *resolve(VM *vm, const char *expr, size_t len) {
  Object *o = NULL;
  for (size_t i = 0; i < len;) {
    size_t j = i;
    while (j < len && expr[j] != '.') j++;
    Object *name = str_new(vm, expr + i, j - i);
    Object *next = NULL;
    if (name && !o) {
      next = dict_getitem(vm, vm->main_dict, name);
      if (!next && !exc_occurred(vm)) next = dict_getitem(vm, vm->builtins, name);
      obj_xincref(next);
    } else if (name) {
      next = obj_getattr(vm, o, name);
    }
    obj_xdecref(vm, name);
    obj_xdecref(vm, o);
    if (!next) {
      exc_clear(vm);
      return NULL;
    }
    o = next;
    i = j + 1;
  }
  return o;
}

static void attr_matches(Matches *m, Object *obj) {
  VM *vm = m->vm;
  Object *dir = dict_getitem_cstr(vm, vm->builtins, "dir");
  Object *names = dir ? obj_call1(vm, dir, obj) : NULL;
  if (!names || !LIST_CHECK(vm, names)) {
    obj_xdecref(vm, names);
    exc_clear(vm);
    return;
  }
  /* rlcompleter hides _names unless the word starts with "_", and __names unless it
     starts with "__"; when that leaves nothing, it shows them after all. */
  const char *noprefix = m->wlen == 0 ? "_" : (m->wlen == 1 && m->word[0] == '_') ? "__" : NULL;
  for (;;) {
    for (ssize_t i = 0; i < LIST_SIZE(names); i++) {
      Object *name = LIST_ITEMS(names)[i];
      if (!has_prefix(vm, name, m->word, m->wlen) ||
          (noprefix && has_prefix(vm, name, noprefix, m->wlen + 1)))
        continue;
      Object *value = obj_getattr(vm, obj, name);
      if (!value) exc_clear(vm);
      add_match(m, str_utf8(name), "", value);
      obj_xdecref(vm, value);
    }
    if (LIST_SIZE(m->list) || !noprefix) break;
    noprefix = noprefix[1] ? NULL : "__";
  }
  obj_decref(vm, names);
}

static bool word_char(char c) {
  return isalnum((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80;
}

/* Show the candidates in columns under the line (libedit redraws the prompt after). */
static void show_matches(Repl *r, Object *list) {
  size_t width = 0, n = (size_t)LIST_SIZE(list);
  for (size_t i = 0; i < n; i++) {
    size_t w = (size_t)str_length(LIST_ITEMS(list)[i]);
    if (w > width) width = w;
  }
  size_t cols = 80 / (width + 2);
  if (cols == 0) cols = 1;
  size_t rows = (n + cols - 1) / cols;
  fputc('\n', stdout);
  for (size_t row = 0; row < rows; row++) {
    for (size_t c = 0; c < cols && c * rows + row < n; c++) {
      Object *s = LIST_ITEMS(list)[c * rows + row];
      fprintf(stdout, "%-*s", (int)(width + 2), str_utf8(s));
    }
    fputc('\n', stdout);
  }
  fflush(stdout);
  (void)r;
}

/* The Tab key: complete the name or attribute before the cursor. */
static unsigned char edit_complete(EditLine *el, int ch) {
  Repl *r = client(el);
  VM *vm = r->vm;
  const LineInfo *li = el_line(el);
  const char *end = li->cursor, *start = end;
  while (start > li->buffer && (word_char(start[-1]) || start[-1] == '.')) start--;
  if (start == end) {
    for (const char *p = li->buffer; p < end; p++)
      if (!isspace((unsigned char)*p)) return CC_ERROR;
    el_insertstr(el, "\t");                   /* indentation, as rlcompleter does */
    return CC_REFRESH;
  }
  const char *dot = end;
  while (dot > start && dot[-1] != '.') dot--;
  char prefix[1024];
  size_t plen = (size_t)(dot - start);
  if (plen >= sizeof prefix || (plen && (plen == 1 || !word_char(start[0])))) return CC_ERROR;
  memcpy(prefix, start, plen);
  prefix[plen] = '\0';
  Matches m = {vm, list_new(vm, 0), prefix, dot, (size_t)(end - dot)};
  if (!m.list) {
    exc_clear(vm);
    return CC_ERROR;
  }
  if (plen) {
    Object *obj = resolve(vm, start, plen - 1);
    if (obj) attr_matches(&m, obj);
    obj_xdecref(vm, obj);
  } else {
    global_matches(&m);
  }
  unsigned char rc = CC_ERROR;
  ssize_t n = LIST_SIZE(m.list);
  if (n > 0) {
    /* Insert the candidates' common prefix beyond what is typed; list them if that
       adds nothing. */
    const char *first = str_utf8(LIST_ITEMS(m.list)[0]);
    size_t common = (size_t)str_nbytes(LIST_ITEMS(m.list)[0]);
    for (ssize_t i = 1; i < n; i++) {
      const char *s = str_utf8(LIST_ITEMS(m.list)[i]);
      size_t k = 0;
      while (k < common && s[k] == first[k]) k++;
      common = k;
    }
    size_t typed = (size_t)(end - start);
    if (common > typed) {
      char add[1024];
      size_t len = common - typed < sizeof add ? common - typed : sizeof add - 1;
      memcpy(add, first + typed, len);
      add[len] = '\0';
      el_insertstr(el, add);
      rc = CC_REFRESH;
    } else if (n > 1) {
      list_sort(vm, m.list, NULL, false);
      exc_clear(vm);
      show_matches(r, m.list);
      rc = CC_REDISPLAY;
    }
  }
  obj_decref(vm, m.list);
  (void)ch;
  return rc;
}

/* Ctrl-D: end of input on an empty line (silently, as readline; libedit's own binding
   writes "^D"), else delete the character under the cursor. */
static unsigned char edit_ctrl_d(EditLine *el, int ch) {
  const LineInfo *li = el_line(el);
  (void)ch;
  if (li->buffer == li->lastchar) return CC_EOF;
  if (li->cursor == li->lastchar) return CC_ERROR;
  el_cursor(el, 1);
  el_deletestr(el, 1);
  return CC_REFRESH;
}

static void edit_start(Repl *r) {
  r->el = el_init("kite", stdin, stdout, stderr);
  r->hist = history_init();
  if (!r->el || !r->hist) {
    if (r->el) el_end(r->el);
    if (r->hist) history_end(r->hist);
    r->el = NULL;
    r->hist = NULL;
    return;
  }
  HistEvent ev;
  history(r->hist, &ev, H_SETSIZE, 1000);
  const char *home = getenv("HOME");
  r->hist_path[0] = '\0';
  if (home && *home &&
      (size_t)snprintf(r->hist_path, sizeof r->hist_path, "%s/.kite_history", home) <
          sizeof r->hist_path)
    history(r->hist, &ev, H_LOAD, r->hist_path);
  else
    r->hist_path[0] = '\0';
  el_set(r->el, EL_CLIENTDATA, r);
  el_set(r->el, EL_EDITOR, "emacs");
  el_set(r->el, EL_PROMPT, edit_prompt);
  el_set(r->el, EL_HIST, history, r->hist);
  el_set(r->el, EL_GETCFN, edit_getc);
  /* The wide-character calls: libedit's narrow EL_ADDFN leaks its converted strings. */
  el_wset(r->el, EL_ADDFN, L"kite-complete", L"complete a name or attribute", edit_complete);
  el_wset(r->el, EL_BIND, L"^I", L"kite-complete", NULL);
  el_wset(r->el, EL_ADDFN, L"kite-eof", L"end of input or delete a character", edit_ctrl_d);
  el_wset(r->el, EL_BIND, L"^D", L"kite-eof", NULL);
  el_source(r->el, NULL);                    /* ~/.editrc, as other libedit programs */
}

static void edit_end(Repl *r) {
  if (!r->el) return;
  HistEvent ev;
  if (r->hist_path[0]) history(r->hist, &ev, H_SAVE, r->hist_path);
  el_end(r->el);
  history_end(r->hist);
}
#endif

/* ---- the loop ------------------------------------------------------------------------ */

int repl_run(VM *vm, const ReplOptions *opts) {
  Repl r = {.vm = vm, .opts = opts};
  strbuf_init(&r.src);
  strbuf_init(&r.line);
#ifdef KITE_HAVE_LIBEDIT
  r.el = NULL;
  if (isatty(0) && isatty(1)) edit_start(&r);
#endif
  init_prompts(vm);
  if (opts->banner) repl_print_banner();
  take_interrupt(&r);
  while (one_statement(&r)) {}
#ifdef KITE_HAVE_LIBEDIT
  edit_end(&r);
#endif
  strbuf_discard(vm, &r.src);
  strbuf_discard(vm, &r.line);
  return r.status;
}
