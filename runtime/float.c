/*
 * float: IEEE-754 doubles with CPython's repr, arithmetic, hashing and rounding.
 *
 * Allocation: exact floats come from a per-VM free list (vm->float_freelist, at most
 * FLOAT_FREELIST_MAX entries, linked through the dead objects' type pointer), because
 * float arithmetic allocates a result per operation. Subclass instances use obj_alloc.
 *
 * repr: the shortest decimal string that reads back as the same double (CPython's
 * repr, David Gay's mode 0), laid out by CPython's rules: exponent form when the
 * decimal exponent is < -4 or >= 16, and ".0" on integral values. The digits come from
 * a binary search over the digit count p (a p-digit string that round-trips still does
 * with more digits): for 1e-5 <= v < 1e16 exactly, in 128-bit integers (candidates
 * against v's rounding interval); elsewhere from the 17 digits of one printf, rounded
 * as strings and checked with strtod (glibc's printf and strtod are correctly
 * rounded, which this depends on).
 *
 * Mixed int/float arithmetic converts the int (OverflowError "int too large to convert
 * to float"); mixed comparisons are exact (int_compare_double). % and // follow
 * CPython's float_divmod: the remainder takes the divisor's sign.
 *
 * round(x, n) is correctly rounded like CPython's (dtoa mode 3 then strtod): the
 * decimal rounding is done by printf's exact `%.*e`, then read back with strtod.
 */
#include "runtime/float.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>   /* strncasecmp */

#include "runtime/exc.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define FLOAT_FREELIST_MAX 100
#define HASH_MODULUS ((UINT64_C(1) << 61) - 1)
#define HASH_INF 314159

/* ---- allocation -------------------------------------------------------------------- */

Object *float_new_slow(VM *vm, double v) {
  FloatObject *f = (FloatObject *)obj_alloc(vm, &vm->float_type, 0);
  if (f) f->value = v;
  return (Object *)f;
}

static void float_dealloc(VM *vm, Object *o) {
  if (o->ob_type == &vm->float_type && vm->float_freelist_len < FLOAT_FREELIST_MAX) {
    o->ob_type = vm->float_freelist;
    vm->float_freelist = o;
    vm->float_freelist_len++;
    return;
  }
  obj_free(vm, o, o->ob_type->tp_basicsize);
}

void float_freelist_clear(VM *vm) {
  while (vm->float_freelist) {
    Object *o = vm->float_freelist;
    vm->float_freelist = (void *)o->ob_type;
    o->ob_type = &vm->float_type;
    obj_free(vm, o, sizeof(FloatObject));
  }
  vm->float_freelist_len = 0;
}

/* New reference: a float of type (float or a subclass) with value v. */
static Object *float_of_type(VM *vm, TypeObject *type, double v) {
  if (type == &vm->float_type) return float_new(vm, v);
  Object *o = obj_alloc(vm, type, 0);
  if (o) ((FloatObject *)o)->value = v;
  return o;
}

/* ---- conversions ------------------------------------------------------------------- */

/* x as a double when it is an int or a float: 1; 0 when it is neither; -1 on error. */
static int number_value(VM *vm, Object *x, double *out) {
  if (obj_is_small(x)) {
    *out = (double)small_value(x);
    return 1;
  }
  if (FLOAT_CHECK_EXACT(vm, x) || FLOAT_CHECK(vm, x)) {
    *out = float_value(x);
    return 1;
  }
  if (INT_CHECK(vm, x)) return int_as_double(vm, x, out) < 0 ? -1 : 1;
  return 0;
}

/* Through __float__ (which must return a float) or __index__; 1, 0 (neither), -1. */
static int dunder_value(VM *vm, Object *x, double *out) {
  TypeObject *t = obj_type(vm, x);
  if (type_lookup(vm, t, vm->id.__float__)) {
    Object *r = obj_unaryop(vm, x, UNARY_FLOAT);
    if (!r) return -1;
    if (!FLOAT_CHECK(vm, r)) {
      exc_set(vm, &vm->exc_TypeError, "%s.__float__ returned non-float (type %s)",
              type_name(t), type_name(obj_type(vm, r)));
      obj_decref(vm, r);
      return -1;
    }
    *out = float_value(r);
    obj_decref(vm, r);
    return 1;
  }
  if (type_lookup(vm, t, vm->id.__index__)) {
    Object *r = obj_unaryop(vm, x, UNARY_INDEX);
    if (!r) return -1;
    int rc = int_as_double(vm, r, out);
    obj_decref(vm, r);
    return rc < 0 ? -1 : 1;
  }
  return 0;
}

int float_as_double(VM *vm, Object *o, double *out) {
  int rc = number_value(vm, o, out);
  if (rc == 0) rc = dunder_value(vm, o, out);
  if (rc == 0) {
    exc_set(vm, &vm->exc_TypeError, "must be real number, not %s", type_name(obj_type(vm, o)));
    return -1;
  }
  return rc < 0 ? -1 : 0;
}

