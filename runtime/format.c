/*
 * format: format specs, %-formatting and str.format (see format.h).
 *
 * One renderer serves every number: a number is split into sign, prefix ("0x"),
 * integer digits and "the rest" (fraction, exponent, '%'), and render_number lays them
 * out with CPython's rules: grouping applies to the integer digits only, and when the
 * fill is '0' with '=' alignment the padding zeros are grouped too ('0,001,234'), as
 * _PyUnicode_InsertThousandsGrouping does. %-formatting reuses it with its own flags.
 *
 * Float digits: 'e'/'f'/'g' are snprintf's (correctly rounded on glibc); the type-less
 * spec with a precision is 'g' whose switch to exponent notation happens one digit
 * earlier and which always shows a '.0' (CPython's Py_DTSF_ADD_DOT_0); without a
 * precision it is repr (float_repr_buf).
 */
#define _GNU_SOURCE   // memmem, memrchr
#include <limits.h>
#include <stdlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "runtime/format.h"
#include "runtime/str.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/float.h"
#include "runtime/type.h"
#include "runtime/tuple.h"
#include "runtime/dict.h"

/* ================================================================= spec parsing */

typedef struct FormatSpec {
  uint32_t fill;
  bool fill_given;
  char align;        /* '<' '>' '^' '=' or 0 for the type's default */
  char sign;         /* '+' '-' ' ' or 0 */
  bool no_neg_0;     /* 'z' */
  bool alternate;    /* '#' */
  ssize_t width;     /* -1: none */
  char thousands;    /* ',' '_' or 0 */
  int group;         /* digits per group: 3, or 4 for '_' with b/o/x/X */
  ssize_t precision; /* -1: none */
  uint32_t type;     /* presentation type, or the caller's default */
} FormatSpec;

static bool is_align(uint32_t c) {
  return c == '<' || c == '>' || c == '^' || c == '=';
}

static Object *unknown_code(VM *vm, uint32_t type, const char *tn) {
  if (type > 32 && type < 128)
    return exc_set(vm, &vm->exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                   (int)type, tn);
  return exc_set(vm, &vm->exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                 (unsigned)type, tn);
}

/* Parse decimal digits at cps[*i]; -1 with ValueError on overflow. */
static int parse_count(VM *vm, const uint32_t *cps, size_t n, size_t *i, ssize_t *out) {
  ssize_t v = 0;
  size_t start = *i;
  for (; *i < n && cps[*i] >= '0' && cps[*i] <= '9'; (*i)++) {
    if (v > (SSIZE_MAX - 9) / 10) {
      exc_set(vm, &vm->exc_ValueError, "Too many decimal digits in format string");
      return -1;
    }
    v = v * 10 + (ssize_t)(cps[*i] - '0');
  }
  *out = *i > start ? v : -1;
  return 0;
}

/* CPython's parse_internal_render_format_spec. tn: the value's type name, for messages. */
static int parse_spec(VM *vm, Object *spec, uint32_t default_type, char default_align,
                      const char *tn, FormatSpec *f) {
  *f = (FormatSpec){.fill = ' ', .width = -1, .precision = -1, .type = default_type, .group = 3};
  uint32_t small[64] = {0}, *cps = small;   /* zeroed: quiets -Wmaybe-uninitialized */
  size_t n = spec ? (size_t)str_length(spec) : 0;
  if (n > 64 && !(cps = heap_alloc(vm, n * sizeof(uint32_t)))) return -1;
  const char *p = spec ? str_utf8(spec) : "";
  for (size_t k = 0; k < n; k++) {
    int len;
    cps[k] = str_decode_cp(p, &len);
    p += len;
  }
  int rc = -1;
  size_t i = 0;
  if (n >= 2 && is_align(cps[1])) {
    f->fill = cps[0], f->fill_given = true, f->align = (char)cps[1], i = 2;
  } else if (n >= 1 && is_align(cps[0])) {
    f->align = (char)cps[0], i = 1;
  }
  if (i < n && (cps[i] == '+' || cps[i] == '-' || cps[i] == ' ')) f->sign = (char)cps[i++];
  if (i < n && cps[i] == 'z') f->no_neg_0 = true, i++;
  if (i < n && cps[i] == '#') f->alternate = true, i++;
  if (!f->fill_given && i < n && cps[i] == '0') {
    f->fill = '0';
    if (!f->align && default_align == '>') f->align = '=';
    i++;
  }
  if (parse_count(vm, cps, n, &i, &f->width) < 0) goto done;
  if (i < n && cps[i] == ',') f->thousands = ',', i++;
  if (i < n && cps[i] == '_') {
    if (f->thousands) goto both;
    f->thousands = '_', i++;
  }
  if (i < n && cps[i] == ',' && f->thousands == '_') goto both;
  if (i < n && cps[i] == '.') {
    i++;
    if (parse_count(vm, cps, n, &i, &f->precision) < 0) goto done;
    if (f->precision < 0) {
      exc_set(vm, &vm->exc_ValueError, "Format specifier missing precision");
      goto done;
    }
  }
  if (n - i > 1) {
    exc_set(vm, &vm->exc_ValueError, "Invalid format specifier '%U' for object of type '%s'", spec, tn);
    goto done;
  }
  if (i < n) f->type = cps[i];
  if (f->thousands) {
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
      break;
    case 'b': case 'o': case 'x': case 'X':
      if (f->thousands == '_') {
        f->group = 4;
        break;
      }
      /* fall through */
    default:
      if (f->type > 32 && f->type < 128)
        exc_set(vm, &vm->exc_ValueError, "Cannot specify '%c' with '%c'.", f->thousands, (int)f->type);
      else
        exc_set(vm, &vm->exc_ValueError, "Cannot specify '%c' with '\\x%x'.", f->thousands,
                (unsigned)f->type);
      goto done;
    }
  }
  rc = 0;
  goto done;
