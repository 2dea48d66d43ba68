/*
 * mathmodule: the `math` module, after CPython 3.11's Modules/mathmodule.c.
 *
 * Float functions convert their arguments with float_as_double (so ints, floats and
 * objects with __float__ or __index__ work, and anything else raises "must be real
 * number, not str") and call libm. Errors follow CPython's math_1 rule: a NaN result
 * from a non-NaN argument is ValueError("math domain error"); an infinite result from a
 * finite argument is OverflowError("math range error") for functions that can overflow
 * (exp, cosh ...) and a domain error for the others (log(0), atanh(1)).
 *
 * Integer functions (gcd, lcm, factorial, comb, perm, isqrt) work on exact ints through
 * obj_binop, with int64 fast paths. log, log2 and log10 accept ints too large for a
 * double (log(m * 2**e) = log(m) + e*log(2)), as CPython's loghelper does. fsum is
 * Shewchuk's exact summation, CPython's msum with its special-value handling.
 */
#include "runtime/mathmodule.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define FN(name) static Object *name(VM *vm, Object *self, Object *const *args, size_t nargs, \
                                     Object *kwnames)

static Object *domain_error(VM *vm) {
  return exc_set(vm, &vm->exc_ValueError, "math domain error");
}

static Object *range_error(VM *vm) {
  return exc_set(vm, &vm->exc_OverflowError, "math range error");
}