/* ---- repr ---------------------------------------------------------------------------- */

/* Finish n decimal digits: add one unit in the last place when up (carrying into
   *decpt on 99..9), strip trailing zeros, NUL-terminate. Returns the new count. */
static int finish_digits(char *digits, int n, bool up, int *decpt) {
  if (up) {
    int i = n - 1;
    while (i >= 0 && digits[i] == '9') digits[i--] = '0';
    if (i >= 0) {
      digits[i]++;
    } else {
      digits[0] = '1';
      ++*decpt;
    }
  }
  while (n > 1 && digits[n - 1] == '0') n--;
  digits[n] = 0;
  return n;
}

/* The p significant digits of v > 0 (p - 1 after the point in "%.*e"), correctly
   rounded, or rounded up when up. Returns the digit count written to digits (no
   trailing zeros) and sets *decpt: v ~ 0.DIGITS * 10**decpt. */
static int decimal_digits(double v, int p, bool up, char *digits, int *decpt) {
  char buf[40];
  snprintf(buf, sizeof buf, "%.*e", p - 1, v);
  int n = 0;
  const char *q = buf;
  for (; *q != 'e'; q++)
    if (*q != '.') digits[n++] = *q;
  *decpt = atoi(q + 1) + 1;
  return finish_digits(digits, n, up && strtod(buf, NULL) < v, decpt);
}

static bool digits_round_trip(double v, const char *digits, int n, int decpt) {
  char buf[48], *p = buf;
  *p++ = '.';
  memcpy(p, digits, (size_t)n);
  p += n;
  *p++ = 'e';
  snprintf(p, 8, "%d", decpt);
  return strtod(buf, NULL) == v;
}

/* v's 17 significant digits (one correctly rounded printf) from which the shorter
   candidates are derived without printf. */
typedef struct Digits17 {
  char d[18];
  int decpt;
} Digits17;

/* The p-digit (p < 17) correct rounding of v from its 17 digits x. Rounding a rounded
   string twice is exact except when the dropped tail is exactly "50...0" (a tie in x
   may not be one in v), which goes back to printf. Returns the digit count. */
static int round_digits17(double v, const Digits17 *x, int p, char *digits, int *decpt) {
  const char *tail = x->d + p;
  bool up = *tail > '5', tie = *tail == '5';
  if (tie) {
    for (const char *q = tail + 1; *q; q++)
      if (*q != '0') {
        up = true;
        tie = false;
      }
  }
  if (tie) return decimal_digits(v, p, false, digits, decpt);
  memcpy(digits, x->d, (size_t)p);
  *decpt = x->decpt;
  return finish_digits(digits, p, up, decpt);
}

/* ---- exact shortest digits for 1e-5 <= v < 1e16 (no printf, no strtod) ----
   With v = m * 2**-s (m < 2**53, s <= 69) and k chosen so that v * 10**k has 17 integer
   digits, everything fits unsigned 128-bit integers: N = m * 10**k is exact, and so is
   the rounding interval of v scaled by 4 * 2**s. A p-digit decimal round-trips iff it lies
   in that interval (ends included when m is even: strtod rounds ties to even). */
typedef unsigned __int128 u128;

static u128 pow10_128(int k) {
  u128 r = 1;
  while (k-- > 0) r *= 10;
  return r;
}

/* Is c * 10**(17-p) (in units of 10**-k) inside v's interval [lo4, hi4] / 2**(s+2)? */
static bool in_interval(uint64_t c, int p, int s, u128 lo4, u128 hi4, bool even) {
  u128 x = ((u128)c * (uint64_t)pow10_128(17 - p)) << (s + 2);
  return even ? (x >= lo4 && x <= hi4) : (x > lo4 && x < hi4);
}