both:
  exc_set(vm, &vm->exc_ValueError, "Cannot specify both ',' and '_'.");
done:
  if (cps != small) heap_free(vm, cps, n * sizeof(uint32_t));
  return rc;
}

/* =================================================================== rendering */

/* Append body (len code points) padded to width with fill and align. */
static void pad_append(VM *vm, StrBuf *b, const FormatSpec *f, char align, const char *body,
                       size_t nbytes, ssize_t len) {
  ssize_t padn = f->width > len ? f->width - len : 0;
  ssize_t left = align == '>' ? padn : align == '^' ? padn / 2 : 0;
  strbuf_append_repeat(vm, b, f->fill, left);
  strbuf_append_known(vm, b, body, nbytes, len, (ssize_t)nbytes == len);
  strbuf_append_repeat(vm, b, f->fill, padn - left);
}

/* Digits grouped from the right with sep every `group`, left-padded with zeros to at
   least min_width characters (CPython's grouping loop, which never starts with sep). */
static void group_digits(VM *vm, StrBuf *out, const char *d, ssize_t nd, char sep, int group,
                         ssize_t min_width) {
  char small[256], *tmp = small;
  size_t cap = (size_t)(nd + nd / group + (min_width > 0 ? min_width : 0) + 8);
  if (cap > sizeof small && !(tmp = heap_alloc(vm, cap))) {
    out->failed = true;
    return;
  }
  size_t pos = cap;   /* filled from the end */
  ssize_t remaining = nd;
  bool use_sep = false;
  for (;;) {
    ssize_t mx = remaining > min_width ? remaining : min_width;
    ssize_t l = group < (mx > 1 ? mx : 1) ? group : (mx > 1 ? mx : 1);
    ssize_t nzeros = l - remaining > 0 ? l - remaining : 0;
    ssize_t nchars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
    if (use_sep) tmp[--pos] = sep;
    for (ssize_t k = 0; k < nchars; k++) tmp[--pos] = d[remaining - 1 - k];
    for (ssize_t k = 0; k < nzeros; k++) tmp[--pos] = '0';
    use_sep = true;
    remaining -= nchars;
    min_width -= l;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;
  }
  strbuf_append(vm, out, tmp + pos, cap - pos);
  if (tmp != small) heap_free(vm, tmp, cap);
}

/* Lay out [sign][prefix][digits grouped][rest] per the spec (default alignment '>'). */
static void render_number(VM *vm, StrBuf *b, const FormatSpec *f, bool neg, const char *prefix,
                          const char *digits, ssize_t nd, const char *rest, ssize_t nrest) {
  char sign = neg ? '-' : f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
  ssize_t nlead = (sign ? 1 : 0) + (ssize_t)strlen(prefix);
  char align = f->align ? f->align : '>';
  STRBUF_LOCAL(body, 256);
  if (f->thousands && nd > 0) {   /* inf and nan have no digits to group */
    ssize_t min_width = f->fill == '0' && align == '=' ? f->width - nlead - nrest : 0;
    group_digits(vm, &body, digits, nd, f->thousands, f->group, min_width);
  } else {
    strbuf_append_known(vm, &body, digits, (size_t)nd, nd, true);
  }
  strbuf_append_known(vm, &body, rest, (size_t)nrest, nrest, true);
  ssize_t total = nlead + (ssize_t)body.ncodepoints;
  ssize_t padn = f->width > total ? f->width - total : 0;
  ssize_t left = align == '>' ? padn : align == '^' ? padn / 2 : 0;
  ssize_t right = align == '<' || align == '^' ? padn - left : 0;
  strbuf_append_repeat(vm, b, f->fill, left);
  if (sign) strbuf_append_char(vm, b, sign);
  strbuf_append_known(vm, b, prefix, strlen(prefix), (ssize_t)strlen(prefix), true);
  if (align == '=') strbuf_append_repeat(vm, b, f->fill, padn);
  if (body.failed) b->failed = true;
  else strbuf_append_known(vm, b, body.data, body.len, body.ncodepoints, true);
  strbuf_append_repeat(vm, b, f->fill, right);
  strbuf_discard(vm, &body);
}

/* ======================================================================== str */