/* New reference: the float r computed from x, checked by CPython's math_1 rule. */
static Object *checked(VM *vm, double x, double r, bool can_overflow) {
  if (isnan(r) && !isnan(x)) return domain_error(vm);
  if (isinf(r) && isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
  return float_new(vm, r);
}

static Object *math_1(VM *vm, Object *arg, double (*f)(double), bool can_overflow) {
  double x;
  if (float_as_double(vm, arg, &x) < 0) return NULL;
  errno = 0;
  return checked(vm, x, f(x), can_overflow);
}

#define MATH_1(name, cfn, over) \
  FN(math_##name) { return math_1(vm, args[0], cfn, over); }

static double m_degrees(double x) { return x * (180.0 / M_PI); }
static double m_radians(double x) { return x * (M_PI / 180.0); }
static double m_sqrt(double x) { return x < 0 ? NAN : sqrt(x); }
static double m_gamma(double x) {
  if (x == floor(x) && x <= 0) return NAN;   /* poles: domain errors, as CPython */
  return tgamma(x);
}
static double m_lgamma(double x) {
  if (isfinite(x) && x == floor(x) && x <= 0) return NAN;   /* poles: domain errors, as CPython */
  return lgamma(x);
}

MATH_1(sqrt, m_sqrt, false)
MATH_1(exp, exp, true)
MATH_1(exp2, exp2, true)
MATH_1(expm1, expm1, true)
MATH_1(sin, sin, false)
MATH_1(cos, cos, false)
MATH_1(tan, tan, false)
MATH_1(asin, asin, false)
MATH_1(acos, acos, false)
MATH_1(atan, atan, false)
MATH_1(sinh, sinh, true)
MATH_1(cosh, cosh, true)
MATH_1(tanh, tanh, false)
MATH_1(asinh, asinh, false)
MATH_1(acosh, acosh, false)
MATH_1(atanh, atanh, false)
MATH_1(erf, erf, false)
MATH_1(erfc, erfc, false)
MATH_1(gamma, m_gamma, true)
MATH_1(lgamma, m_lgamma, true)
MATH_1(fabs, fabs, false)
MATH_1(cbrt, cbrt, false)
MATH_1(log1p, log1p, false)

/* degrees and radians never raise (CPython multiplies without math_1's checks). */
static Object *unchecked(VM *vm, Object *arg, double (*f)(double)) {
  double x;
  return float_as_double(vm, arg, &x) < 0 ? NULL : float_new(vm, f(x));
}
FN(math_degrees) { return unchecked(vm, args[0], m_degrees); }
FN(math_radians) { return unchecked(vm, args[0], m_radians); }

/* Two float arguments: 0 or -1. */
static int two_doubles(VM *vm, const char *name, Object *const *args, size_t nargs,
                       Object *kwnames, double *x, double *y) {
  if (arg_no_kw(vm, name, kwnames) < 0 || arg_count(vm, name, nargs, 2, 2) < 0) return -1;
  if (float_as_double(vm, args[0], x) < 0 || float_as_double(vm, args[1], y) < 0) return -1;
  return 0;
}

FN(math_atan2) {
  double y, x;
  if (two_doubles(vm, "atan2", args, nargs, kwnames, &y, &x) < 0) return NULL;
  return float_new(vm, atan2(y, x));
}

FN(math_copysign) {
  double x, y;
  if (two_doubles(vm, "copysign", args, nargs, kwnames, &x, &y) < 0) return NULL;
  return float_new(vm, copysign(x, y));
}

FN(math_fmod) {
  double x, y;
  if (two_doubles(vm, "fmod", args, nargs, kwnames, &x, &y) < 0) return NULL;
  if (isinf(y) && isfinite(x)) return float_new(vm, x);
  double r = fmod(x, y);
  if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error(vm);
  return float_new(vm, r);
}

FN(math_remainder) {
  double x, y;
  if (two_doubles(vm, "remainder", args, nargs, kwnames, &x, &y) < 0) return NULL;
  if (isnan(x) || isnan(y)) return float_new(vm, isnan(x) ? x : y);
  if (isinf(x) || y == 0) return domain_error(vm);
  return float_new(vm, isinf(y) ? x : remainder(x, y));
}

FN(math_nextafter) {
  double x, y;
  if (two_doubles(vm, "nextafter", args, nargs, kwnames, &x, &y) < 0) return NULL;
  return float_new(vm, nextafter(x, y));
}

FN(math_ulp) {
  double x;
  if (float_as_double(vm, args[0], &x) < 0) return NULL;
  if (isnan(x)) return float_new(vm, x);
  x = fabs(x);
  if (isinf(x)) return float_new(vm, x);
  double next = nextafter(x, INFINITY);
  if (isinf(next)) return float_new(vm, x - nextafter(x, -INFINITY));
  return float_new(vm, next - x);
}

FN(math_pow) {
  double x, y, r;
  if (two_doubles(vm, "pow", args, nargs, kwnames, &x, &y) < 0) return NULL;
  if (!isfinite(x) || !isfinite(y)) {
    if (isnan(x)) r = y == 0.0 ? 1.0 : x;
    else if (isnan(y)) r = x == 1.0 ? 1.0 : y;
    else if (isinf(x)) {
      bool odd = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
      r = y > 0 ? (odd ? x : fabs(x)) : y == 0 ? 1.0 : (odd ? copysign(0.0, x) : 0.0);
    } else {   /* y infinite */
      if (fabs(x) == 1.0) r = 1.0;
      else if (y > 0 && fabs(x) > 1.0) r = y;
      else if (y < 0 && fabs(x) < 1.0) r = -y;
      else r = 0.0;
    }
    return float_new(vm, r);
  }
  r = pow(x, y);
  if (isnan(r)) return domain_error(vm);
  if (isinf(r)) return x == 0.0 ? domain_error(vm) : range_error(vm);
  return float_new(vm, r);
}

/* ---- logarithms -------------------------------------------------------------------- */

/* log of x with f (log, log2 or log10), ints of any size included. */
static Object *loghelper(VM *vm, Object *x, double (*f)(double), double *out) {
  double d;
  if (INT_CHECK(vm, x)) {
    if (int_sign(vm, x) <= 0) return domain_error(vm);
    if (int_as_double(vm, x, &d) == 0) {
      *out = f(d);
      return VM_NONE(vm);
    }
    exc_clear(vm);   /* too big for a double: x = m * 2**e with m < 2**60 */
    int64_t e = int_bit_length(vm, x) - 60;
    Object *sh = int_from_i64(vm, e), *m = sh ? obj_binop(vm, x, sh, BINOP_RSHIFT) : NULL;
    obj_xdecref(vm, sh);
    if (!m) return NULL;
    int rc = int_as_double(vm, m, &d);
    obj_decref(vm, m);
    if (rc < 0) return NULL;
    *out = f(d) + (double)e * f(2.0);
    return VM_NONE(vm);
  }
  if (float_as_double(vm, x, &d) < 0) return NULL;
  if (isnan(d)) {
    *out = d;
    return VM_NONE(vm);
  }
  if (d <= 0) return domain_error(vm);
  *out = f(d);
  return VM_NONE(vm);
}

FN(math_log) {
  if (arg_no_kw(vm, "log", kwnames) < 0 || arg_count(vm, "log", nargs, 1, 2) < 0) return NULL;
  double num, den;
  if (!loghelper(vm, args[0], log, &num)) return NULL;
  if (nargs == 1) return float_new(vm, num);
  if (!loghelper(vm, args[1], log, &den)) return NULL;
  if (den == 0) return exc_set(vm, &vm->exc_ZeroDivisionError, "float division by zero");
  return float_new(vm, num / den);
}

FN(math_log2) {
  double r;
  return loghelper(vm, args[0], log2, &r) ? float_new(vm, r) : NULL;
}

FN(math_log10) {
  double r;
  return loghelper(vm, args[0], log10, &r) ? float_new(vm, r) : NULL;
}

/* ---- rounding ---------------------------------------------------------------------- */

/* floor/ceil: ints are returned as they are, other types may define the dunder. */
static Object *round_to_int(VM *vm, Object *x, Object *dunder, double (*f)(double)) {
  if (FLOAT_CHECK_EXACT(vm, x)) return int_from_double(vm, f(float_value(x)));
  if (INT_CHECK(vm, x)) return int_exact(vm, x);
  if (type_lookup(vm, obj_type(vm, x), dunder))
    return obj_call_method(vm, x, str_utf8(dunder), NULL, 0);
  double d;
  if (float_as_double(vm, x, &d) < 0) return NULL;
  return int_from_double(vm, f(d));
}

FN(math_floor) { return round_to_int(vm, args[0], vm->id.__floor__, floor); }
FN(math_ceil) { return round_to_int(vm, args[0], vm->id.__ceil__, ceil); }

FN(math_trunc) {
  Object *x = args[0];
  if (FLOAT_CHECK_EXACT(vm, x)) return int_from_double(vm, float_value(x));
  if (!type_lookup(vm, obj_type(vm, x), vm->id.__trunc__))
    return exc_set(vm, &vm->exc_TypeError, "type %s doesn't define __trunc__ method",
                   type_name(obj_type(vm, x)));
  return obj_call_method(vm, x, "__trunc__", NULL, 0);
}

FN(math_modf) {
  double x, ip;
  if (float_as_double(vm, args[0], &x) < 0) return NULL;
  double frac = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
  if (isinf(x)) ip = x;
  Object *a = float_new(vm, frac), *b = a ? float_new(vm, ip) : NULL;
  Object *t = b ? tuple_pack(vm, 2, a, b) : NULL;
  obj_xdecref(vm, a);
  obj_xdecref(vm, b);
  return t;
}

FN(math_frexp) {
  double x;
  int e = 0;
  if (float_as_double(vm, args[0], &x) < 0) return NULL;
  double m = isfinite(x) ? frexp(x, &e) : x;
  Object *a = float_new(vm, m), *b = int_from_i64(vm, e);
  Object *t = a ? tuple_pack(vm, 2, a, b) : NULL;
  obj_xdecref(vm, a);
  return t;
}

FN(math_ldexp) {
  double x;
  if (arg_no_kw(vm, "ldexp", kwnames) < 0 || arg_count(vm, "ldexp", nargs, 2, 2) < 0) return NULL;
  if (float_as_double(vm, args[0], &x) < 0) return NULL;
  if (!INT_CHECK(vm, args[1]))
    return exc_set(vm, &vm->exc_TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (int_as_i64(vm, args[1], &e) < 0) {
    exc_clear(vm);
    e = int_sign(vm, args[1]) < 0 ? INT32_MIN : INT32_MAX;
  }
  if (e > INT32_MAX) e = INT32_MAX;
  if (e < INT32_MIN) e = INT32_MIN;
  if (x == 0 || !isfinite(x)) return float_new(vm, x);
  double r = ldexp(x, (int)e);
  if (isinf(r)) return range_error(vm);
  return float_new(vm, r);
}

/* ---- predicates -------------------------------------------------------------------- */

static Object *predicate(VM *vm, Object *arg, int (*f)(double)) {
  double x;
  if (float_as_double(vm, arg, &x) < 0) return NULL;
  return vm_bool(vm, f(x));
}

static int p_isnan(double x) { return isnan(x); }
static int p_isinf(double x) { return isinf(x); }
static int p_isfinite(double x) { return isfinite(x); }
FN(math_isnan) { return predicate(vm, args[0], p_isnan); }
FN(math_isinf) { return predicate(vm, args[0], p_isinf); }
FN(math_isfinite) { return predicate(vm, args[0], p_isfinite); }

FN(math_isclose) {
  static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
  Object *a[4];
  if (nargs > 2)
    return exc_set(vm, &vm->exc_TypeError,
                   "isclose() takes exactly 2 positional arguments (%zu given)", nargs);
  if (arg_parse(vm, "isclose", args, nargs, kwnames, names, 2, 2, a) < 0) return NULL;
  double x, y, rel = 1e-09, abs_tol = 0.0;
  if (float_as_double(vm, a[0], &x) < 0 || float_as_double(vm, a[1], &y) < 0) return NULL;
  if ((a[2] && float_as_double(vm, a[2], &rel) < 0) ||
      (a[3] && float_as_double(vm, a[3], &abs_tol) < 0))
    return NULL;
  if (rel < 0.0 || abs_tol < 0.0)
    return exc_set(vm, &vm->exc_ValueError, "tolerances must be non-negative");
  if (x == y) return vm_bool(vm, true);
  if (isinf(x) || isinf(y)) return vm_bool(vm, false);
  double diff = fabs(y - x);
  return vm_bool(vm, diff <= fabs(rel * y) || diff <= fabs(rel * x) || diff <= abs_tol);
}

/* ---- norms --------------------------------------------------------------------------- */

/* sqrt(sum of squares) of n values, nearly always correctly rounded (as CPython's):
   the values are scaled by a power of two to put the largest in [0.5, 1), the squares
   are summed in double-double arithmetic (fma gives each square's rounding error),
   and the square root gets one Newton correction from the exact residual. */
static double vector_norm(const double *v, size_t n) {
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < n; i++) {
    double x = fabs(v[i]);
    if (isinf(x)) return x;
    found_nan |= isnan(x);
    if (x > max) max = x;
  }
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  int e;
  frexp(max, &e);
  if (e < -1000) {   /* subnormal range: scale up first so ldexp(1, -e) stays finite */
    double t[n];
    for (size_t i = 0; i < n; i++) t[i] = v[i] * 0x1p600;
    return vector_norm(t, n) * 0x1p-600;
  }
  double scale = ldexp(1.0, -e), hi = 0.0, lo = 0.0;
  for (size_t i = 0; i < n; i++) {
    double x = v[i] * scale, sq = x * x, sq_err = fma(x, x, -sq);
    double s = hi + sq, bp = s - hi;   /* two-sum of hi and sq */
    lo += (hi - (s - bp)) + (sq - bp) + sq_err;
    hi = s;
  }
  double h = sqrt(hi + lo);
  double resid = (fma(-h, h, hi)) + lo;   /* (hi + lo) - h*h */
  h += resid / (2.0 * h);
  return h / scale;
}

/* The floats of n objects into a heap block (or stack buffer when small). */
static double *doubles_of(VM *vm, Object *const *items, size_t n, double *stack, size_t cap) {
  double *v = n <= cap ? stack : heap_alloc(vm, n * sizeof(double));
  if (!v) return NULL;
  for (size_t i = 0; i < n; i++) {
    if (float_as_double(vm, items[i], &v[i]) < 0) {
      if (v != stack) heap_free(vm, v, n * sizeof(double));
      return NULL;
    }
  }
  return v;
}

FN(math_hypot) {
  if (arg_no_kw(vm, "hypot", kwnames) < 0) return NULL;
  double stack[16];
  double *v = doubles_of(vm, args, nargs, stack, 16);
  if (!v) return NULL;
  double r = vector_norm(v, nargs);
  if (v != stack) heap_free(vm, v, nargs * sizeof(double));
  return float_new(vm, r);
}

FN(math_dist) {
  if (arg_no_kw(vm, "dist", kwnames) < 0 || arg_count(vm, "dist", nargs, 2, 2) < 0) return NULL;
  Object *p = tuple_from_iterable(vm, args[0]), *q = p ? tuple_from_iterable(vm, args[1]) : NULL;
  Object *r = NULL;
  if (!q) goto done;
  size_t n = (size_t)TUPLE_SIZE(p);
  if ((size_t)TUPLE_SIZE(q) != n) {
    exc_set(vm, &vm->exc_ValueError, "both points must have the same number of dimensions");
    goto done;
  }
  double sp[16], sq[16];
  double *a = doubles_of(vm, TUPLE_ITEMS(p), n, sp, 16);
  double *b = a ? doubles_of(vm, TUPLE_ITEMS(q), n, sq, 16) : NULL;
  if (b) {
    for (size_t i = 0; i < n; i++) a[i] -= b[i];
    r = float_new(vm, vector_norm(a, n));
  }
  if (a && a != sp) heap_free(vm, a, n * sizeof(double));
  if (b && b != sq) heap_free(vm, b, n * sizeof(double));
done:
  obj_xdecref(vm, p);
  obj_xdecref(vm, q);
  return r;
}

/* ---- exact sums and products --------------------------------------------------------- */

FN(math_fsum) {
  Object *it = obj_iter(vm, args[0]);
  if (!it) return NULL;
  double stack[32], *p = stack, special = 0.0, inf_sum = 0.0;
  size_t n = 0, cap = 32;
  Object *item, *result = NULL;
  while ((item = obj_next(vm, it)) != NULL) {
    double x;
    int rc = float_as_double(vm, item, &x);
    obj_decref(vm, item);
    if (rc < 0) goto done;
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < n; j++) {   /* add x into the partials, exactly */
      double y = p[j];
      if (fabs(x) < fabs(y)) {
        double t = x; x = y; y = t;
      }
      double hi = x + y, lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    n = i;
    if (x == 0.0) continue;
    if (!isfinite(x)) {
      if (isfinite(xsave)) {
        exc_set(vm, &vm->exc_OverflowError, "intermediate overflow in fsum");
        goto done;
      }
      if (isinf(xsave)) inf_sum += xsave;
      special += xsave;
      n = 0;
      continue;
    }
    if (n == cap) {
      double *np = heap_alloc(vm, 2 * cap * sizeof(double));
      if (!np) goto done;
      memcpy(np, p, n * sizeof(double));
      if (p != stack) heap_free(vm, p, cap * sizeof(double));
      p = np;
      cap *= 2;
    }
    p[n++] = x;
  }
  if (exc_occurred(vm)) goto done;
  if (special != 0.0) {
    result = isnan(inf_sum) ? exc_set(vm, &vm->exc_ValueError, "-inf + inf in fsum")
                            : float_new(vm, special);
    goto done;
  }
  double hi = 0.0, lo = 0.0;
  if (n > 0) {
    hi = p[--n];
    while (n > 0) {   /* sum from the top while the sum stays exact */
      double x = hi, y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    /* half-even rounding across partials: nudge when the rest has lo's sign */
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0, x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  result = float_new(vm, hi);
done:
  if (p != stack) heap_free(vm, p, cap * sizeof(double));
  obj_decref(vm, it);
  return result;
}

FN(math_prod) {
  static const char *const names[] = {"iterable", "start", NULL};
  Object *a[2];
  if (arg_parse(vm, "prod", args, nargs, kwnames, names, 1, 1, a) < 0) return NULL;
  Object *acc = obj_newref(a[1] ? a[1] : small_new(1));
  Object *it = obj_iter(vm, a[0]), *x;
  if (!it) {
    obj_decref(vm, acc);
    return NULL;
  }
  while (acc && (x = obj_next(vm, it)) != NULL) {
    Object *t = obj_binop(vm, acc, x, BINOP_MUL);
    obj_decref(vm, x);
    obj_decref(vm, acc);
    acc = t;
  }
  obj_decref(vm, it);
  if (acc && exc_occurred(vm)) OBJ_CLEAR(vm, acc);
  return acc;
}

/* ---- integer functions --------------------------------------------------------------- */

/* New reference: o as an exact int through __index__ (TypeError otherwise). */
static Object *as_int(VM *vm, Object *o) {
  return INT_CHECK(vm, o) ? int_exact(vm, o) : obj_unaryop(vm, o, UNARY_INDEX);
}

static Object *binop_steal(VM *vm, Object *a, Object *b, int op) {
  Object *r = a && b ? obj_binop(vm, a, b, op) : NULL;
  obj_xdecref(vm, a);
  obj_xdecref(vm, b);
  return r;
}

/* New reference: gcd(|a|, |b|) of two exact ints (Euclid, int64 once it fits). */
static Object *gcd2(VM *vm, Object *a, Object *b) {
  a = int_sign(vm, a) < 0 ? obj_unaryop(vm, a, UNARY_NEG) : obj_newref(a);
  b = int_sign(vm, b) < 0 ? obj_unaryop(vm, b, UNARY_NEG) : obj_newref(b);
  while (a && b && int_sign(vm, b) != 0) {
    if (obj_is_small(a) && obj_is_small(b)) {
      int64_t x = small_value(a), y = small_value(b);
      while (y) {
        int64_t t = x % y;
        x = y;
        y = t;
      }
      obj_decref(vm, b);
      return small_new(x);
    }
    Object *r = obj_binop(vm, a, b, BINOP_MOD);
    obj_decref(vm, a);
    a = b;
    b = r;
  }
  obj_xdecref(vm, b);
  if (!b) OBJ_CLEAR(vm, a);
  return a;
}

/* New reference: lcm(|l|, |x|) of two exact ints. */
static Object *lcm2(VM *vm, Object *l, Object *x) {
  if (int_sign(vm, x) == 0 || int_sign(vm, l) == 0) return small_new(0);
  Object *q = binop_steal(vm, obj_newref(l), gcd2(vm, l, x), BINOP_FLOORDIV);
  Object *p = binop_steal(vm, q, obj_newref(x), BINOP_MUL);
  return p && int_sign(vm, p) < 0 ? binop_steal(vm, small_new(0), p, BINOP_SUB) : p;
}

/* New reference: step(...step(step(acc, x0), x1)..., xn-1) over the arguments as exact
   ints. Steals acc. */
static Object *fold_ints(VM *vm, Object *const *args, size_t nargs, Object *acc,
                         Object *(*step)(VM *, Object *, Object *)) {
  for (size_t i = 0; i < nargs && acc; i++) {
    Object *x = as_int(vm, args[i]);
    Object *t = x ? step(vm, acc, x) : NULL;
    obj_xdecref(vm, x);
    obj_decref(vm, acc);
    acc = t;
  }
  return acc;
}

FN(math_gcd) {
  if (arg_no_kw(vm, "gcd", kwnames) < 0) return NULL;
  return fold_ints(vm, args, nargs, small_new(0), gcd2);
}

FN(math_lcm) {
  if (arg_no_kw(vm, "lcm", kwnames) < 0) return NULL;
  return fold_ints(vm, args, nargs, small_new(1), lcm2);
}

/* New reference: the product lo * (lo+1) * ... * hi (lo <= hi), by binary splitting so
   the big multiplications are balanced. */
static Object *range_product(VM *vm, uint64_t lo, uint64_t hi) {
  if (hi - lo < 16) {
    Object *acc = small_new(1);
    uint64_t run = 1;
    for (uint64_t k = lo; k <= hi && acc; k++) {
      if (run > (uint64_t)INT32_MAX || k > (uint64_t)INT32_MAX) {
        acc = binop_steal(vm, acc, int_from_u64(vm, run), BINOP_MUL);
        run = 1;
      }
      run *= k;
    }
    return binop_steal(vm, acc, int_from_u64(vm, run), BINOP_MUL);
  }
  uint64_t mid = lo + (hi - lo) / 2;
  return binop_steal(vm, range_product(vm, lo, mid), range_product(vm, mid + 1, hi), BINOP_MUL);
}

FN(math_factorial) {
  Object *x = as_int(vm, args[0]);
  if (!x) return NULL;
  int64_t n;
  int rc = int_as_i64(vm, x, &n);
  bool neg = int_sign(vm, x) < 0;
  obj_decref(vm, x);
  if (rc < 0) {
    exc_clear(vm);
    if (neg) return exc_set(vm, &vm->exc_ValueError, "factorial() not defined for negative values");
    return exc_set(vm, &vm->exc_OverflowError,
                   "factorial() argument should not exceed %lld", (long long)INT64_MAX);
  }
  if (n < 0) return exc_set(vm, &vm->exc_ValueError, "factorial() not defined for negative values");
  if (n < 2) return small_new(1);
  return range_product(vm, 2, (uint64_t)n);
}

/* Read n and k for comb/perm as exact nonnegative ints. 0 or -1. */
static int n_and_k(VM *vm, Object *on, Object *ok, Object **n, Object **k) {
  *n = as_int(vm, on);
  *k = *n ? as_int(vm, ok) : NULL;
  if (!*k) goto fail;
  if (int_sign(vm, *n) < 0) {
    exc_set(vm, &vm->exc_ValueError, "n must be a non-negative integer");
    goto fail;
  }
  if (int_sign(vm, *k) < 0) {
    exc_set(vm, &vm->exc_ValueError, "k must be a non-negative integer");
    goto fail;
  }
  return 0;
fail:
  OBJ_CLEAR(vm, *n);
  OBJ_CLEAR(vm, *k);
  return -1;
}

/* New reference: n * (n-1) * ... * (n-k+1), divided step by step by 1..k when comb. */
static Object *falling(VM *vm, Object *n, int64_t k, bool comb) {
  Object *acc = small_new(1);
  for (int64_t i = 0; i < k && acc; i++) {
    Object *f = binop_steal(vm, obj_newref(n), int_from_i64(vm, i), BINOP_SUB);
    acc = binop_steal(vm, acc, f, BINOP_MUL);
    if (comb) acc = binop_steal(vm, acc, int_from_i64(vm, i + 1), BINOP_FLOORDIV);
  }
  return acc;
}

static Object *comb_perm(VM *vm, Object *on, Object *ok, bool comb) {
  Object *n, *k, *r = NULL;
  if (n_and_k(vm, on, ok, &n, &k) < 0) return NULL;
  if (int_compare(vm, k, n) > 0) {
    r = small_new(0);
    goto done;
  }
  if (comb) {   /* the smaller of k and n - k */
    Object *nk = obj_binop(vm, n, k, BINOP_SUB);
    if (!nk) goto done;
    if (int_compare(vm, nk, k) < 0) OBJ_SETREF(vm, k, nk);
    else obj_decref(vm, nk);
  }
  int64_t kk;
  if (int_as_i64(vm, k, &kk) < 0) {
    exc_clear(vm);
    exc_set(vm, &vm->exc_OverflowError, "min(n - k, k) must not exceed %lld", (long long)INT64_MAX);
    goto done;
  }
  r = falling(vm, n, kk, comb);
done:
  obj_decref(vm, n);
  obj_decref(vm, k);
  return r;
}

FN(math_comb) {
  if (arg_no_kw(vm, "comb", kwnames) < 0 || arg_count(vm, "comb", nargs, 2, 2) < 0) return NULL;
  return comb_perm(vm, args[0], args[1], true);
}

FN(math_perm) {
  if (arg_no_kw(vm, "perm", kwnames) < 0 || arg_count(vm, "perm", nargs, 1, 2) < 0) return NULL;
  if (nargs == 1 || args[1] == VM_NONE(vm)) return math_factorial(vm, self, args, 1, NULL);
  return comb_perm(vm, args[0], args[1], false);
}

FN(math_isqrt) {
  Object *n = as_int(vm, args[0]);
  if (!n) return NULL;
  if (int_sign(vm, n) < 0) {
    obj_decref(vm, n);
    return exc_set(vm, &vm->exc_ValueError, "isqrt() argument must be nonnegative");
  }
  if (int_sign(vm, n) == 0) return n;
  int64_t v;
  if (obj_is_small(n) && (v = small_value(n)) < (INT64_C(1) << 52)) {
    int64_t r = (int64_t)sqrt((double)v);
    while (r * r > v) r--;
    while ((r + 1) * (r + 1) <= v) r++;
    return small_new(r);
  }
  /* Newton from above: x = 2**ceil(bits/2) >= sqrt(n), then x = (x + n//x) // 2 */
  Object *x = binop_steal(vm, small_new(1), int_from_i64(vm, (int_bit_length(vm, n) + 1) / 2),
                          BINOP_LSHIFT);
  while (x) {
    Object *y = binop_steal(vm, obj_newref(x), binop_steal(vm, obj_newref(n), obj_newref(x),
                                                           BINOP_FLOORDIV), BINOP_ADD);
    y = binop_steal(vm, y, small_new(1), BINOP_RSHIFT);
    if (!y || int_compare(vm, y, x) >= 0) {
      obj_xdecref(vm, y);
      break;
    }
    obj_decref(vm, x);
    x = y;
  }
  obj_decref(vm, n);
  return exc_occurred(vm) ? (obj_xdecref(vm, x), NULL) : x;
}

static const MethodDef math_functions[] = {
  {"sqrt", math_sqrt, METH_O, "Return the square root of x."},
  {"exp", math_exp, METH_O, "Return e raised to the power of x."},
  {"exp2", math_exp2, METH_O, "Return 2 raised to the power of x."},
  {"expm1", math_expm1, METH_O, "Return exp(x)-1."},
  {"sin", math_sin, METH_O, "Return the sine of x (measured in radians)."},
  {"cos", math_cos, METH_O, "Return the cosine of x (measured in radians)."},
  {"tan", math_tan, METH_O, "Return the tangent of x (measured in radians)."},
  {"asin", math_asin, METH_O, "Return the arc sine (measured in radians) of x."},
  {"acos", math_acos, METH_O, "Return the arc cosine (measured in radians) of x."},
  {"atan", math_atan, METH_O, "Return the arc tangent (measured in radians) of x."},
  {"atan2", math_atan2, METH_VARARGS, "Return the arc tangent (measured in radians) of y/x."},
  {"sinh", math_sinh, METH_O, "Return the hyperbolic sine of x."},
  {"cosh", math_cosh, METH_O, "Return the hyperbolic cosine of x."},
  {"tanh", math_tanh, METH_O, "Return the hyperbolic tangent of x."},
  {"asinh", math_asinh, METH_O, "Return the inverse hyperbolic sine of x."},
  {"acosh", math_acosh, METH_O, "Return the inverse hyperbolic cosine of x."},
  {"atanh", math_atanh, METH_O, "Return the inverse hyperbolic tangent of x."},
  {"erf", math_erf, METH_O, "Error function at x."},
  {"erfc", math_erfc, METH_O, "Complementary error function at x."},
  {"gamma", math_gamma, METH_O, "Gamma function at x."},
  {"lgamma", math_lgamma, METH_O, "Natural logarithm of absolute value of Gamma function at x."},
  {"fabs", math_fabs, METH_O, "Return the absolute value of the float x."},
  {"cbrt", math_cbrt, METH_O, "Return the cube root of x."},
  {"log1p", math_log1p, METH_O, "Return the natural logarithm of 1+x (base e)."},
  {"degrees", math_degrees, METH_O, "Convert angle x from radians to degrees."},
  {"radians", math_radians, METH_O, "Convert angle x from degrees to radians."},
  {"copysign", math_copysign, METH_VARARGS, "Return a float with the magnitude of x but the sign of y."},
  {"fmod", math_fmod, METH_VARARGS, "Return fmod(x, y), according to platform C."},
  {"remainder", math_remainder, METH_VARARGS, "Difference between x and the closest integer multiple of y."},
  {"nextafter", math_nextafter, METH_VARARGS, "Return the next floating-point value after x towards y."},
  {"ulp", math_ulp, METH_O, "Return the value of the least significant bit of the float x."},
  {"pow", math_pow, METH_VARARGS, "Return x**y (x to the power of y)."},
  {"log", math_log, METH_VARARGS, "log(x, [base=math.e])"},
  {"log2", math_log2, METH_O, "Return the base 2 logarithm of x."},
  {"log10", math_log10, METH_O, "Return the base 10 logarithm of x."},
  {"floor", math_floor, METH_O, "Return the floor of x as an Integral."},
  {"ceil", math_ceil, METH_O, "Return the ceiling of x as an Integral."},
  {"trunc", math_trunc, METH_O, "Truncates the Real x to the nearest Integral toward 0."},
  {"modf", math_modf, METH_O, "Return the fractional and integer parts of x."},
  {"frexp", math_frexp, METH_O, "Return the mantissa and exponent of x, as pair (m, e)."},
  {"ldexp", math_ldexp, METH_VARARGS, "Return x * (2**i)."},
  {"isnan", math_isnan, METH_O, "Return True if x is a NaN (not a number), and False otherwise."},
  {"isinf", math_isinf, METH_O, "Return True if x is a positive or negative infinity, and False otherwise."},
  {"isfinite", math_isfinite, METH_O, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
  {"isclose", math_isclose, METH_VARARGS, "Determine whether two floating point numbers are close in value."},
  {"hypot", math_hypot, METH_VARARGS, "Multidimensional Euclidean distance from the origin to a point."},
  {"dist", math_dist, METH_VARARGS, "Return the Euclidean distance between two points p and q."},
  {"fsum", math_fsum, METH_O, "Return an accurate floating point sum of values in the iterable seq."},
  {"prod", math_prod, METH_VARARGS, "Calculate the product of all the elements in the input iterable."},
  {"gcd", math_gcd, METH_VARARGS, "Greatest Common Divisor."},
  {"lcm", math_lcm, METH_VARARGS, "Least Common Multiple."},
  {"factorial", math_factorial, METH_O, "Find x!."},
  {"comb", math_comb, METH_VARARGS, "Number of ways to choose k items from n items without repetition and without order."},
  {"perm", math_perm, METH_VARARGS, "Number of ways to choose k items from n items without repetition and with order."},
  {"isqrt", math_isqrt, METH_O, "Return the integer part of the square root of the input."},
  {NULL, NULL, 0, NULL},
};

Object *math_module_create(VM *vm) {
  static const struct { const char *name; double value; } constants[] = {
    {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", HUGE_VAL}, {"nan", NAN},
  };
  Object *m = module_new(vm, "math");
  if (!m) return NULL;
  if (module_add_functions(vm, m, math_functions) < 0) goto fail;
  for (size_t i = 0; i < sizeof constants / sizeof *constants; i++) {
    Object *f = float_new(vm, constants[i].value);
    int rc = f ? module_add_object(vm, m, constants[i].name, f) : -1;
    obj_xdecref(vm, f);
    if (rc < 0) goto fail;
  }
  return m;
fail:
  obj_decref(vm, m);
  return NULL;
}