static bool shortest_exact(double v, char *digits, int *decpt) {
  if (!(v >= 1e-5 && v < 1e16)) return false;
  int e;
  uint64_t m = (uint64_t)ldexp(frexp(v, &e), 53);
  int s = 53 - e;                       /* v = m / 2**s */
  if (s < 0 || s > 69) return false;
  int k = 16 - (int)floor(log10(v));
  u128 n, d;
  for (int tries = 0;; tries++) {       /* the log10 estimate may be off by one */
    if (k < 0 || k > 21 || tries > 2) return false;
    n = (u128)m * pow10_128(k);
    d = n >> s;
    if (d < (u128)UINT64_C(10000000000000000)) k++;
    else if (d >= (u128)UINT64_C(100000000000000000)) k--;
    else break;
  }
  u128 pk = pow10_128(k);
  bool pow2 = m == (UINT64_C(1) << 52);
  u128 lo4 = (u128)(4 * m - (pow2 ? 1 : 2)) * pk, hi4 = (u128)(4 * m + 2) * pk;
  bool even = (m & 1) == 0;
  uint64_t d17 = (uint64_t)d;
  int lo = 1, hi = 17;
  uint64_t best = 0;
  int best_p = 17;   /* p = 17 always has a candidate: the interval is wider than 1 */
  while (lo <= hi) {                    /* smallest p with a candidate inside */
    int p = (lo + hi) / 2;
    uint64_t unit = (uint64_t)pow10_128(17 - p), f = d17 / unit, c = 0;
    bool fin = in_interval(f, p, s, lo4, hi4, even), cin = in_interval(f + 1, p, s, lo4, hi4, even);
    if (fin && cin) {                   /* both: the nearer, ties to even */
      u128 twice_rem = 2 * (n - (((u128)f * unit) << s)), full = (u128)unit << s;
      c = twice_rem > full || (twice_rem == full && (f & 1)) ? f + 1 : f;
    } else if (fin || cin) {
      c = fin ? f : f + 1;
    }
    if (fin || cin) {
      best = c;
      best_p = p;
      hi = p - 1;
    } else {
      lo = p + 1;
    }
  }
  *decpt = 17 - k;                      /* v = 0.DDD... * 10**(17-k) */
  if (best == (uint64_t)pow10_128(best_p)) {   /* rounded up to the next power of ten */
    best /= 10;
    ++*decpt;
  }
  char tmp[24];
  int n2 = 0;
  for (uint64_t t = best; t; t /= 10) tmp[n2++] = (char)('0' + t % 10);
  for (int i = 0; i < n2; i++) digits[i] = tmp[n2 - 1 - i];
  finish_digits(digits, n2, false, decpt);
  return true;
}

/* The shortest round-trip digits of v (finite, > 0), as decimal_digits returns them.
   Correctly rounded p-digit candidates round-trip for every p from some point on, so
   that point is found by bisection. A power of two has a narrower rounding interval
   below it than above, where a shorter string rounded up may still round-trip (as
   dtoa finds: repr(2.0**-140) is '7.174648137343064e-43'). */
static int shortest_digits(double v, char *digits, int *decpt) {
  if (shortest_exact(v, digits, decpt)) return (int)strlen(digits);
  Digits17 x;
  int n17 = decimal_digits(v, 17, false, x.d, &x.decpt);
  memset(x.d + n17, '0', (size_t)(17 - n17));   /* back to exactly 17 digits */
  x.d[17] = 0;
  int lo = 1, hi = 17;
  while (lo < hi) {
    int mid = (lo + hi) / 2, d, n = round_digits17(v, &x, mid, digits, &d);
    if (digits_round_trip(v, digits, n, d)) hi = mid;
    else lo = mid + 1;
  }
  int e;
  if (frexp(v, &e) == 0.5) {
    while (lo > 1) {
      char up[20];
      int d, n = decimal_digits(v, lo - 1, true, up, &d);
      if (!digits_round_trip(v, up, n, d)) break;
      lo--;
    }
    int d, n = decimal_digits(v, lo, true, digits, &d);
    if (digits_round_trip(v, digits, n, d)) {
      *decpt = d;
      return n;
    }
  }
  if (lo == 17) {
    memcpy(digits, x.d, 18);
    *decpt = x.decpt;
    return finish_digits(digits, 17, false, decpt);
  }
  return round_digits17(v, &x, lo, digits, decpt);
}

int float_repr_buf(double v, char *buf) {
  if (isnan(v)) return (int)(strcpy(buf, "nan"), 3);
  if (isinf(v)) return v > 0 ? (int)(strcpy(buf, "inf"), 3) : (int)(strcpy(buf, "-inf"), 4);
  char *p = buf;
  if (signbit(v)) {
    *p++ = '-';
    v = -v;
  }
  if (v == 0) return (int)(p - buf) + (int)(strcpy(p, "0.0"), 3);
  if (v < 1e16 && v == floor(v))   /* integral: all its digits, then ".0" */
    return (int)(p - buf) + snprintf(p, 24, "%.0f.0", v);
  char digits[20];
  int decpt, n = shortest_digits(v, digits, &decpt);
  if (decpt <= -4 || decpt > 16) {
    *p++ = digits[0];
    if (n > 1) {
      *p++ = '.';
      memcpy(p, digits + 1, (size_t)n - 1);
      p += n - 1;
    }
    p += sprintf(p, "e%c%02d", decpt - 1 < 0 ? '-' : '+', abs(decpt - 1));
  } else if (decpt <= 0) {
    *p++ = '0';
    *p++ = '.';
    for (int i = 0; i < -decpt; i++) *p++ = '0';
    memcpy(p, digits, (size_t)n);
    p += n;
  } else {
    for (int i = 0; i < decpt; i++) *p++ = i < n ? digits[i] : '0';
    *p++ = '.';
    if (n > decpt) {
      memcpy(p, digits + decpt, (size_t)(n - decpt));
      p += n - decpt;
    } else {
      *p++ = '0';
    }
  }
  *p = 0;
  return (int)(p - buf);
}