Object *format_str(VM *vm, Object *s, Object *spec) {
  if (!spec || str_nbytes(spec) == 0) {
    return STR_CHECK_EXACT(vm, s) ? obj_newref(s) : obj_str(vm, s);   /* a subclass's __str__ */
  }
  FormatSpec f;
  const char *tn = type_name(obj_type(vm, s));
  if (parse_spec(vm, spec, 's', '<', tn, &f) < 0) return NULL;
  if (f.type != 's') return unknown_code(vm, f.type, tn);
  if (f.sign == ' ') return exc_set(vm, &vm->exc_ValueError, "Space not allowed in string format specifier");
  if (f.sign) return exc_set(vm, &vm->exc_ValueError, "Sign not allowed in string format specifier");
  if (f.no_neg_0)
    return exc_set(vm, &vm->exc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate)
    return exc_set(vm, &vm->exc_ValueError, "Alternate form (#) not allowed in string format specifier");
  if (f.align == '=')
    return exc_set(vm, &vm->exc_ValueError, "'=' alignment not allowed in string format specifier");
  ssize_t len = str_length(s);
  if (f.precision >= 0 && f.precision < len) len = f.precision;
  STRBUF_LOCAL(b, 256);
  pad_append(vm, &b, &f, f.align ? f.align : '<', str_utf8(s), (size_t)str_byte_offset(s, len), len);
  return strbuf_finish(vm, &b);
}

/* ======================================================================== int */

/* Digits of |v| in base, no sign or prefix. Small values are written into buf;
   big ones come from int_to_string and *owner keeps them alive. */
typedef struct Digits {
  char buf[72];
  const char *p;
  ssize_t n;
  bool neg;
  Object *owner;
} Digits;

static void u64_digits(Digits *d, uint64_t u, bool neg, int base) {
  char *e = d->buf + sizeof d->buf, *q = e;
  do {
    *--q = "0123456789abcdef"[u % (unsigned)base];
    u /= (unsigned)base;
  } while (u);
  d->p = q, d->n = e - q, d->neg = neg;
}

static int int_digits(VM *vm, Object *v, int base, Digits *d) {
  d->owner = NULL;
  if (obj_is_small(v)) {
    int64_t x = small_value(v);
    u64_digits(d, x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x, x < 0, base);
    return 0;
  }
  IntObject *big = (IntObject *)v;
  ssize_t nd = big->ob.ob_size < 0 ? -big->ob.ob_size : big->ob.ob_size;
  if (nd <= 2) {   /* bool, and boxed ints of up to 64 bits: no text object needed */
    uint64_t u = nd == 0 ? 0 : nd == 1 ? big->digits[0] : ((uint64_t)big->digits[1] << 32) | big->digits[0];
    u64_digits(d, u, big->ob.ob_size < 0, base);
    return 0;
  }
  Object *s = int_to_string(vm, v, base);
  if (!s) return -1;
  const char *p = str_utf8(s);
  d->neg = *p == '-';
  if (d->neg) p++;
  if (base != 10) p += 2;   /* "0x", "0o", "0b" */
  d->owner = s;
  d->p = p;
  d->n = str_utf8(s) + str_nbytes(s) - p;
  return 0;
}

static Object *format_float_spec(VM *vm, double v, FormatSpec *f);