static Object *float_repr(VM *vm, Object *self) {
  char buf[40];
  int n = float_repr_buf(float_value(self), buf);
  return str_new(vm, buf, (size_t)n);
}

Object *float_format(VM *vm, double v, Object *spec) {
  return format_float(vm, v, spec);
}

/* ---- hashing --------------------------------------------------------------------------- */

int64_t float_hash_double(double v) {
  if (!isfinite(v)) return isinf(v) ? (v > 0 ? HASH_INF : -HASH_INF) : 0;
  int e;
  double m = frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  /* x = m * 2**28 step by step, reduced modulo 2**61 - 1 (CPython's _Py_HashDouble) */
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & HASH_MODULUS) | x >> (61 - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = (uint64_t)m;
    m -= (double)y;
    x += y;
    if (x >= HASH_MODULUS) x -= HASH_MODULUS;
  }
  e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  x = ((x << e) & HASH_MODULUS) | x >> (61 - e);
  int64_t h = (int64_t)x * sign;
  return h == -1 ? -2 : h;
}

static int64_t float_hash(VM *vm, Object *self) {
  double v = float_value(self);
  if (isnan(v)) {   /* NaNs hash by identity (3.10+) */
    uintptr_t y = (uintptr_t)self;
    int64_t h = (int64_t)((y >> 4) | (y << (8 * sizeof y - 4)));
    return h == -1 ? -2 : h;
  }
  return float_hash_double(v);
}

/* ---- parsing ------------------------------------------------------------------------------ */

static bool ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/* Copy a decimal literal without its underscores into out (room for n + 1 bytes),
   checking Python's grammar: [sign] (digits [. [digits]] | . digits) [e [sign] digits],
   underscores only between two digits. false if the text is not such a literal. */
static bool clean_decimal(const char *s, size_t n, char *out) {
  const char *p = s, *end = s + n;
  char *o = out;
  if (p < end && (*p == '+' || *p == '-')) *o++ = *p++;
  int mant_digits = 0;
  bool dot = false, exp = false;
  int exp_digits = 0;
  for (; p < end; p++) {
    char c = *p;
    if (is_digit(c)) {
      *o++ = c;
      if (exp) exp_digits++;
      else mant_digits++;
    } else if (c == '_') {
      if (p == s || p + 1 >= end || !is_digit(p[-1]) || !is_digit(p[1])) return false;
    } else if (c == '.' && !dot && !exp) {
      dot = true;
      *o++ = c;
    } else if ((c == 'e' || c == 'E') && !exp && mant_digits) {
      exp = true;
      *o++ = 'e';
      if (p + 1 < end && (p[1] == '+' || p[1] == '-')) *o++ = *++p;
    } else {
      return false;
    }
  }
  *o = 0;
  return mant_digits > 0 && (!exp || exp_digits > 0);
}

/* inf, infinity, nan (any case, optional sign): true and *out set. */
static bool special_value(const char *p, size_t n, double *out) {
  double sign = 1.0;
  if (n && (*p == '+' || *p == '-')) {
    sign = *p == '-' ? -1.0 : 1.0;
    p++;
    n--;
  }
  if ((n == 3 && strncasecmp(p, "inf", 3) == 0) || (n == 8 && strncasecmp(p, "infinity", 8) == 0)) {
    *out = sign * HUGE_VAL;
    return true;
  }
  if (n == 3 && strncasecmp(p, "nan", 3) == 0) {
    *out = copysign(NAN, sign);
    return true;
  }
  return false;
}

/* float(s) for the n bytes at text (s's text or its ASCII transform). 0 or -1. */
static int parse_float(VM *vm, Object *s, const char *text, size_t len, double *out) {
  const char *p = text, *end = text + len;
  while (p < end && ascii_space(*p)) p++;
  while (end > p && ascii_space(end[-1])) end--;
  size_t n = (size_t)(end - p);
  if (special_value(p, n, out)) return 0;
  char small[128];
  char *buf = n < sizeof small ? small : heap_alloc(vm, n + 1);
  if (!buf) return -1;
  bool ok = clean_decimal(p, n, buf);
  if (ok) *out = strtod(buf, NULL);
  if (buf != small) heap_free(vm, buf, n + 1);
  if (ok) return 0;
  exc_set(vm, &vm->exc_ValueError, "could not convert string to float: %R", s);
  return -1;
}

int float_from_string(VM *vm, Object *s, double *out) {
  if (!((StrObject *)s)->ascii) {
    size_t n;
    char *text = num_ascii_text(vm, s, &n);
    if (!text) return -1;
    int rc = parse_float(vm, s, text, n, out);
    heap_free(vm, text, n + 1);
    return rc;
  }
  return parse_float(vm, s, str_utf8(s), (size_t)str_nbytes(s), out);
}