static Object *format_int_char(VM *vm, Object *value, FormatSpec *f) {
  if (f->sign) return exc_set(vm, &vm->exc_ValueError, "Sign not allowed with integer format specifier 'c'");
  if (f->alternate)
    return exc_set(vm, &vm->exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
  int64_t x;
  if (int_as_i64(vm, value, &x) < 0) return NULL;
  if (x < 0 || x > 0x10ffff) return exc_set(vm, &vm->exc_OverflowError, "%%c arg not in range(0x110000)");
  char enc[4];
  int n = str_encode_cp((uint32_t)x, enc);
  STRBUF_LOCAL(b, 256);
  /* a number's layout: '=' pads before the "digits", as '>' does without a sign */
  pad_append(vm, &b, f, f->align && f->align != '=' ? f->align : '>', enc, (size_t)n, 1);
  return strbuf_finish(vm, &b);
}

Object *format_int(VM *vm, Object *value, Object *spec) {
  if (!spec || str_nbytes(spec) == 0) return obj_str(vm, value);
  FormatSpec f;
  const char *tn = type_name(obj_type(vm, value));
  if (parse_spec(vm, spec, 'd', '>', tn, &f) < 0) return NULL;
  int base;
  switch (f.type) {
  case 'b': base = 2; break;
  case 'o': base = 8; break;
  case 'x': case 'X': base = 16; break;
  case 'd': case 'n': case 'c': base = 10; break;
  case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
    double d;
    if (int_as_double(vm, value, &d) < 0) return NULL;
    return format_float_spec(vm, d, &f);
  }
  default:
    return unknown_code(vm, f.type, tn);
  }
  if (f.precision >= 0)
    return exc_set(vm, &vm->exc_ValueError, "Precision not allowed in integer format specifier");
  if (f.no_neg_0)
    return exc_set(vm, &vm->exc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  if (f.type == 'c') return format_int_char(vm, value, &f);
  Digits d;
  if (int_digits(vm, value, base, &d) < 0) return NULL;
  char upper[72], *up = NULL;
  const char *digits = d.p;
  if (f.type == 'X') {
    up = d.n <= (ssize_t)sizeof upper ? upper : heap_alloc(vm, (size_t)d.n);
    if (!up) {
      obj_xdecref(vm, d.owner);
      return NULL;
    }
    for (ssize_t i = 0; i < d.n; i++) up[i] = (char)(d.p[i] >= 'a' ? d.p[i] - 32 : d.p[i]);
    digits = up;
  }
  const char *prefix = "";
  if (f.alternate) prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? (f.type == 'X' ? "0X" : "0x") : "";
  STRBUF_LOCAL(b, 256);
  render_number(vm, &b, &f, d.neg, prefix, digits, d.n, "", 0);
  if (up && up != upper) heap_free(vm, up, (size_t)d.n);
  obj_xdecref(vm, d.owner);
  return strbuf_finish(vm, &b);
}

/* ====================================================================== float */

/* Strip trailing zeros (and a bare '.') from the fraction of the mantissa in buf,
   keeping any exponent. */
static void strip_zeros(char *buf) {
  char *dot = strchr(buf, '.');
  if (!dot) return;
  char *e = strpbrk(dot, "eE");
  char *end = e ? e : dot + strlen(dot);
  char *q = end;
  while (q > dot + 1 && q[-1] == '0') q--;
  if (q == dot + 1) q = dot;
  memmove(q, end, strlen(end) + 1);
}

/* 'g' for the type-less spec with a precision: exponent from X >= p-1, '.0' kept. */
static void format_g_dot0(char *buf, size_t cap, double a, int p, bool alt) {
  if (p == 0) p = 1;
  char tmp[32];
  snprintf(tmp, sizeof tmp, "%.*e", p - 1, a);
  int x = atoi(strchr(tmp, 'e') + 1);
  if (x >= -4 && x < p - 1) {
    snprintf(buf, cap, alt ? "%#.*f" : "%.*f", p - 1 - x, a);
    if (!alt) strip_zeros(buf);
    if (!strchr(buf, '.')) strcat(buf, ".0");
  } else {
    snprintf(buf, cap, alt ? "%#.*e" : "%.*e", p - 1, a);
    if (!alt) strip_zeros(buf);
  }
}

/* Format |v| (finite) as CPython would for type/precision into a heap or stack buffer.
   Returns the text (no sign); *heap_size > 0 if it was heap-allocated. */
static char *float_digits(VM *vm, double a, uint32_t type, ssize_t prec, bool alt, char *small,
                          size_t smallcap, size_t *heap_size) {
  *heap_size = 0;
  if (type == 'r') {
    float_repr_buf(a, small);
    char *e = strchr(small, 'e');
    if (alt && e && !memchr(small, '.', (size_t)(e - small))) {   /* '#': 1.e+16 */
      memmove(e + 1, e, strlen(e) + 1);
      *e = '.';
    }
    return small;
  }
  size_t need = (type == 'f' || type == 'F' ? 320 : 32) + (size_t)prec;
  char *buf = small;
  if (need > smallcap) {
    if (!(buf = heap_alloc(vm, need))) return NULL;
    *heap_size = need;
  }
  int p = prec > 100000 ? 100000 : (int)prec;
  if (type == 0) {
    format_g_dot0(buf, need, a, p, alt);
  } else {
    char fmt[8];
    snprintf(fmt, sizeof fmt, alt ? "%%#.*%c" : "%%.*%c", (int)type);
    snprintf(buf, need, fmt, p, a);
  }
  return buf;
}

static Object *format_float_spec(VM *vm, double v, FormatSpec *f) {
  uint32_t type = f->type;
  bool pct = false;
  switch (type) {
  case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 0: break;
  case 'n': type = 'g'; break;
  case '%': type = 'f', pct = true, v *= 100; break;
  default: return NULL;   /* callers check the type first */
  }
  ssize_t prec = f->precision;
  if (type == 0 && prec < 0) type = 'r';
  else if (prec < 0) prec = 6;
  bool upper = type == 'E' || type == 'F' || type == 'G';
  bool neg = signbit(v) && !isnan(v);
  double a = fabs(v);
  char small[400];
  size_t heap_size = 0;
  const char *text;
  if (!isfinite(a)) text = isnan(a) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
  else if (!(text = float_digits(vm, a, type, prec, f->alternate, small, sizeof small, &heap_size)))
    return NULL;
  if (neg && f->no_neg_0 && isfinite(a) && !strpbrk(text, "123456789")) neg = false;
  ssize_t nd = (ssize_t)strspn(text, "0123456789");
  STRBUF_LOCAL(rest, 256);
  strbuf_append_cstr(vm, &rest, text + nd);
  if (pct) strbuf_append_char(vm, &rest, '%');
  STRBUF_LOCAL(b, 256);
  render_number(vm, &b, f, neg, "", text, nd, rest.data ? rest.data : "", (ssize_t)rest.len);
  strbuf_discard(vm, &rest);
  if (heap_size) heap_free(vm, (void *)text, heap_size);
  return strbuf_finish(vm, &b);
}

Object *format_float(VM *vm, double v, Object *spec) {
  FormatSpec f;
  if (parse_spec(vm, spec, 0, '>', "float", &f) < 0) return NULL;
  switch (f.type) {
  case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': case 0:
    return format_float_spec(vm, v, &f);
  default:
    return unknown_code(vm, f.type, "float");
  }
}

/* ================================================================ %-formatting */

typedef struct PctState {
  Object *args;
  ssize_t arglen, argidx;   /* CPython's trick: a non-tuple is one argument (-1, -2) */
  Object *dict;             /* the mapping for %(key)s, or NULL */
  Object *owned;            /* the value of the last %(key), which replaces args */
} PctState;

/* Borrowed reference (alive while args is): the next argument. */
static Object *next_arg(VM *vm, PctState *st) {
  if (st->argidx < st->arglen) {
    ssize_t i = st->argidx++;
    return st->arglen < 0 ? st->args : TUPLE_ITEMS(st->args)[i];
  }
  return exc_set(vm, &vm->exc_TypeError, "not enough arguments for format string");
}

static bool has_slot_method(VM *vm, Object *o, Object *name) {
  return type_lookup(vm, obj_type(vm, o), name) != NULL;
}

/* New reference: the int a %d/%x conversion formats, or NULL with CPython's errors. */
static Object *pct_int_arg(VM *vm, Object *v, char c) {
  if (INT_CHECK(vm, v)) return obj_newref(v);
  bool hex = c == 'x' || c == 'X' || c == 'o';
  if (hex) {
    if (has_slot_method(vm, v, vm->id.__index__)) return obj_unaryop(vm, v, UNARY_INDEX);
    return exc_set(vm, &vm->exc_TypeError, "%%%c format: an integer is required, not %s", c,
                   type_name(obj_type(vm, v)));
  }
  if (FLOAT_CHECK(vm, v)) return int_from_double(vm, float_value(v));
  if (has_slot_method(vm, v, vm->id.__int__)) return obj_unaryop(vm, v, UNARY_INT);
  if (has_slot_method(vm, v, vm->id.__index__)) return obj_unaryop(vm, v, UNARY_INDEX);
  if (has_slot_method(vm, v, vm->id.__float__)) {
    double d;
    if (float_as_double(vm, v, &d) < 0) return NULL;
    return int_from_double(vm, d);
  }
  return exc_set(vm, &vm->exc_TypeError, "%%%c format: a real number is required, not %s", c,
                 type_name(obj_type(vm, v)));
}

static int pct_int(VM *vm, StrBuf *b, FormatSpec *f, Object *v, char c, ssize_t prec) {
  Object *iv = pct_int_arg(vm, v, c);
  if (!iv) return -1;
  int base = c == 'x' || c == 'X' ? 16 : c == 'o' ? 8 : 10;
  Digits d;
  int rc = int_digits(vm, iv, base, &d);
  obj_decref(vm, iv);
  if (rc < 0) return -1;
  STRBUF_LOCAL(digits, 256);
  if (prec > d.n) strbuf_append_repeat(vm, &digits, '0', prec - d.n);
  strbuf_append(vm, &digits, d.p, (size_t)d.n);
  if (c == 'X')
    for (size_t i = 0; digits.data && i < digits.len; i++)
      if (digits.data[i] >= 'a') digits.data[i] -= 32;
  const char *prefix = !f->alternate || base == 10 ? "" : c == 'x' ? "0x" : c == 'X' ? "0X" : "0o";
  render_number(vm, b, f, d.neg, prefix, digits.data ? digits.data : "", (ssize_t)digits.len, "", 0);
  strbuf_discard(vm, &digits);
  obj_xdecref(vm, d.owner);
  return 0;
}

static int pct_float(VM *vm, StrBuf *b, FormatSpec *f, Object *v, char c, ssize_t prec) {
  if (!INT_CHECK(vm, v) && !FLOAT_CHECK(vm, v) && !has_slot_method(vm, v, vm->id.__float__) &&
      !has_slot_method(vm, v, vm->id.__index__)) {
    exc_set(vm, &vm->exc_TypeError, "must be real number, not %s", type_name(obj_type(vm, v)));
    return -1;
  }
  double d;
  if (float_as_double(vm, v, &d) < 0) return -1;
  f->type = (uint32_t)c;
  f->precision = prec < 0 ? 6 : prec;
  Object *s = format_float_spec(vm, d, f);
  if (!s) return -1;
  strbuf_append_str(vm, b, s);
  obj_decref(vm, s);
  return 0;
}

static int pct_char(VM *vm, StrBuf *b, FormatSpec *f, Object *v) {
  uint32_t cp;
  if (STR_CHECK(vm, v) && str_length(v) == 1) {
    cp = str_codepoint_at(v, 0);
  } else if (INT_CHECK(vm, v)) {
    int64_t x;
    if (int_as_i64(vm, v, &x) < 0 || x < 0 || x > 0x10ffff) {
      exc_clear(vm);
      exc_set(vm, &vm->exc_OverflowError, "%%c arg not in range(0x110000)");
      return -1;
    }
    cp = (uint32_t)x;
  } else {
    exc_set(vm, &vm->exc_TypeError, "%%c requires int or char");
    return -1;
  }
  char enc[4];
  int n = str_encode_cp(cp, enc);
  pad_append(vm, b, f, f->align, enc, (size_t)n, 1);
  return 0;
}

static int pct_text(VM *vm, StrBuf *b, FormatSpec *f, Object *v, char c, ssize_t prec) {
  Object *s = c == 's' ? obj_str(vm, v) : c == 'r' ? obj_repr(vm, v) : obj_ascii(vm, v);
  if (!s) return -1;
  ssize_t len = str_length(s);
  if (prec >= 0 && prec < len) len = prec;
  pad_append(vm, b, f, f->align, str_utf8(s), (size_t)str_byte_offset(s, len), len);
  obj_decref(vm, s);
  return 0;
}

/* A '*' width or precision: the next argument, which must be an int. */
static int star_arg(VM *vm, PctState *st, ssize_t *out) {
  Object *v = next_arg(vm, st);
  if (!v) return -1;
  if (!INT_CHECK(vm, v)) {
    exc_set(vm, &vm->exc_TypeError, "* wants int");
    return -1;
  }
  int64_t x;
  if (int_as_i64(vm, v, &x) < 0) return -1;
  *out = (ssize_t)x;
  return 0;
}

/* Parse one directive after '%' at *pp and render it. */
static int pct_directive(VM *vm, StrBuf *b, PctState *st, Object *fmt, const char **pp, const char *end) {
  const char *p = *pp;
  int rc = -1;
  if (p < end && *p == '(') {
    if (!st->dict) {
      exc_set(vm, &vm->exc_TypeError, "format requires a mapping");
      return -1;
    }
    const char *k = ++p;
    int depth = 1;
    for (; p < end && depth; p++) depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
    if (depth) {
      exc_set(vm, &vm->exc_ValueError, "incomplete format key");
      return -1;
    }
    Object *key = str_new(vm, k, (size_t)(p - 1 - k));
    if (!key) return -1;
    Object *v = obj_getitem(vm, st->dict, key);
    obj_decref(vm, key);
    if (!v) return -1;
    OBJ_SETREF(vm, st->owned, v);   /* as CPython: the value becomes the argument list */
    st->args = v;
    st->arglen = -1, st->argidx = -2;
  }
  FormatSpec f = {.fill = ' ', .width = -1, .group = 3, .align = '>'};
  bool left = false, zero = false;
  for (; p < end; p++) {
    if (*p == '-') left = true;
    else if (*p == '+') f.sign = '+';
    else if (*p == ' ') { if (f.sign != '+') f.sign = ' '; }
    else if (*p == '#') f.alternate = true;
    else if (*p == '0') zero = true;
    else break;
  }
  ssize_t prec = -1;
  if (p < end && *p == '*') {
    if (star_arg(vm, st, &f.width) < 0) goto done;
    if (f.width < 0) left = true, f.width = -f.width;
    p++;
  } else {
    while (p < end && *p >= '0' && *p <= '9') f.width = (f.width < 0 ? 0 : f.width) * 10 + (*p++ - '0');
  }
  if (p < end && *p == '.') {
    prec = 0;
    if (++p < end && *p == '*') {
      if (star_arg(vm, st, &prec) < 0) goto done;
      if (prec < 0) prec = 0;
      p++;
    } else {
      while (p < end && *p >= '0' && *p <= '9') prec = prec * 10 + (*p++ - '0');
    }
  }
  while (p < end && (*p == 'h' || *p == 'l' || *p == 'L')) p++;
  if (p >= end) {
    exc_set(vm, &vm->exc_ValueError, "incomplete format");
    goto done;
  }
  char c = *p++;
  if (c == '%' && p - 1 == *pp) {   /* only a bare "%%" is a literal '%' */
    strbuf_append_char(vm, b, '%');
    rc = 0;
    goto done;
  }
  Object *v = next_arg(vm, st);
  if (!v) goto done;
  f.align = left ? '<' : '>';
  switch (c) {
  case 's': case 'r': case 'a':
    rc = pct_text(vm, b, &f, v, c, prec);
    break;
  case 'c':
    rc = pct_char(vm, b, &f, v);
    break;
  case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
  case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    if (zero && !left) f.fill = '0', f.align = '=';
    rc = c == 'd' || c == 'i' || c == 'u' || c == 'x' || c == 'X' || c == 'o' ? pct_int(vm, b, &f, v, c, prec)
                                                                            : pct_float(vm, b, &f, v, c, prec);
    break;
  default: {
    int len;
    uint32_t cp = str_decode_cp(p - 1, &len);
    ssize_t idx = 0;   /* code-point index of the offending character */
    for (const char *q = str_utf8(fmt); q < p - 1; q++) idx += ((unsigned char)*q & 0xc0) != 0x80;
    exc_set(vm, &vm->exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
            cp >= 32 && cp < 127 ? (int)cp : '?', (unsigned)cp, idx);
  }
  }
done:
  *pp = p;
  return rc;
}

Object *str_percent_format(VM *vm, Object *fmt, Object *args) {
  PctState st = {.args = args, .arglen = -1, .argidx = -2};
  if (TUPLE_CHECK(vm, args)) st.arglen = TUPLE_SIZE(args), st.argidx = 0;
  else if (!STR_CHECK(vm, args) && obj_type(vm, args)->tp_getitem) st.dict = args;
  const char *p = str_utf8(fmt), *end = p + str_nbytes(fmt);
  STRBUF_LOCAL(b, 256);
  while (p < end) {
    const char *pc = memchr(p, '%', (size_t)(end - p));
    if (!pc) pc = end;
    if (((StrObject *)fmt)->ascii) strbuf_append_known(vm, &b, p, (size_t)(pc - p), pc - p, true);
    else strbuf_append(vm, &b, p, (size_t)(pc - p));
    if (pc == end) break;
    p = pc + 1;
    if (pct_directive(vm, &b, &st, fmt, &p, end) < 0) goto fail;
  }
  if (st.argidx < st.arglen && !st.dict) {
    exc_set(vm, &vm->exc_TypeError, "not all arguments converted during string formatting");
    goto fail;
  }
  obj_xdecref(vm, st.owned);
  return strbuf_finish(vm, &b);
fail:
  obj_xdecref(vm, st.owned);
  strbuf_discard(vm, &b);
  return NULL;
}

/* ================================================================ str.format */

typedef struct FmtArgs {
  Object *const *args;
  size_t nargs;
  Object *kwnames;    /* values follow args[nargs] */
  Object *mapping;    /* format_map's mapping, or NULL */
  int numbering;      /* 0 not yet known, 1 automatic, 2 manual */
  ssize_t next_auto;
  bool ascii;         /* the format string is ASCII: literal text needs no scan */
} FmtArgs;

enum { NUM_UNKNOWN, NUM_AUTO, NUM_MANUAL };

/* Non-negative decimal value of [p, e), or -1 if it is not all digits (or empty). */
static ssize_t parse_index(VM *vm, const char *p, const char *e, bool *overflow) {
  *overflow = false;
  if (p == e) return -1;
  ssize_t v = 0;
  for (; p < e; p++) {
    if (*p < '0' || *p > '9') return -1;
    if (v > (SSIZE_MAX - 9) / 10) {
      *overflow = true;
      exc_set(vm, &vm->exc_ValueError, "Too many decimal digits in format string");
      return -1;
    }
    v = v * 10 + (*p - '0');
  }
  return v;
}

/* New reference: the object named by the first part of a field name. */
static Object *field_first(VM *vm, FmtArgs *a, const char *p, const char *e) {
  bool ovf;
  ssize_t idx = parse_index(vm, p, e, &ovf);
  if (ovf) return NULL;
  bool empty = p == e;
  if (empty || idx >= 0) {
    if (a->numbering == NUM_UNKNOWN) a->numbering = empty ? NUM_AUTO : NUM_MANUAL;
    if (a->numbering == NUM_MANUAL && empty)
      return exc_set(vm, &vm->exc_ValueError,
                     "cannot switch from manual field specification to automatic field numbering");
    if (a->numbering == NUM_AUTO && !empty)
      return exc_set(vm, &vm->exc_ValueError,
                     "cannot switch from automatic field numbering to manual field specification");
    if (empty) idx = a->next_auto++;
    if (a->mapping) return exc_set(vm, &vm->exc_ValueError, "Format string contains positional fields");
    if ((size_t)idx >= a->nargs)
      return exc_set(vm, &vm->exc_IndexError, "Replacement index %zd out of range for positional args tuple", idx);
    return obj_newref(a->args[idx]);
  }
  Object *key = str_new(vm, p, (size_t)(e - p));
  if (!key) return NULL;
  Object *r = NULL;
  if (a->mapping) {
    r = obj_getitem(vm, a->mapping, key);
  } else {
    ssize_t nk = a->kwnames ? TUPLE_SIZE(a->kwnames) : 0;
    for (ssize_t i = 0; i < nk && !r; i++)
      if (str_equal(TUPLE_ITEMS(a->kwnames)[i], key)) r = obj_newref(a->args[a->nargs + (size_t)i]);
    if (!r) exc_set_key_error(vm, key);
  }
  obj_decref(vm, key);
  return r;
}

/* New reference: the value of a whole field name: first part, then .attr and [key]. */
static Object *get_field(VM *vm, FmtArgs *a, const char *p, const char *e) {
  const char *q = p;
  while (q < e && *q != '.' && *q != '[') q++;
  Object *obj = field_first(vm, a, p, q);
  while (obj && q < e) {
    Object *next = NULL;
    if (*q == '.') {
      const char *s = ++q;
      while (q < e && *q != '.' && *q != '[') q++;
      if (q == s) {
        exc_set(vm, &vm->exc_ValueError, "Empty attribute in format string");
      } else {
        Object *name = str_new(vm, s, (size_t)(q - s));
        if (name) next = obj_getattr(vm, obj, name);
        obj_xdecref(vm, name);
      }
    } else {
      const char *s = ++q;
      while (q < e && *q != ']') q++;
      if (q == e) {
        exc_set(vm, &vm->exc_ValueError, "Missing ']' in format string");
      } else if (q == s) {
        exc_set(vm, &vm->exc_ValueError, "Empty attribute in format string");
      } else {
        bool ovf;
        ssize_t idx = parse_index(vm, s, q, &ovf);
        Object *key = ovf ? NULL : idx >= 0 ? int_from_i64(vm, idx) : str_new(vm, s, (size_t)(q - s));
        if (key) next = obj_getitem(vm, obj, key);
        obj_xdecref(vm, key);
        q++;
        if (next && q < e && *q != '.' && *q != '[') {
          exc_set(vm, &vm->exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
          OBJ_CLEAR(vm, next);
        }
      }
    }
    obj_decref(vm, obj);
    obj = next;
  }
  return obj;
}

static int vformat(VM *vm, StrBuf *out, const char *p, const char *end, FmtArgs *a, int depth);

/* Render one replacement field: name [!conv] [:spec], spec possibly nested. */
static int render_field(VM *vm, StrBuf *out, FmtArgs *a, const char *name, const char *name_end,
                        uint32_t conv, const char *spec, const char *spec_end, bool expand, int depth) {
  Object *v = get_field(vm, a, name, name_end);
  if (!v) return -1;
  if (conv) {
    Object *c = NULL;
    if (conv == 'r') c = obj_repr(vm, v);
    else if (conv == 's') c = obj_str(vm, v);
    else if (conv == 'a') c = obj_ascii(vm, v);
    else if (conv > 32 && conv < 127)
      exc_set(vm, &vm->exc_ValueError, "Unknown conversion specifier %c", (int)conv);
    else
      exc_set(vm, &vm->exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
    obj_decref(vm, v);
    if (!c) return -1;
    v = c;
  }
  if (spec == spec_end && STR_CHECK_EXACT(vm, v)) {   /* the common "{}" of a str */
    strbuf_append_str(vm, out, v);
    obj_decref(vm, v);
    return 0;
  }
  Object *specobj;
  if (expand) {
    STRBUF_LOCAL(sb, 256);
    if (vformat(vm, &sb, spec, spec_end, a, depth - 1) < 0) {
      strbuf_discard(vm, &sb);
      obj_decref(vm, v);
      return -1;
    }
    specobj = strbuf_finish(vm, &sb);
  } else {
    specobj = str_new(vm, spec, (size_t)(spec_end - spec));
  }
  Object *r = specobj ? obj_format(vm, v, specobj) : NULL;
  obj_xdecref(vm, specobj);
  obj_decref(vm, v);
  if (!r) return -1;
  strbuf_append_str(vm, out, r);
  obj_decref(vm, r);
  return 0;
}

/* CPython's parse_field on the text after '{': sets the name, conversion and spec and
   advances *pp past the closing '}'. */
static int parse_field(VM *vm, const char **pp, const char *end, const char **name_end, uint32_t *conv,
                       const char **spec, const char **spec_end, bool *expand) {
  const char *p = *pp;
  char c = 0;
  *conv = 0, *expand = false, *spec = *spec_end = NULL;
  while (p < end) {
    c = *p++;
    if (c == '{') {
      exc_set(vm, &vm->exc_ValueError, "unexpected '{' in field name");
      return -1;
    }
    if (c == '[') {
      while (p < end && *p != ']') p++;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  *name_end = p - 1;
  if (c == '!' || c == ':') {
    if (c == '!') {
      if (p >= end) {
        exc_set(vm, &vm->exc_ValueError, "end of string while looking for conversion specifier");
        return -1;
      }
      int len;
      *conv = str_decode_cp(p, &len);
      p += len;
      if (p < end) {
        c = *p++;
        if (c == '}') {
          *spec = *spec_end = p;
          *pp = p;
          return 0;
        }
        if (c != ':') {
          exc_set(vm, &vm->exc_ValueError, "expected ':' after conversion specifier");
          return -1;
        }
      }
    }
    *spec = p;
    int count = 1;
    while (p < end) {
      c = *p++;
      if (c == '{') {
        *expand = true;
        count++;
      } else if (c == '}' && --count == 0) {
        *spec_end = p - 1;
        *pp = p;
        return 0;
      }
    }
    exc_set(vm, &vm->exc_ValueError, "unmatched '{' in format spec");
    return -1;
  }
  if (c != '}' || p > end) {
    exc_set(vm, &vm->exc_ValueError, "expected '}' before end of string");
    return -1;
  }
  *spec = *spec_end = p;
  *pp = p;
  return 0;
}

static int vformat(VM *vm, StrBuf *out, const char *p, const char *end, FmtArgs *a, int depth) {
  if (depth <= 0) {
    exc_set(vm, &vm->exc_ValueError, "Max string recursion exceeded");
    return -1;
  }
  while (p < end) {
    const char *q = p;
    while (q < end && *q != '{' && *q != '}') q++;
    if (a->ascii) strbuf_append_known(vm, out, p, (size_t)(q - p), q - p, true);
    else strbuf_append(vm, out, p, (size_t)(q - p));
    if (q == end) break;
    char c = *q;
    p = q + 1;
    if (p < end && *p == c) {   /* {{ or }} */
      strbuf_append_char(vm, out, c);
      p++;
      continue;
    }
    if (c == '}') {
      exc_set(vm, &vm->exc_ValueError, "Single '}' encountered in format string");
      return -1;
    }
    if (p == end) {
      exc_set(vm, &vm->exc_ValueError, "Single '{' encountered in format string");
      return -1;
    }
    const char *name = p, *name_end, *spec, *spec_end;
    uint32_t conv;
    bool expand;
    if (parse_field(vm, &p, end, &name_end, &conv, &spec, &spec_end, &expand) < 0) return -1;
    if (render_field(vm, out, a, name, name_end, conv, spec, spec_end, expand, depth) < 0) return -1;
  }
  return 0;
}

static Object *format_run(VM *vm, Object *fmt, FmtArgs *a) {
  a->ascii = ((StrObject *)fmt)->ascii;
  STRBUF_LOCAL(b, 256);
  if (vformat(vm, &b, str_utf8(fmt), str_utf8(fmt) + str_nbytes(fmt), a, 2) < 0) {
    strbuf_discard(vm, &b);
    return NULL;
  }
  return strbuf_finish(vm, &b);
}

Object *format_str_format(VM *vm, Object *fmt, Object *const *args, size_t nargs, Object *kwnames) {
  FmtArgs a = {.args = args, .nargs = nargs, .kwnames = kwnames};
  return format_run(vm, fmt, &a);
}

Object *format_str_format_map(VM *vm, Object *fmt, Object *mapping) {
  FmtArgs a = {.mapping = mapping};
  return format_run(vm, fmt, &a);
}