/* ---- arithmetic ------------------------------------------------------------------------------ */

static Object *zero_division(VM *vm, const char *msg) {
  return exc_set(vm, &vm->exc_ZeroDivisionError, "%s", msg);
}

/* CPython's float_divmod: *mod takes wx's sign, *div is floored. wx != 0. */
static void divmod_values(double vx, double wx, double *floordiv, double *mod) {
  double m = fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      div -= 1.0;
    }
  } else {
    m = copysign(0.0, wx);
  }
  double fd;
  if (div) {
    fd = floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *mod = m;
}

static bool is_odd_integer(double x) {
  return fmod(fabs(x), 2.0) == 1.0;
}

/* New reference: iv ** iw with CPython's float_pow special cases. */
static Object *float_pow(VM *vm, double iv, double iw) {
  if (iw == 0) return float_new(vm, 1.0);
  if (isnan(iv)) return float_new(vm, iv);
  if (isnan(iw)) return float_new(vm, iv == 1.0 ? 1.0 : iw);
  if (isinf(iw)) {
    iv = fabs(iv);
    if (iv == 1.0) return float_new(vm, 1.0);
    return float_new(vm, (iw > 0.0) == (iv > 1.0) ? fabs(iw) : 0.0);
  }
  if (isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) return float_new(vm, odd ? iv : fabs(iv));
    return float_new(vm, odd ? copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    if (iw < 0.0) return zero_division(vm, "0.0 cannot be raised to a negative power");
    return float_new(vm, is_odd_integer(iw) ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != floor(iw))   /* CPython returns a complex here; Kite has no complex type */
      return exc_set(vm, &vm->exc_ValueError,
                     "negative number cannot be raised to a fractional power");
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return float_new(vm, negate ? -1.0 : 1.0);
  errno = 0;
  double r = pow(iv, iw);
  if (negate) r = -r;
  if (isinf(r) || (errno == ERANGE && fabs(r) >= 1.0))
    return exc_set(vm, &vm->exc_OverflowError, "(%d, '%s')", ERANGE, "Numerical result out of range");
  return float_new(vm, r);
}

/* New reference: x op y on two doubles, or NotImplemented for operators floats lack. */
static Object *float_arith(VM *vm, double x, double y, int op) {
  double q, m;
  switch (op) {
  case BINOP_ADD: return float_new(vm, x + y);
  case BINOP_SUB: return float_new(vm, x - y);
  case BINOP_MUL: return float_new(vm, x * y);
  case BINOP_TRUEDIV:
    if (y == 0) return zero_division(vm, "float division by zero");
    return float_new(vm, x / y);
  case BINOP_FLOORDIV:
    if (y == 0) return zero_division(vm, "float floor division by zero");
    divmod_values(x, y, &q, &m);
    return float_new(vm, q);
  case BINOP_MOD:
    if (y == 0) return zero_division(vm, "float modulo");
    m = fmod(x, y);
    if (m) {
      if ((y < 0) != (m < 0)) m += y;
    } else {
      m = copysign(0.0, y);
    }
    return float_new(vm, m);
  case BINOP_POW: return float_pow(vm, x, y);
  default: return obj_newref(VM_NOTIMPL(vm));
  }
}

static Object *float_binop(VM *vm, Object *a, Object *b, int op) {
  if (FLOAT_CHECK_EXACT(vm, a) && FLOAT_CHECK_EXACT(vm, b))
    return float_arith(vm, float_value(a), float_value(b), op & ~BINOP_INPLACE);
  double x, y;
  int ra = number_value(vm, a, &x);
  if (ra <= 0) return ra < 0 ? NULL : obj_newref(VM_NOTIMPL(vm));
  int rb = number_value(vm, b, &y);
  if (rb <= 0) return rb < 0 ? NULL : obj_newref(VM_NOTIMPL(vm));
  return float_arith(vm, x, y, op & ~BINOP_INPLACE);
}

Object *float_divmod(VM *vm, Object *a, Object *b) {
  double x, y, q, m;
  if (number_value(vm, a, &x) < 0 || number_value(vm, b, &y) < 0) return NULL;
  if (y == 0) return zero_division(vm, "float divmod()");
  divmod_values(x, y, &q, &m);
  Object *fq = float_new(vm, q), *fm = fq ? float_new(vm, m) : NULL;
  Object *t = fm ? tuple_pack(vm, 2, fq, fm) : NULL;
  obj_xdecref(vm, fq);
  obj_xdecref(vm, fm);
  return t;
}

static Object *float_ternpow(VM *vm, Object *a, Object *b, Object *mod) {
  return exc_set(vm, &vm->exc_TypeError,
                 "pow() 3rd argument not allowed unless all arguments are integers");
}

static Object *float_unaryop(VM *vm, Object *self, int op) {
  double v = float_value(self);
  switch (op) {
  case UNARY_NEG: return float_new(vm, -v);
  case UNARY_POS:
  case UNARY_FLOAT:
    return FLOAT_CHECK_EXACT(vm, self) ? obj_newref(self) : float_new(vm, v);
  case UNARY_ABS: return float_new(vm, fabs(v));
  case UNARY_INT: return int_from_double(vm, v);
  default: return obj_newref(VM_NOTIMPL(vm));
  }
}

static const int swapped_op[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

static Object *float_richcompare(VM *vm, Object *a, Object *b, int op) {
  if (!FLOAT_CHECK_EXACT(vm, a) && !FLOAT_CHECK(vm, a)) return obj_newref(VM_NOTIMPL(vm));
  double x = float_value(a);
  if (INT_CHECK(vm, b)) return int_compare_double(vm, b, x, swapped_op[op]);
  if (!FLOAT_CHECK_EXACT(vm, b) && !FLOAT_CHECK(vm, b)) return obj_newref(VM_NOTIMPL(vm));
  double y = float_value(b);
  bool r;
  switch (op) {
  case CMP_LT: r = x < y; break;
  case CMP_LE: r = x <= y; break;
  case CMP_EQ: r = x == y; break;
  case CMP_NE: r = x != y; break;
  case CMP_GT: r = x > y; break;
  default: r = x >= y; break;
  }
  return vm_bool(vm, r);
}

static int float_bool(VM *vm, Object *self) {
  return float_value(self) != 0.0;
}

/* ---- rounding ------------------------------------------------------------------------------- */

/* x rounded half to even to an integral double. */
static double round_half_even(double x) {
  double r = round(x);
  if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
  return r;
}

/* x rounded to nd decimal places (CPython's double_round), or an OverflowError. */
static Object *round_digits(VM *vm, double x, int64_t nd) {
  /* CPython's NDIGITS_MAX / NDIGITS_MIN: beyond them x is exact or rounds to zero */
  if (!isfinite(x) || x == 0.0 || nd > 323) return float_new(vm, x);
  if (nd < -308) return float_new(vm, 0.0 * x);
  char buf[400];
  snprintf(buf, sizeof buf, "%.17e", x);
  int e10 = atoi(strchr(buf, 'e') + 1);   /* 10**e10 <= |x| < 10**(e10+1) */
  int64_t p = e10 + nd;                   /* digits kept after the leading one */
  if (p >= 17) return float_new(vm, x);   /* 18+ significant digits: x itself */
  double r;
  if (p >= 0) {
    snprintf(buf, sizeof buf, "%.*e", (int)p, x);
    r = strtod(buf, NULL);
  } else if (p == -1) {   /* rounds to 0 or to +-10**(e10+1): above half? */
    snprintf(buf, sizeof buf, "%.25e", fabs(x));
    bool up = buf[0] > '5';
    if (buf[0] == '5')
      for (const char *q = buf + 2; *q != 'e'; q++) up |= *q != '0';
    snprintf(buf, sizeof buf, "%se%d", up ? "1" : "0", e10 + 1);
    r = copysign(strtod(buf, NULL), x);
  } else {
    r = 0.0 * x;
  }
  if (isinf(r)) return exc_set(vm, &vm->exc_OverflowError, "rounded value too large to represent");
  return float_new(vm, r);
}

Object *float_round(VM *vm, double x, Object *ndigits) {
  if (!ndigits || ndigits == VM_NONE(vm)) return int_from_double(vm, round_half_even(x));
  Object *nd = INT_CHECK(vm, ndigits) ? obj_newref(ndigits) : obj_unaryop(vm, ndigits, UNARY_INDEX);
  if (!nd) return NULL;
  int64_t n;
  if (int_as_i64(vm, nd, &n) < 0) {   /* huge: clamp, as PyNumber_AsSsize_t does */
    exc_clear(vm);
    n = int_sign(vm, nd) < 0 ? INT64_MIN : INT64_MAX;
  }
  obj_decref(vm, nd);
  return round_digits(vm, x, n);
}

/* ---- construction ------------------------------------------------------------------------------ */

static Object *float_tp_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                            Object *kwnames) {
  if (arg_no_kw(vm, "float", kwnames) < 0 || arg_count(vm, "float", nargs, 0, 1) < 0)
    return NULL;
  double v = 0.0;
  if (nargs) {
    Object *x = args[0];
    if (FLOAT_CHECK_EXACT(vm, x) && type == &vm->float_type) return obj_newref(x);
    int rc;
    if (STR_CHECK(vm, x)) {
      rc = float_from_string(vm, x, &v) < 0 ? -1 : 1;
    } else if ((rc = number_value(vm, x, &v)) == 0 && (rc = dunder_value(vm, x, &v)) == 0) {
      return exc_set(vm, &vm->exc_TypeError,
                     "float() argument must be a string or a real number, not '%s'",
                     type_name(obj_type(vm, x)));
    }
    if (rc < 0) return NULL;
  }
  return float_of_type(vm, type, v);
}

/* ---- methods --------------------------------------------------------------------------------- */

#define SELF_VALUE float_value(self)

static Object *float_m_is_integer(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  double v = SELF_VALUE;
  return vm_bool(vm, isfinite(v) && floor(v) == v);
}

static Object *float_m_as_integer_ratio(VM *vm, Object *self, Object *const *a, size_t n,
                                        Object *kw) {
  double v = SELF_VALUE;
  if (isinf(v))
    return exc_set(vm, &vm->exc_OverflowError, "cannot convert Infinity to integer ratio");
  if (isnan(v)) return exc_set(vm, &vm->exc_ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = frexp(v, &e);
  for (int i = 0; i < 300 && m != floor(m); i++) {
    m *= 2.0;
    e--;
  }
  Object *num = int_from_double(vm, m), *den = small_new(1), *t = NULL;
  if (!num) return NULL;
  Object *shift = int_from_i64(vm, e > 0 ? e : -e);
  Object *sh = obj_binop(vm, e > 0 ? num : den, shift, BINOP_LSHIFT);
  if (sh) {
    if (e > 0) OBJ_SETREF(vm, num, sh); else den = sh;
    t = tuple_pack(vm, 2, num, den);
  }
  obj_decref(vm, num);
  obj_decref(vm, den);
  obj_decref(vm, shift);
  return t;
}

static Object *float_m_conjugate(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  return float_unaryop(vm, self, UNARY_FLOAT);
}

static Object *float_m_trunc(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  return int_from_double(vm, SELF_VALUE);
}

static Object *float_m_floor(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  return int_from_double(vm, floor(SELF_VALUE));
}

static Object *float_m_ceil(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  return int_from_double(vm, ceil(SELF_VALUE));
}

static Object *float_m_round(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  if (arg_no_kw(vm, "__round__", kw) < 0 || arg_count(vm, "__round__", n, 0, 1) < 0) return NULL;
  return float_round(vm, SELF_VALUE, n ? a[0] : NULL);
}

static Object *float_m_format(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  if (!STR_CHECK(vm, a[0]))
    return exc_set(vm, &vm->exc_TypeError, "__format__() argument must be str, not %s",
                   type_name(obj_type(vm, a[0])));
  return format_float(vm, SELF_VALUE, a[0]);
}

static Object *float_m_getnewargs(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  Object *f = float_new(vm, SELF_VALUE);
  if (!f) return NULL;
  Object *t = tuple_pack(vm, 1, f);
  obj_decref(vm, f);
  return t;
}

static Object *float_m_divmod(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  double d;
  if (number_value(vm, a[0], &d) == 0) return obj_newref(VM_NOTIMPL(vm));
  return float_divmod(vm, self, a[0]);
}

static Object *float_m_rdivmod(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  double d;
  if (number_value(vm, a[0], &d) == 0) return obj_newref(VM_NOTIMPL(vm));
  return float_divmod(vm, a[0], self);
}

/* float.hex(): CPython's float_hex, 13 hex digits after the point. */
static Object *float_m_hex(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  double x = SELF_VALUE;
  char buf[40];
  if (!isfinite(x) || x == 0.0) {
    if (x == 0.0) return str_from_cstr(vm, signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int len = float_repr_buf(x, buf);
    return str_new(vm, buf, (size_t)len);
  }
  int e;
  double m = frexp(fabs(x), &e);
  int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
  m = ldexp(m, shift);
  e -= shift;
  char digits[20], *p = digits;
  *p++ = "0123456789abcdef"[(int)m];
  m -= (int)m;
  *p++ = '.';
  for (int i = 0; i < 13; i++) {
    m *= 16.0;
    *p++ = "0123456789abcdef"[(int)m];
    m -= (int)m;
  }
  *p = 0;
  snprintf(buf, sizeof buf, "%s0x%sp%c%d", x < 0 ? "-" : "", digits, e < 0 ? '-' : '+', abs(e));
  return str_from_cstr(vm, buf);
}

static bool is_hex(char c) {
  return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* float.fromhex(s): [sign] [0x] hexdigits [. hexdigits] [p [sign] digits], or inf/nan;
   the conversion itself is strtod's (correctly rounded for hex input). */
static Object *float_m_fromhex(VM *vm, Object *cls, Object *const *a, size_t n, Object *kw) {
  if (!STR_CHECK(vm, a[0]))
    return exc_set(vm, &vm->exc_TypeError, "bad argument type for built-in operation");
  const char *p = str_utf8(a[0]), *end = p + str_nbytes(a[0]);
  while (p < end && ascii_space(*p)) p++;
  while (end > p && ascii_space(end[-1])) end--;
  double v;
  size_t len = (size_t)(end - p);
  if (!special_value(p, len, &v)) {
    char small[128];
    char *buf = len + 3 < sizeof small ? small : heap_alloc(vm, len + 3);
    if (!buf) return NULL;
    char *o = buf;
    const char *q = p;
    if (q < end && (*q == '+' || *q == '-')) *o++ = *q++;
    if (q + 1 < end && q[0] == '0' && (q[1] | 0x20) == 'x') q += 2;
    *o++ = '0';
    *o++ = 'x';
    int ndig = 0;
    bool dot = false, ok = true;
    for (; q < end && (is_hex(*q) || (*q == '.' && !dot)); q++) {
      dot |= *q == '.';
      ndig += *q != '.';
      *o++ = *q;
    }
    if (q < end && (*q | 0x20) == 'p') {
      *o++ = *q++;
      if (q < end && (*q == '+' || *q == '-')) *o++ = *q++;
      ok = q < end;
      for (; q < end && is_digit(*q); q++) *o++ = *q;
    }
    *o = 0;
    ok = ok && ndig > 0 && q == end;
    if (ok) v = strtod(buf, NULL);
    if (buf != small) heap_free(vm, buf, len + 3);
    if (!ok)
      return exc_set(vm, &vm->exc_ValueError, "invalid hexadecimal floating-point string");
    if (isinf(v))
      return exc_set(vm, &vm->exc_OverflowError,
                     "hexadecimal value too large to represent as a float");
  }
  Object *f = float_new(vm, v);
  if (!f || (TypeObject *)cls == &vm->float_type) return f;
  Object *r = obj_call1(vm, cls, f);
  obj_decref(vm, f);
  return r;
}

static const MethodDef float_methods[] = {
  {"hex", float_m_hex, METH_NOARGS, "Return a hexadecimal representation of a floating-point number."},
  {"fromhex", float_m_fromhex, METH_O | METH_CLASS, "Create a floating-point number from a hexadecimal string."},
  {"is_integer", float_m_is_integer, METH_NOARGS, "Return True if the float is an integer."},
  {"as_integer_ratio", float_m_as_integer_ratio, METH_NOARGS, "Return integer ratio."},
  {"conjugate", float_m_conjugate, METH_NOARGS, "Return self, the complex conjugate of any float."},
  {"__trunc__", float_m_trunc, METH_NOARGS, "Return the Integral closest to x between 0 and x."},
  {"__floor__", float_m_floor, METH_NOARGS, "Return the floor as an Integral."},
  {"__ceil__", float_m_ceil, METH_NOARGS, "Return the ceiling as an Integral."},
  {"__round__", float_m_round, METH_VARARGS, "Return the Integral closest to x, rounding half toward even."},
  {"__format__", float_m_format, METH_O, "Formats the float according to format_spec."},
  {"__getnewargs__", float_m_getnewargs, METH_NOARGS, NULL},
  {"__divmod__", float_m_divmod, METH_O, "Return divmod(self, value)."},
  {"__rdivmod__", float_m_rdivmod, METH_O, "Return divmod(value, self)."},
  {NULL, NULL, 0, NULL},
};

static Object *float_get_real(VM *vm, Object *self, void *closure) {
  return float_unaryop(vm, self, UNARY_FLOAT);
}

static Object *float_get_imag(VM *vm, Object *self, void *closure) {
  return float_new(vm, 0.0);
}

static const GetSetDef float_getset[] = {
  {"real", float_get_real, NULL, "the real part of a complex number", NULL},
  {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
  {NULL, NULL, NULL, NULL, NULL},
};

void float_type_init(VM *vm) {
  TypeObject *t = &vm->float_type;
  type_init_builtin(vm, t, "float", NULL, sizeof(FloatObject), 0, TYPE_FLAG_BASETYPE);
  t->tp_dealloc = float_dealloc;
  t->tp_new = float_tp_new;
  t->tp_repr = float_repr;
  t->tp_hash = float_hash;
  t->tp_richcompare = float_richcompare;
  t->tp_binop = float_binop;
  t->tp_ternpow = float_ternpow;
  t->tp_unaryop = float_unaryop;
  t->tp_bool = float_bool;
  t->tp_binop_mask = (1u << BINOP_ADD) | (1u << BINOP_SUB) | (1u << BINOP_MUL) |
                     (1u << BINOP_TRUEDIV) | (1u << BINOP_FLOORDIV) | (1u << BINOP_MOD) |
                     (1u << BINOP_POW) |
                     ((1u << UNARY_NEG) | (1u << UNARY_POS) | (1u << UNARY_INT) |
                      (1u << UNARY_FLOAT) | (1u << UNARY_ABS)) << 16;
  t->tp_methods = float_methods;
  t->tp_getset = float_getset;
  t->tp_doc = "Convert a string or number to a floating point number, if possible.";
}
