/*
 * int: arbitrary-precision integers with immediate small ints.
 *
 * Representation (int.h): values in SMALL_MIN..SMALL_MAX are tagged immediates; other
 * exact ints are IntObjects holding |ob_size| 32-bit digits, least significant first,
 * with the sign in ob_size and no leading zero digit. bool and user subclasses are
 * always boxed, whatever their value, so every routine reads its operands through a
 * View (sign, digit pointer, length) that hides the difference, and every result is
 * built by big_finish, which strips zeros and turns values that fit into immediates.
 * Results are always exact ints, never bools or subclass instances.
 *
 * Algorithms: schoolbook add/sub; schoolbook multiplication with Karatsuba above
 * KARATSUBA_CUTOFF digits; Knuth's algorithm D for division (Hacker's Delight's
 * divmnu64 with 32-bit digits); left-to-right binary powering; decimal conversion in
 * base 10**9 chunks (quadratic, as CPython's); correctly rounded int -> float and
 * int / int by rounding a 55+-bit quotient with a sticky bit (round_bits).
 *
 * Floor semantics: // and % round toward negative infinity (the remainder takes the
 * divisor's sign), computed from the truncated quotient and fixed up.
 *
 * Sizes: heap_free needs the allocated size, so a box is never shrunk in place: when a
 * result turns out shorter than allocated (cancellation, no final carry) big_finish
 * copies it into an exact-size box. Allocation sizes are predicted from bit lengths to
 * make that rare.
 */
#include "runtime/int.h"

#include <math.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "runtime/unicode.h"

typedef uint32_t digit;
typedef uint64_t twodigits;
#define DIGIT_BITS 32
#define HASH_MODULUS ((UINT64_C(1) << 61) - 1)
#define KARATSUBA_CUTOFF 48
#define DEC_BASE 1000000000u   /* 10**9: the chunk of decimal conversion */
#define DEC_DIGITS 9

/* ---- boxes ------------------------------------------------------------------ */

static inline ssize_t box_size(Object *o) { return ((VarObject *)o)->ob_size; }
static inline digit *box_digits(Object *o) { return ((IntObject *)o)->digits; }
static inline size_t int_bytes(ssize_t n) {
  return offsetof(IntObject, digits) + (size_t)n * sizeof(digit);
}

/* New reference: an exact int box of n digits (zeroed, ob_size = n). */
static IntObject *big_alloc(VM *vm, ssize_t n) {
  return (IntObject *)obj_alloc(vm, &vm->int_type, n);
}

/* New reference: as big_alloc, but the digits are left for the caller to fill. */
static IntObject *big_alloc_raw(VM *vm, ssize_t n) {
  IntObject *r = heap_alloc(vm, int_bytes(n));
  if (!r) return NULL;
  r->ob.ob_base.ob_refcnt = 1;
  r->ob.ob_base.ob_gc = 0;
  r->ob.ob_base.ob_type = &vm->int_type;
  r->ob.ob_size = n;
  return r;
}

static void big_free(VM *vm, IntObject *r, ssize_t n) {
  obj_free(vm, (Object *)r, int_bytes(n));
}

/* New reference. Steals r, allocated with n digits: strips leading zero digits, sets
   the sign, and returns an immediate when the value fits one. */
static Object *big_finish(VM *vm, IntObject *r, ssize_t n, bool neg) {
  ssize_t m = n;
  while (m > 0 && r->digits[m - 1] == 0) m--;
  if (m <= 2) {
    uint64_t u = m == 0 ? 0 : m == 1 ? r->digits[0]
                                     : r->digits[0] | (uint64_t)r->digits[1] << 32;
    if (u <= (uint64_t)SMALL_MAX || (neg && u == (uint64_t)SMALL_MAX + 1)) {
      big_free(vm, r, n);
      return small_new(neg ? (int64_t)(0 - u) : (int64_t)u);
    }
  }
  if (m < n) {
    IntObject *s = big_alloc(vm, m);
    if (!s) {
      big_free(vm, r, n);
      return NULL;
    }
    memcpy(s->digits, r->digits, (size_t)m * sizeof(digit));
    big_free(vm, r, n);
    r = s;
  }
  r->ob.ob_size = neg ? -m : m;
  return (Object *)r;
}

static void int_dealloc(VM *vm, Object *o) {
  ssize_t n = box_size(o);
  obj_free(vm, o, type_instance_size(o->ob_type, n < 0 ? -n : n));
}

/* ---- views: any int as sign and magnitude ------------------------------------ */

typedef struct View {
  const digit *d;
  ssize_t n;          /* significant digits (0 for zero) */
  bool neg;
  digit buf[2];       /* the digits of an immediate; never copy a View */
} View;

static void view_init(Object *o, View *v) {
  if (obj_is_small(o)) {
    int64_t x = small_value(o);
    uint64_t m = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
    v->neg = x < 0;
    v->buf[0] = (digit)m;
    v->buf[1] = (digit)(m >> 32);
    v->n = v->buf[1] ? 2 : v->buf[0] ? 1 : 0;
    v->d = v->buf;
  } else {
    ssize_t s = box_size(o);
    v->neg = s < 0;
    v->n = s < 0 ? -s : s;
    v->d = box_digits(o);
  }
}

static int64_t mag_bits(const digit *d, ssize_t n) {
  return n == 0 ? 0 : (int64_t)(n - 1) * DIGIT_BITS + (DIGIT_BITS - __builtin_clz(d[n - 1]));
}

/* Scratch digits (uninitialised): on the stack when small, else on the VM heap. */
typedef struct Scratch {
  digit *p;
  size_t n;
  digit stack[96];
} Scratch;

static digit *scratch_get(VM *vm, Scratch *s, size_t n) {
  s->n = n;
  if (n <= sizeof s->stack / sizeof(digit)) return s->p = s->stack;
  return s->p = heap_alloc(vm, n * sizeof(digit));
}

static void scratch_release(VM *vm, Scratch *s) {
  if (s->p && s->p != s->stack) heap_free(vm, s->p, s->n * sizeof(digit));
  s->p = NULL;
}

/* ---- magnitude primitives (digit arrays, least significant first) ------------ */

static int mag_cmp(const digit *a, ssize_t na, const digit *b, ssize_t nb) {
  if (na != nb) return na < nb ? -1 : 1;
  for (ssize_t i = na - 1; i >= 0; i--)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/* r[0..na) = a + b (na >= nb); returns the carry out. r may alias a. */
static digit mag_add(digit *r, const digit *a, ssize_t na, const digit *b, ssize_t nb) {
  twodigits c = 0;
  ssize_t i = 0;
  for (; i < nb; i++) {
    c += (twodigits)a[i] + b[i];
    r[i] = (digit)c;
    c >>= DIGIT_BITS;
  }
  for (; i < na; i++) {
    c += a[i];
    r[i] = (digit)c;
    c >>= DIGIT_BITS;
  }
  return (digit)c;
}

/* r[0..na) = a - b (a >= b in value when the borrow must be 0); returns the borrow. */
static digit mag_sub(digit *r, const digit *a, ssize_t na, const digit *b, ssize_t nb) {
  digit borrow = 0;
  ssize_t i = 0;
  for (; i < nb; i++) {
    twodigits t = (twodigits)a[i] - b[i] - borrow;
    r[i] = (digit)t;
    borrow = (digit)(t >> 63);
  }
  for (; i < na; i++) {
    twodigits t = (twodigits)a[i] - borrow;
    r[i] = (digit)t;
    borrow = (digit)(t >> 63);
  }
  return borrow;
}

/* r[0..n) = a * m + add; returns the high digit. r may alias a. */
static digit mag_mul1(digit *r, const digit *a, ssize_t n, digit m, digit add) {
  twodigits c = add;
  for (ssize_t i = 0; i < n; i++) {
    c += (twodigits)a[i] * m;
    r[i] = (digit)c;
    c >>= DIGIT_BITS;
  }
  return (digit)c;
}

/* q[0..n) = a / d; returns a % d. q may alias a. */
static digit mag_div1(digit *q, const digit *a, ssize_t n, digit d) {
  twodigits rem = 0;
  for (ssize_t i = n - 1; i >= 0; i--) {
    twodigits cur = rem << DIGIT_BITS | a[i];
    q[i] = (digit)(cur / d);
    rem = cur % d;
  }
  return (digit)rem;
}

/* r[0..rn) += a * b modulo B**rn (B = 2**32), schoolbook. */
static void mag_mul_school(digit *r, ssize_t rn, const digit *a, ssize_t na, const digit *b,
                           ssize_t nb) {
  for (ssize_t i = 0; i < nb; i++) {
    twodigits c = 0, bi = b[i];
    if (bi == 0) continue;
    digit *ri = r + i;
    for (ssize_t j = 0; j < na; j++) {
      c += ri[j] + a[j] * bi;
      ri[j] = (digit)c;
      c >>= DIGIT_BITS;
    }
    for (ssize_t j = na; c && i + j < rn; j++) {
      c += ri[j];
      ri[j] = (digit)c;
      c >>= DIGIT_BITS;
    }
  }
}

/* r[0..n) += a[0..na) modulo B**n. */
static void mag_addto(digit *r, ssize_t n, const digit *a, ssize_t na) {
  twodigits c = 0;
  ssize_t i = 0;
  for (; i < na; i++) {
    c += (twodigits)r[i] + a[i];
    r[i] = (digit)c;
    c >>= DIGIT_BITS;
  }
  for (; c && i < n; i++) {
    c += r[i];
    r[i] = (digit)c;
    c >>= DIGIT_BITS;
  }
}

/* r[0..n) -= a[0..na) modulo B**n. */
static void mag_subfrom(digit *r, ssize_t n, const digit *a, ssize_t na) {
  digit borrow = mag_sub(r, r, na, a, na);
  for (ssize_t i = na; borrow && i < n; i++) {
    borrow = r[i] == 0;
    r[i]--;
  }
}

static ssize_t trimmed(const digit *d, ssize_t n) {
  while (n > 0 && d[n - 1] == 0) n--;
  return n;
}

/* r[0..rn) += a * b modulo B**rn, rn >= na + nb. Everything is modular so that
   Karatsuba's subtractions may pass through "negative" intermediates: the caller's
   final value fits, so the wrap-arounds cancel. With a = a1*B**h + a0 and likewise b,
   a*b = z2*B**2h + (z1 - z2 - z0)*B**h + z0 where z1 = (a0+a1)(b0+b1). Lopsided operands
   are cut into na-digit slices of b. -1 on MemoryError. */
static int mag_mul_acc(VM *vm, digit *r, ssize_t rn, const digit *a, ssize_t na,
                       const digit *b, ssize_t nb) {
  if (na > nb) {
    const digit *t = a; a = b; b = t;
    ssize_t tn = na; na = nb; nb = tn;
  }
  na = trimmed(a, na);
  if (na < KARATSUBA_CUTOFF) {   /* outer loop over the shorter a, inner over b */
    mag_mul_school(r, rn, b, trimmed(b, nb), a, na);
    return 0;
  }
  if (2 * na <= nb) {
    for (ssize_t off = 0; off < nb; off += na) {
      ssize_t len = nb - off < na ? nb - off : na;
      if (mag_mul_acc(vm, r + off, rn - off, a, na, b + off, len) < 0) return -1;
    }
    return 0;
  }
  ssize_t h = nb / 2;            /* na > h since 2*na > nb */
  ssize_t a1n = na - h, b1n = nb - h;
  ssize_t sa = (a1n > h ? a1n : h) + 1, sb = b1n + 1, zn = sa + sb;
  Scratch s;
  digit *asum = scratch_get(vm, &s, (size_t)(sa + sb + zn));
  if (!asum) return -1;
  digit *bsum = asum + sa, *z = bsum + sb;
  int rc = 0;
  for (int hi = 0; hi < 2 && rc == 0; hi++) {   /* z0 at 0, then z2 at 2h; both minus at h */
    memset(z, 0, (size_t)zn * sizeof(digit));
    rc = hi ? mag_mul_acc(vm, z, zn, a + h, a1n, b + h, b1n) : mag_mul_acc(vm, z, zn, a, h, b, h);
    ssize_t zl = trimmed(z, zn);
    mag_addto(r + (hi ? 2 * h : 0), rn - (hi ? 2 * h : 0), z, zl);
    mag_subfrom(r + h, rn - h, z, zl);
  }
  if (rc == 0) {
    memset(asum, 0, (size_t)(sa + sb) * sizeof(digit));
    memcpy(asum, a + h, (size_t)a1n * sizeof(digit));
    mag_addto(asum, sa, a, h);
    memcpy(bsum, b + h, (size_t)b1n * sizeof(digit));
    mag_addto(bsum, sb, b, h);
    memset(z, 0, (size_t)zn * sizeof(digit));
    rc = mag_mul_acc(vm, z, zn, asum, sa, bsum, sb);
    mag_addto(r + h, rn - h, z, trimmed(z, zn));
  }
  scratch_release(vm, &s);
  return rc;
}

/* Knuth's algorithm D: q[0..m-n] = u / v, r[0..n) = u % v, for m >= n >= 2 and
   v[n-1] != 0. q and r must not alias u or v. -1 on MemoryError. */
static int mag_divrem_knuth(VM *vm, digit *q, digit *r, const digit *u, ssize_t m,
                            const digit *v, ssize_t n) {
  Scratch s;
  digit *un = scratch_get(vm, &s, (size_t)(m + 1 + n));
  if (!un) return -1;
  digit *vn = un + m + 1;
  int sh = __builtin_clz(v[n - 1]);
  for (ssize_t i = n - 1; i > 0; i--)
    vn[i] = (digit)((v[i] << sh) | ((twodigits)v[i - 1] >> (DIGIT_BITS - sh)));
  vn[0] = v[0] << sh;
  un[m] = (digit)((twodigits)u[m - 1] >> (DIGIT_BITS - sh));
  for (ssize_t i = m - 1; i > 0; i--)
    un[i] = (digit)((u[i] << sh) | ((twodigits)u[i - 1] >> (DIGIT_BITS - sh)));
  un[0] = u[0] << sh;
  const twodigits b = UINT64_C(1) << DIGIT_BITS;
  for (ssize_t j = m - n; j >= 0; j--) {
    twodigits num = (twodigits)un[j + n] << DIGIT_BITS | un[j + n - 1];
    twodigits qhat = num / vn[n - 1], rhat = num % vn[n - 1];
    while (qhat >= b || qhat * vn[n - 2] > (rhat << DIGIT_BITS | un[j + n - 2])) {
      qhat--;
      rhat += vn[n - 1];
      if (rhat >= b) break;
    }
    int64_t k = 0, t;
    for (ssize_t i = 0; i < n; i++) {
      twodigits p = qhat * vn[i];
      t = (int64_t)un[i + j] - k - (int64_t)(p & 0xffffffffu);
      un[i + j] = (digit)t;
      k = (int64_t)(p >> DIGIT_BITS) - (t >> DIGIT_BITS);
    }
    t = (int64_t)un[j + n] - k;
    un[j + n] = (digit)t;
    q[j] = (digit)qhat;
    if (t < 0) {   /* qhat was one too large: add v back */
      q[j]--;
      twodigits c = 0;
      for (ssize_t i = 0; i < n; i++) {
        c += (twodigits)un[i + j] + vn[i];
        un[i + j] = (digit)c;
        c >>= DIGIT_BITS;
      }
      un[j + n] += (digit)c;
    }
  }
  for (ssize_t i = 0; i < n - 1; i++)
    r[i] = (digit)((un[i] >> sh) | ((twodigits)un[i + 1] << (DIGIT_BITS - sh)));
  r[n - 1] = un[n - 1] >> sh;
  scratch_release(vm, &s);
  return 0;
}

/* ---- sign-magnitude arithmetic on views -> new ints -------------------------- */

/* New reference: the int with magnitude |a| + |b| and the given sign. */
static Object *view_add_mag(VM *vm, const View *a, const View *b, bool neg) {
  if (a->n < b->n) {
    const View *t = a; a = b; b = t;
  }
  digit top = a->n ? a->d[a->n - 1] : 0;
  bool extra = a->n == b->n ? (twodigits)top + b->d[b->n - 1] >= 0xffffffffu : top == 0xffffffffu;
  ssize_t n = a->n + extra;
  IntObject *r = big_alloc_raw(vm, n);
  if (!r) return NULL;
  digit c = mag_add(r->digits, a->d, a->n, b->d, b->n);
  if (extra) r->digits[a->n] = c;   /* c != 0 implies extra: the prediction is conservative */
  return big_finish(vm, r, n, neg);
}

/* New reference: sign(a) * (|a| - |b|). */
static Object *view_sub_mag(VM *vm, const View *a, const View *b, bool neg) {
  int c = mag_cmp(a->d, a->n, b->d, b->n);
  if (c == 0) return small_new(0);
  if (c < 0) {
    const View *t = a; a = b; b = t;
    neg = !neg;
  }
  IntObject *r = big_alloc_raw(vm, a->n);
  if (!r) return NULL;
  mag_sub(r->digits, a->d, a->n, b->d, b->n);
  return big_finish(vm, r, a->n, neg);
}

/* New reference: a + b, or a - b when negate_b. */
static Object *view_add(VM *vm, const View *a, const View *b, bool negate_b) {
  bool bneg = b->neg != negate_b;
  if (a->neg == bneg) return view_add_mag(vm, a, b, a->neg);
  return view_sub_mag(vm, a, b, a->neg);
}

static Object *view_mul(VM *vm, const View *a, const View *b) {
  if (a->n == 0 || b->n == 0) return small_new(0);
  ssize_t n = a->n + b->n;
  if (a->n == 1 || b->n == 1) {   /* by one digit: the common big * small case */
    const View *big = a->n == 1 ? b : a;
    IntObject *r = big_alloc_raw(vm, n);
    if (!r) return NULL;
    r->digits[n - 1] = mag_mul1(r->digits, big->d, big->n, (a->n == 1 ? a : b)->d[0], 0);
    return big_finish(vm, r, n, a->neg != b->neg);
  }
  IntObject *r = big_alloc(vm, n);
  if (!r) return NULL;
  if (mag_mul_acc(vm, r->digits, n, a->d, a->n, b->d, b->n) < 0) {
    big_free(vm, r, n);
    return NULL;
  }
  return big_finish(vm, r, n, a->neg != b->neg);
}

/* Truncated division of magnitudes: *q = |a| / |b|, *r = |a| % |b| as digit boxes of the
   given signs (NULL pointers skip a result). b nonzero. 0 or -1. On floor_fix, the
   quotient magnitude is incremented and the remainder replaced by |b| - r when r != 0
   (floor division with operands of different signs). */
static int view_divmod_mag(VM *vm, const View *a, const View *b, bool floor_fix, bool qneg,
                           bool rneg, Object **qo, Object **ro) {
  ssize_t qn = a->n >= b->n ? a->n - b->n + 1 : 0;
  ssize_t qalloc = qn + 1, ralloc = b->n;
  IntObject *q = big_alloc(vm, qalloc), *r = q ? big_alloc(vm, ralloc) : NULL;
  if (!r) {
    if (q) big_free(vm, q, qalloc);
    return -1;
  }
  if (a->n < b->n) {
    memcpy(r->digits, a->d, (size_t)a->n * sizeof(digit));
  } else if (b->n == 1) {
    r->digits[0] = mag_div1(q->digits, a->d, a->n, b->d[0]);
  } else if (mag_divrem_knuth(vm, q->digits, r->digits, a->d, a->n, b->d, b->n) < 0) {
    big_free(vm, q, qalloc);
    big_free(vm, r, ralloc);
    return -1;
  }
  if (floor_fix && trimmed(r->digits, ralloc) > 0) {
    digit one = 1;
    mag_addto(q->digits, qalloc, &one, 1);
    mag_sub(r->digits, b->d, b->n, r->digits, b->n);
  }
  Object *qr = big_finish(vm, q, qalloc, qneg);
  Object *rr = big_finish(vm, r, ralloc, rneg);
  if (!qr || !rr) {
    obj_xdecref(vm, qr);
    obj_xdecref(vm, rr);
    return -1;
  }
  if (qo) *qo = qr; else obj_decref(vm, qr);
  if (ro) *ro = rr; else obj_decref(vm, rr);
  return 0;
}

/* Floor division: q = a // b, r = a % b (either may be NULL). b nonzero. 0 or -1. */
static int view_divmod(VM *vm, const View *a, const View *b, Object **q, Object **r) {
  bool differ = a->neg != b->neg;
  return view_divmod_mag(vm, a, b, differ, differ, b->neg, q, r);
}

/* ---- object-level helpers ---------------------------------------------------- */

static Object *zero_division(VM *vm, const char *msg) {
  return exc_set(vm, &vm->exc_ZeroDivisionError, "%s", msg);
}

static Object *int_add(VM *vm, Object *a, Object *b) {
  if (obj_is_small(a) && obj_is_small(b)) return int_small_add(vm, a, b);
  View va, vb;
  view_init(a, &va);
  view_init(b, &vb);
  return view_add(vm, &va, &vb, false);
}

static Object *int_sub(VM *vm, Object *a, Object *b) {
  if (obj_is_small(a) && obj_is_small(b)) return int_small_sub(vm, a, b);
  View va, vb;
  view_init(a, &va);
  view_init(b, &vb);
  return view_add(vm, &va, &vb, true);
}

static Object *int_mul(VM *vm, Object *a, Object *b) {
  int64_t r;
  if (obj_is_small(a) && obj_is_small(b) &&
      !__builtin_mul_overflow(small_value(a), small_value(b), &r))
    return int_from_i64(vm, r);
  View va, vb;
  view_init(a, &va);
  view_init(b, &vb);
  return view_mul(vm, &va, &vb);
}

/* Floor divmod of two ints; q or r may be NULL. 0 or -1 (ZeroDivisionError with msg). */
static int int_divmod_parts(VM *vm, Object *a, Object *b, Object **q, Object **r,
                            const char *msg) {
  if (obj_is_small(a) && obj_is_small(b)) {
    int64_t x = small_value(a), y = small_value(b);
    if (y == 0) {
      zero_division(vm, msg);
      return -1;
    }
    int64_t qq = x / y, rr = x % y;
    if (rr != 0 && ((rr < 0) != (y < 0))) {
      rr += y;
      qq--;
    }
    if (q && !(*q = int_from_i64(vm, qq))) return -1;
    if (r) *r = small_new(rr);
    return 0;
  }
  View va, vb;
  view_init(a, &va);
  view_init(b, &vb);
  if (vb.n == 0) {
    zero_division(vm, msg);
    return -1;
  }
  return view_divmod(vm, &va, &vb, q, r);
}

static Object *int_neg(VM *vm, Object *a) {
  if (obj_is_small(a)) return int_from_i64(vm, -small_value(a));
  View v;
  view_init(a, &v);
  IntObject *r = big_alloc_raw(vm, v.n);
  if (!r) return NULL;
  memcpy(r->digits, v.d, (size_t)v.n * sizeof(digit));
  return big_finish(vm, r, v.n, !v.neg);
}

Object *int_exact(VM *vm, Object *o) {
  if (INT_CHECK_EXACT(vm, o)) return obj_newref(o);
  View v;
  view_init(o, &v);
  IntObject *r = big_alloc_raw(vm, v.n);
  if (!r) return NULL;
  memcpy(r->digits, v.d, (size_t)v.n * sizeof(digit));
  return big_finish(vm, r, v.n, v.neg);
}

static Object *int_abs(VM *vm, Object *a) {
  return int_sign(vm, a) < 0 ? int_neg(vm, a) : int_exact(vm, a);
}

/* ~a = -a - 1 */
static Object *int_invert(VM *vm, Object *a) {
  if (obj_is_small(a)) return small_new(~small_value(a));
  Object *n = int_neg(vm, a);
  if (!n) return NULL;
  Object *r = int_sub(vm, n, small_new(1));
  obj_decref(vm, n);
  return r;
}

/* ---- conversions --------------------------------------------------------------- */

/* New reference: the int of magnitude u with the given sign. */
static Object *int_from_mag64(VM *vm, uint64_t u, bool neg) {
  if (u <= (uint64_t)SMALL_MAX) return small_new(neg ? -(int64_t)u : (int64_t)u);
  IntObject *r = big_alloc(vm, 2);
  if (!r) return NULL;
  r->digits[0] = (digit)u;
  r->digits[1] = (digit)(u >> 32);
  return big_finish(vm, r, 2, neg);
}

Object *int_from_i64(VM *vm, int64_t v) {
  if (small_fits(v)) return small_new(v);
  return int_from_mag64(vm, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0);
}

Object *int_from_u64(VM *vm, uint64_t v) {
  return int_from_mag64(vm, v, false);
}

/* New reference: (m << shift) with the given sign. */
static Object *int_from_shifted(VM *vm, uint64_t m, int64_t shift, bool neg) {
  ssize_t ds = (ssize_t)(shift / DIGIT_BITS), n = ds + 3;
  int bs = (int)(shift % DIGIT_BITS);
  IntObject *r = big_alloc(vm, n);
  if (!r) return NULL;
  unsigned __int128 w = (unsigned __int128)m << bs;
  r->digits[ds] = (digit)w;
  r->digits[ds + 1] = (digit)(w >> 32);
  r->digits[ds + 2] = (digit)(w >> 64);
  return big_finish(vm, r, n, neg);
}

Object *int_from_double(VM *vm, double d) {
  if (isinf(d))
    return exc_set(vm, &vm->exc_OverflowError, "cannot convert float infinity to integer");
  if (isnan(d)) return exc_set(vm, &vm->exc_ValueError, "cannot convert float NaN to integer");
  if (fabs(d) < 2305843009213693952.0) return small_new((int64_t)d);   /* 2**61 */
  int e;
  double m = frexp(fabs(d), &e);    /* |d| = m * 2**e, 0.5 <= m < 1, e > 61 */
  uint64_t mant = (uint64_t)ldexp(m, 53);
  return int_from_shifted(vm, mant, e - 53, d < 0);
}

int int_as_i64(VM *vm, Object *o, int64_t *out) {
  if (obj_is_small(o)) {
    *out = small_value(o);
    return 0;
  }
  View v;
  view_init(o, &v);
  if (v.n <= 2) {
    uint64_t u = v.n == 0 ? 0 : v.n == 1 ? v.d[0] : v.d[0] | (uint64_t)v.d[1] << 32;
    if (u <= (uint64_t)INT64_MAX || (v.neg && u == (uint64_t)INT64_MAX + 1)) {
      *out = v.neg ? (int64_t)(0 - u) : (int64_t)u;
      return 0;
    }
  }
  exc_set(vm, &vm->exc_OverflowError, "Python int too large to convert to C long");
  return -1;
}

/* q * 2**s, plus a nonzero amount below q's last bit when sticky, correctly rounded to
   a double (half to even, subnormals honoured). q must carry at least 2 bits below the
   rounding point when sticky is set. Returns inf on overflow. */
static double round_bits(uint64_t q, int64_t s, bool sticky) {
  if (q == 0) return 0.0;
  int nbits = 64 - __builtin_clzll(q);
  int64_t u = s + nbits - 53;     /* exponent of the last kept bit */
  if (u < -1074) u = -1074;
  int64_t k = u - s;              /* bits dropped */
  if (k <= 0) return ldexp((double)q, (int)s);
  if (k > 64) return 0.0;
  uint64_t mant = k == 64 ? 0 : q >> k;
  uint64_t rest = k == 64 ? q : q & ((UINT64_C(1) << k) - 1);
  uint64_t half = UINT64_C(1) << (k - 1);
  if (rest > half || (rest == half && (sticky || (mant & 1)))) mant++;
  if (u > 2000) return HUGE_VAL;
  return ldexp((double)mant, (int)u);
}

/* |v| as the top 64 bits, their shift, and whether lower bits are nonzero. */
static uint64_t view_top64(const View *v, int64_t *shift, bool *sticky) {
  int64_t nbits = mag_bits(v->d, v->n);
  int64_t s = nbits > 64 ? nbits - 64 : 0;
  ssize_t ds = (ssize_t)(s / DIGIT_BITS);
  int bs = (int)(s % DIGIT_BITS);
  unsigned __int128 w = 0;   /* three digits from ds cover the 64 + bs bits wanted */
  for (int i = 2; i >= 0; i--) {
    ssize_t idx = ds + i;
    w = (w << 32) | (idx < v->n ? v->d[idx] : 0);
  }
  uint64_t q = (uint64_t)(w >> bs);
  bool st = bs && (v->d[ds] & ((UINT32_C(1) << bs) - 1));
  for (ssize_t i = 0; i < ds && !st; i++) st = v->d[i] != 0;
  *shift = s;
  *sticky = st;
  return q;
}

int int_as_double(VM *vm, Object *o, double *out) {
  if (obj_is_small(o)) {
    *out = (double)small_value(o);
    return 0;
  }
  View v;
  view_init(o, &v);
  int64_t s;
  bool sticky;
  uint64_t q = view_top64(&v, &s, &sticky);
  double d = s == 0 ? (double)q : round_bits(q, s, sticky);
  if (isinf(d)) {
    exc_set(vm, &vm->exc_OverflowError, "int too large to convert to float");
    return -1;
  }
  *out = v.neg ? -d : d;
  return 0;
}

int int_sign(VM *vm, Object *o) {
  if (obj_is_small(o)) {
    int64_t v = small_value(o);
    return (v > 0) - (v < 0);
  }
  ssize_t s = box_size(o);
  return (s > 0) - (s < 0);
}

int int_compare(VM *vm, Object *a, Object *b) {
  if (obj_is_small(a) && obj_is_small(b)) {
    int64_t x = small_value(a), y = small_value(b);
    return (x > y) - (x < y);
  }
  View va, vb;
  view_init(a, &va);
  view_init(b, &vb);
  if (va.neg != vb.neg) return va.neg ? -1 : 1;
  int c = mag_cmp(va.d, va.n, vb.d, vb.n);
  return va.neg ? -c : c;
}

int64_t int_bit_length(VM *vm, Object *o) {
  View v;
  view_init(o, &v);
  return mag_bits(v.d, v.n);
}

int64_t int_hash(VM *vm, Object *o) {
  if (obj_is_small(o)) {   /* |v| <= 2**61 = HASH_MODULUS + 1 */
    int64_t x = small_value(o);
    if (x == SMALL_MIN || x == -1) return -2;   /* hash -1 is reserved for errors */
    if (x == (int64_t)HASH_MODULUS || x == -(int64_t)HASH_MODULUS) return 0;
    return x;
  }
  View v;
  view_init(o, &v);
  uint64_t x = 0;
  for (ssize_t i = v.n - 1; i >= 0; i--) {
    x = ((x << DIGIT_BITS) & HASH_MODULUS) | (x >> (61 - DIGIT_BITS));
    x += v.d[i];
    if (x >= HASH_MODULUS) x -= HASH_MODULUS;
  }
  int64_t h = v.neg ? -(int64_t)x : (int64_t)x;
  return h == -1 ? -2 : h;
}

/* -1, 0, 1: the int i against the finite double d, exactly. */
static int cmp_int_double(VM *vm, Object *i, double d, int *err) {
  *err = 0;
  if (obj_is_small(i)) {
    int64_t v = small_value(i);
    if (v >= -(INT64_C(1) << 53) && v <= (INT64_C(1) << 53)) {
      double x = (double)v;
      return (x > d) - (x < d);
    }
  }
  int si = int_sign(vm, i), sd = (d > 0) - (d < 0);
  if (si != sd) return si < sd ? -1 : 1;
  if (si == 0) return 0;
  int e;
  frexp(d, &e);                      /* 2**(e-1) <= |d| < 2**e */
  int64_t nbits = int_bit_length(vm, i);
  if (nbits != e) return (nbits < e ? -1 : 1) * si;
  double ip = trunc(d);
  Object *t = int_from_double(vm, ip);
  if (!t) {
    *err = 1;
    return 0;
  }
  int c = int_compare(vm, i, t);
  obj_decref(vm, t);
  if (c == 0 && ip != d) c = d > 0 ? -1 : 1;
  return c;
}

/* ---- text conversion ------------------------------------------------------------- */

static Object *str_limit_error(VM *vm) {
  return exc_set(vm, &vm->exc_ValueError,
                 "Exceeds the limit (%d digits) for integer string conversion; use "
                 "sys.set_int_max_str_digits() to increase the limit",
                 vm->int_max_str_digits);
}

/* Write the decimal digits of u backwards ending at end; returns the start. */
static char *u64_to_dec(uint64_t u, char *end) {
  do {
    *--end = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  return end;
}

static Object *big_to_decimal(VM *vm, const View *v) {
  int64_t nbits = mag_bits(v->d, v->n);
  int limit = vm->int_max_str_digits;
  /* more than limit digits for sure: 10**limit < 2**(nbits-1) */
  if (limit > 0 && (double)(nbits - 1) * 0.30102999566398120 > limit + 1.0)
    return str_limit_error(vm);
  size_t cap = (size_t)(nbits / 29) + 2;   /* 10**9 > 2**29.89 */
  Scratch s;
  digit *out = scratch_get(vm, &s, cap);
  if (!out) return NULL;
  size_t size = 0;
  for (ssize_t i = v->n - 1; i >= 0; i--) {
    digit hi = v->d[i];
    for (size_t j = 0; j < size; j++) {
      twodigits z = (twodigits)out[j] << DIGIT_BITS | hi;
      hi = (digit)(z / DEC_BASE);
      out[j] = (digit)(z - (twodigits)hi * DEC_BASE);
    }
    while (hi) {
      out[size++] = hi % DEC_BASE;
      hi /= DEC_BASE;
    }
  }
  if (size == 0) out[size++] = 0;
  size_t ndig = (size - 1) * DEC_DIGITS;
  for (digit t = out[size - 1]; t; t /= 10) ndig++;
  if (limit > 0 && ndig > (size_t)limit) {
    scratch_release(vm, &s);
    return str_limit_error(vm);
  }
  size_t len = ndig + v->neg;
  char *buf = heap_alloc(vm, len + 1);
  if (!buf) {
    scratch_release(vm, &s);
    return NULL;
  }
  char *p = buf + len;
  for (size_t j = 0; j + 1 < size; j++) {
    digit c = out[j];
    for (int k = 0; k < DEC_DIGITS; k++) {
      *--p = (char)('0' + c % 10);
      c /= 10;
    }
  }
  p = u64_to_dec(out[size - 1], p);
  if (v->neg) *--p = '-';
  Object *r = str_new(vm, buf, len);
  heap_free(vm, buf, len + 1);
  scratch_release(vm, &s);
  return r;
}

/* Digits in a power-of-two base (2, 8, 16) with the 0b/0o/0x prefix. */
static Object *int_to_pow2(VM *vm, const View *v, int base) {
  int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
  int64_t nbits = mag_bits(v->d, v->n);
  size_t ndig = nbits ? (size_t)((nbits + bits - 1) / bits) : 1;
  size_t len = ndig + 2 + v->neg;
  char stackbuf[80];
  char *buf = len <= sizeof stackbuf ? stackbuf : heap_alloc(vm, len);
  if (!buf) return NULL;
  char *p = buf + len;
  for (size_t i = 0; i < ndig; i++) {
    int64_t bit = (int64_t)i * bits;
    ssize_t di = (ssize_t)(bit / DIGIT_BITS);
    int off = (int)(bit % DIGIT_BITS);
    twodigits w = di < v->n ? v->d[di] : 0;
    if (di + 1 < v->n) w |= (twodigits)v->d[di + 1] << DIGIT_BITS;
    *--p = "0123456789abcdef"[(w >> off) & (unsigned)(base - 1)];
  }
  *--p = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
  *--p = '0';
  if (v->neg) *--p = '-';
  Object *r = str_new(vm, buf, len);
  if (buf != stackbuf) heap_free(vm, buf, len);
  return r;
}

Object *int_to_string(VM *vm, Object *o, int base) {
  View v;
  view_init(o, &v);
  if (base != 10) return int_to_pow2(vm, &v, base);
  if (obj_is_small(o)) {
    char buf[24], *end = buf + sizeof buf;
    char *p = u64_to_dec(v.buf[0] | (uint64_t)v.buf[1] << 32, end);
    if (v.neg) *--p = '-';
    return str_new(vm, p, (size_t)(end - p));
  }
  return big_to_decimal(vm, &v);
}

static Object *int_repr(VM *vm, Object *o) {
  return int_to_string(vm, o, 10);
}

static int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

static bool is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/* ValueError naming the text (a str, or the n bytes at s when text is NULL). */
static Object *invalid_literal(VM *vm, Object *text, const char *s, size_t n, int base) {
  text = text ? obj_newref(text) : str_decode_utf8(vm, s, n);
  if (!text) return NULL;
  Object *rep = str_repr(vm, text);
  obj_decref(vm, text);
  if (!rep) return NULL;
  /* CPython shows at most 200 characters of the repr (%.200R) */
  Object *cut = rep;
  if (str_length(rep) > 200) {
    const char *u = str_utf8(rep);
    ssize_t bytes = 0;
    for (ssize_t cps = 0; cps < 200; cps++) {
      bytes++;
      while ((u[bytes] & 0xc0) == 0x80) bytes++;
    }
    cut = str_new(vm, u, (size_t)bytes);
    obj_decref(vm, rep);
    if (!cut) return NULL;
  }
  exc_set(vm, &vm->exc_ValueError, "invalid literal for int() with base %d: %U", base, cut);
  obj_decref(vm, cut);
  return NULL;
}

/* New reference: the magnitude given by ndig digit characters of p (underscores already
   validated and skipped here) in base. */
static Object *parse_digits(VM *vm, const char *p, const char *end, size_t ndig, int base,
                            bool neg) {
  int bits_per = 0;
  if ((base & (base - 1)) == 0) bits_per = __builtin_ctz((unsigned)base);
  double log2b = log2((double)base);
  ssize_t n = (ssize_t)((double)ndig * log2b / DIGIT_BITS) + 2;
  IntObject *r = big_alloc(vm, n);
  if (!r) return NULL;
  digit *d = r->digits;
  if (bits_per) {   /* exact bit placement from the least significant character */
    int64_t bit = 0;
    for (const char *q = end; q > p;) {
      char c = *--q;
      if (c == '_') continue;
      twodigits val = (twodigits)digit_value(c) << (bit % DIGIT_BITS);
      ssize_t di = (ssize_t)(bit / DIGIT_BITS);
      d[di] |= (digit)val;
      if (val >> DIGIT_BITS) d[di + 1] |= (digit)(val >> DIGIT_BITS);
      bit += bits_per;
    }
    return big_finish(vm, r, n, neg);
  }
  /* chunks of k characters: d = d * base**k + chunk */
  digit maxmul = (digit)base;
  int k = 1;
  while ((twodigits)maxmul * (unsigned)base <= 0xffffffffu) {
    maxmul *= (digit)base;
    k++;
  }
  ssize_t size = 0;
  const char *q = p;
  while (q < end) {
    digit chunk = 0, mul = 1;
    for (int i = 0; i < k && q < end; q++) {
      if (*q == '_') continue;
      chunk = chunk * (digit)base + (digit)digit_value(*q);
      mul *= (digit)base;
      i++;
    }
    digit c = mag_mul1(d, d, size, mul, chunk);
    if (c) d[size++] = c;
  }
  return big_finish(vm, r, n, neg);
}

/* int_from_string, naming text (may be NULL) in the error message. */
static Object *parse_int(VM *vm, Object *text, const char *s, size_t n, int base) {
  const char *p = s, *end = s + n;
  int orig_base = base;
  while (p < end && is_space(*p)) p++;
  while (end > p && is_space(end[-1])) end--;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
  if (base == 0) {
    if (p + 1 < end && p[0] == '0') {
      char c = (char)(p[1] | 0x20);
      base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 10;
    } else {
      base = 10;
    }
  }
  bool prefixed = false;
  if (p + 1 < end && p[0] == '0') {
    char c = (char)(p[1] | 0x20);
    if ((base == 16 && c == 'x') || (base == 8 && c == 'o') || (base == 2 && c == 'b')) {
      p += 2;
      prefixed = true;
    }
  }
  /* digits with single underscores between them (one may follow the prefix) */
  if (prefixed && p < end && *p == '_') p++;
  size_t ndig = 0;
  bool prev_us = false, nonzero = false, ok = p < end;
  for (const char *q = p; q < end && ok; q++) {
    if (*q == '_') {
      ok = !prev_us && q != p;
      prev_us = true;
      continue;
    }
    int dv = digit_value(*q);
    ok = dv < base;
    nonzero |= dv != 0;
    prev_us = false;
    ndig++;
  }
  if (prev_us) ok = false;
  /* base 0: a nonzero decimal may not start with 0 ("010") */
  if (ok && orig_base == 0 && base == 10 && *p == '0' && nonzero) ok = false;
  if (!ok) return invalid_literal(vm, text, s, n, orig_base);
  if ((base & (base - 1)) != 0 && vm->int_max_str_digits > 0 &&
      ndig > (size_t)vm->int_max_str_digits)
    return exc_set(vm, &vm->exc_ValueError,
                   "Exceeds the limit (%d digits) for integer string conversion: value has "
                   "%zu digits; use sys.set_int_max_str_digits() to increase the limit",
                   vm->int_max_str_digits, ndig);
  if (ndig <= 12 || (ndig <= 18 && base <= 10)) {   /* fits an int64 */
    int64_t v = 0;
    for (const char *q = p; q < end; q++)
      if (*q != '_') v = v * base + digit_value(*q);
    return int_from_i64(vm, neg ? -v : v);
  }
  return parse_digits(vm, p, end, ndig, base, neg);
}

Object *int_from_string(VM *vm, const char *s, size_t n, int base) {
  return parse_int(vm, NULL, s, n, base);
}

char *num_ascii_text(VM *vm, Object *s, size_t *n) {
  ssize_t len = str_length(s);
  char *buf = heap_alloc(vm, (size_t)len + 1);
  if (!buf) return NULL;
  for (ssize_t i = 0; i < len; i++) {
    uint32_t cp = str_codepoint_at(s, i);
    int d;
    if (cp < 0x80) buf[i] = (char)cp;
    else if ((d = unicode_decimal(cp)) >= 0) buf[i] = (char)('0' + d);
    else buf[i] = unicode_flags(cp) & UNICODE_SPACE ? ' ' : '?';
  }
  buf[len] = 0;
  *n = (size_t)len;
  return buf;
}

/* New reference: int(s, base) for a str object s (any code points). */
static Object *int_from_str(VM *vm, Object *s, int base) {
  if (((StrObject *)s)->ascii) return parse_int(vm, s, str_utf8(s), (size_t)str_nbytes(s), base);
  size_t n;
  char *buf = num_ascii_text(vm, s, &n);
  if (!buf) return NULL;
  Object *r = parse_int(vm, s, buf, n, base);
  heap_free(vm, buf, n + 1);
  return r;
}

/* ---- bitwise operations and shifts --------------------------------------------- */

/* Two's complement of v in n digits. */
static void to_twos(const View *v, digit *t, ssize_t n) {
  memmove(t, v->d, (size_t)v->n * sizeof(digit));
  memset(t + v->n, 0, (size_t)(n - v->n) * sizeof(digit));
  if (v->neg) {
    twodigits c = 1;
    for (ssize_t i = 0; i < n; i++) {
      c += (digit)~t[i];
      t[i] = (digit)c;
      c >>= DIGIT_BITS;
    }
  }
}

static Object *view_bitop(VM *vm, const View *a, const View *b, int op) {
  ssize_t n = (a->n > b->n ? a->n : b->n) + 1;
  Scratch s;
  digit *ta = scratch_get(vm, &s, (size_t)(2 * n));
  if (!ta) return NULL;
  digit *tb = ta + n;
  to_twos(a, ta, n);
  to_twos(b, tb, n);
  IntObject *r = big_alloc(vm, n);
  if (!r) {
    scratch_release(vm, &s);
    return NULL;
  }
  for (ssize_t i = 0; i < n; i++)
    r->digits[i] = op == BINOP_AND ? ta[i] & tb[i] : op == BINOP_OR ? ta[i] | tb[i] : ta[i] ^ tb[i];
  scratch_release(vm, &s);
  bool neg = r->digits[n - 1] >> 31;
  if (neg) {   /* back to magnitude */
    View rv = {.d = r->digits, .n = n, .neg = true};
    to_twos(&rv, r->digits, n);
  }
  return big_finish(vm, r, n, neg);
}

/* Shift count of b: -1 with ValueError when negative; *huge when it does not fit. */
static int shift_count(VM *vm, Object *b, int64_t *count, bool *huge) {
  *huge = false;
  if (int_sign(vm, b) < 0) {
    exc_set(vm, &vm->exc_ValueError, "negative shift count");
    return -1;
  }
  if (obj_is_small(b)) {
    *count = small_value(b);
  } else if (int_bit_length(vm, b) > 62) {
    *huge = true;
    *count = INT64_MAX;
  } else {
    int_as_i64(vm, b, count);
  }
  return 0;
}

static Object *int_lshift(VM *vm, Object *a, int64_t s) {
  View v;
  view_init(a, &v);
  if (v.n == 0) return small_new(0);
  if (obj_is_small(a) && s < 62) {
    int64_t x = small_value(a);
    if (x >= -(INT64_C(1) << (62 - s)) && x < (INT64_C(1) << (62 - s)))
      return int_from_i64(vm, (int64_t)((uint64_t)x << s));
  }
  if (s / DIGIT_BITS > ((int64_t)1 << 40)) return exc_no_memory(vm);
  ssize_t ds = (ssize_t)(s / DIGIT_BITS), n = v.n + ds + 1;
  int bs = (int)(s % DIGIT_BITS);
  IntObject *r = big_alloc(vm, n);
  if (!r) return NULL;
  twodigits c = 0;
  for (ssize_t i = 0; i < v.n; i++) {
    c |= (twodigits)v.d[i] << bs;
    r->digits[ds + i] = (digit)c;
    c >>= DIGIT_BITS;
  }
  r->digits[ds + v.n] = (digit)c;
  return big_finish(vm, r, n, v.neg);
}

/* Magnitude right shift of a nonnegative value. */
static Object *mag_rshift(VM *vm, const View *v, int64_t s) {
  ssize_t ds = (ssize_t)(s / DIGIT_BITS);
  if (ds >= v->n) return small_new(0);
  int bs = (int)(s % DIGIT_BITS);
  ssize_t n = v->n - ds;
  IntObject *r = big_alloc(vm, n);
  if (!r) return NULL;
  for (ssize_t i = 0; i < n; i++) {
    twodigits w = v->d[ds + i];
    if (ds + i + 1 < v->n) w |= (twodigits)v->d[ds + i + 1] << DIGIT_BITS;
    r->digits[i] = (digit)(w >> bs);
  }
  return big_finish(vm, r, n, false);
}

static Object *int_rshift(VM *vm, Object *a, int64_t s) {
  if (obj_is_small(a)) return small_new(small_value(a) >> (s > 63 ? 63 : s));
  View v;
  view_init(a, &v);
  if (!v.neg) return mag_rshift(vm, &v, s);
  /* a >> s = ~(~a >> s) for negative a, and ~a = |a| - 1 >= 0 */
  Object *t = int_invert(vm, a);
  if (!t) return NULL;
  View tv;
  view_init(t, &tv);
  Object *sh = mag_rshift(vm, &tv, s);
  obj_decref(vm, t);
  if (!sh) return NULL;
  Object *r = int_invert(vm, sh);
  obj_decref(vm, sh);
  return r;
}

/* ---- powers ----------------------------------------------------------------------- */

static bool small_pow(int64_t x, int64_t y, int64_t *out) {
  int64_t r = 1;
  while (y) {
    if ((y & 1) && __builtin_mul_overflow(r, x, &r)) return false;
    y >>= 1;
    if (y && __builtin_mul_overflow(x, x, &x)) return false;
  }
  *out = r;
  return true;
}

/* New reference: a ** b for b >= 0 (an int). */
static Object *int_pow_nonneg(VM *vm, Object *a, Object *b) {
  int64_t y;
  if (obj_is_small(a) && obj_is_small(b)) {
    int64_t r;
    if (small_pow(small_value(a), small_value(b), &r)) return int_from_i64(vm, r);
  }
  if (!obj_is_small(b) && int_bit_length(vm, b) > 62) {
    /* only 0, 1 and -1 have a representable power */
    int64_t x;
    if (int_bit_length(vm, a) <= 1 && int_as_i64(vm, a, &x) == 0) {
      if (x != -1) return small_new(x);
      View vb;
      view_init(b, &vb);
      return small_new(vb.d[0] & 1 ? -1 : 1);
    }
    return exc_no_memory(vm);
  }
  int_as_i64(vm, b, &y);
  Object *r = small_new(1);
  int top = y ? 63 - __builtin_clzll((uint64_t)y) : -1;
  for (int i = top; i >= 0; i--) {
    Object *t = int_mul(vm, r, r);
    obj_decref(vm, r);
    if (!t) return NULL;
    r = t;
    if ((y >> i) & 1) {
      t = int_mul(vm, r, a);
      obj_decref(vm, r);
      if (!t) return NULL;
      r = t;
    }
  }
  return r;
}

static Object *mulmod(VM *vm, Object *a, Object *b, Object *m) {
  Object *p = int_mul(vm, a, b);
  if (!p) return NULL;
  Object *r = NULL;
  int rc = int_divmod_parts(vm, p, m, NULL, &r, "integer modulo by zero");
  obj_decref(vm, p);
  return rc < 0 ? NULL : r;
}

/* New reference: the inverse of a modulo m (m > 1), by the extended Euclidean
   algorithm; ValueError when gcd(a, m) != 1. */
static Object *int_mod_inverse(VM *vm, Object *a, Object *m) {
  Object *r0 = obj_newref(m), *r1 = obj_newref(a), *s0 = small_new(0), *s1 = small_new(1);
  Object *res = NULL;
  while (int_sign(vm, r1) != 0) {
    Object *q = NULL, *r = NULL;
    if (int_divmod_parts(vm, r0, r1, &q, &r, "") < 0) goto done;
    Object *qs = int_mul(vm, q, s1);
    obj_decref(vm, q);
    Object *s2 = qs ? int_sub(vm, s0, qs) : NULL;
    obj_xdecref(vm, qs);
    if (!s2) {
      obj_decref(vm, r);
      goto done;
    }
    obj_decref(vm, r0);
    r0 = r1;
    r1 = r;
    obj_decref(vm, s0);
    s0 = s1;
    s1 = s2;
  }
  if (!(obj_is_small(r0) && small_value(r0) == 1)) {
    exc_set(vm, &vm->exc_ValueError, "base is not invertible for the given modulus");
    goto done;
  }
  int_divmod_parts(vm, s0, m, NULL, &res, "");
done:
  obj_decref(vm, r0);
  obj_decref(vm, r1);
  obj_decref(vm, s0);
  obj_decref(vm, s1);
  return res;
}

Object *int_pow_mod(VM *vm, Object *a, Object *b, Object *mod) {
  if (int_sign(vm, mod) == 0)
    return exc_set(vm, &vm->exc_ValueError, "pow() 3rd argument cannot be 0");
  bool negmod = int_sign(vm, mod) < 0;
  Object *m = int_abs(vm, mod), *base = NULL, *exp = NULL, *r = NULL;
  if (!m) return NULL;
  if (obj_is_small(m) && small_value(m) == 1) {
    obj_decref(vm, m);
    return small_new(0);
  }
  if (int_divmod_parts(vm, a, m, NULL, &base, "") < 0) goto done;
  if (int_sign(vm, b) < 0) {
    Object *inv = int_mod_inverse(vm, base, m);
    if (!inv) goto done;
    obj_decref(vm, base);
    base = inv;
    if (!(exp = int_neg(vm, b))) goto done;
  } else {
    exp = obj_newref(b);
  }
  View ve;
  view_init(exp, &ve);
  r = small_new(1);
  for (int64_t i = mag_bits(ve.d, ve.n) - 1; i >= 0; i--) {
    Object *t = mulmod(vm, r, r, m);
    obj_decref(vm, r);
    if (!(r = t)) goto done;
    if ((ve.d[i / DIGIT_BITS] >> (i % DIGIT_BITS)) & 1) {
      t = mulmod(vm, r, base, m);
      obj_decref(vm, r);
      if (!(r = t)) goto done;
    }
  }
  if (negmod && int_sign(vm, r) != 0) {
    Object *t = int_sub(vm, r, m);
    obj_decref(vm, r);
    r = t;
  }
done:
  obj_decref(vm, m);
  obj_xdecref(vm, base);
  obj_xdecref(vm, exp);
  return r;
}

/* ---- true division ----------------------------------------------------------------- */

/* New reference: a / b as a correctly rounded float. */
static Object *int_truediv(VM *vm, Object *a, Object *b) {
  const int64_t exact = INT64_C(1) << 53;
  if (obj_is_small(a) && obj_is_small(b)) {
    int64_t x = small_value(a), y = small_value(b);
    if (y == 0) return zero_division(vm, "division by zero");
    if (x >= -exact && x <= exact && y >= -exact && y <= exact)
      return float_new(vm, (double)x / (double)y);
  }
  View va, vb;
  view_init(a, &va);
  view_init(b, &vb);
  if (vb.n == 0) return zero_division(vm, "division by zero");
  bool neg = va.neg != vb.neg;
  if (va.n == 0) return float_new(vm, neg ? -0.0 : 0.0);
  int64_t diff = mag_bits(va.d, va.n) - mag_bits(vb.d, vb.n);
  if (diff > 1025)
    return exc_set(vm, &vm->exc_OverflowError, "integer division result too large for a float");
  if (diff < -1076) return float_new(vm, neg ? -0.0 : 0.0);
  /* q = |a| / (|b| * 2**s) carries 55 or 56 bits (fewer near the subnormal range) */
  int64_t s = diff - 55 < -1076 ? -1076 : diff - 55;
  Object *x = int_abs(vm, a), *y = int_abs(vm, b), *t;
  if (!x || !y) goto fail;
  t = s >= 0 ? int_lshift(vm, y, s) : int_lshift(vm, x, -s);
  if (!t) goto fail;
  if (s >= 0) OBJ_SETREF(vm, y, t); else OBJ_SETREF(vm, x, t);
  Object *q = NULL, *r = NULL;
  if (int_divmod_parts(vm, x, y, &q, &r, "division by zero") < 0) goto fail;
  int64_t qv;
  int_as_i64(vm, q, &qv);
  double d = round_bits((uint64_t)qv, s, int_sign(vm, r) != 0);
  obj_decref(vm, q);
  obj_decref(vm, r);
  obj_decref(vm, x);
  obj_decref(vm, y);
  if (isinf(d))
    return exc_set(vm, &vm->exc_OverflowError, "integer division result too large for a float");
  return float_new(vm, neg ? -d : d);
fail:
  obj_xdecref(vm, x);
  obj_xdecref(vm, y);
  return NULL;
}

/* ---- the binary operator ------------------------------------------------------------ */

/* a ** b for ints: a float when b < 0 (through float's rules). */
static Object *int_pow(VM *vm, Object *a, Object *b) {
  if (int_sign(vm, b) >= 0) return int_pow_nonneg(vm, a, b);
  double x, y;
  if (int_as_double(vm, a, &x) < 0 || int_as_double(vm, b, &y) < 0) return NULL;
  Object *fa = float_new(vm, x), *fb = fa ? float_new(vm, y) : NULL;
  Object *r = fb ? obj_binop(vm, fa, fb, BINOP_POW) : NULL;
  obj_xdecref(vm, fa);
  obj_xdecref(vm, fb);
  return r;
}

static Object *int_shift(VM *vm, Object *a, Object *b, int op) {
  int64_t s;
  bool huge;
  if (shift_count(vm, b, &s, &huge) < 0) return NULL;
  if (op == BINOP_RSHIFT) {
    if (huge) return small_new(int_sign(vm, a) < 0 ? -1 : 0);
    return int_rshift(vm, a, s);
  }
  if (huge) {
    if (int_sign(vm, a) == 0) return small_new(0);
    return exc_no_memory(vm);
  }
  return int_lshift(vm, a, s);
}

Object *int_binop(VM *vm, Object *a, Object *b, int op) {
  if (obj_is_small(a) && obj_is_small(b)) {
    int64_t x = small_value(a), y = small_value(b);
    switch (op) {
    case BINOP_ADD: return int_from_i64(vm, x + y);
    case BINOP_SUB: return int_from_i64(vm, x - y);
    case BINOP_AND: return small_new(x & y);
    case BINOP_OR: return small_new(x | y);
    case BINOP_XOR: return small_new(x ^ y);
    default: break;
    }
  }
  switch (op) {
  case BINOP_ADD: return int_add(vm, a, b);
  case BINOP_SUB: return int_sub(vm, a, b);
  case BINOP_MUL: return int_mul(vm, a, b);
  case BINOP_TRUEDIV: return int_truediv(vm, a, b);
  case BINOP_FLOORDIV: {
    Object *q = NULL;
    return int_divmod_parts(vm, a, b, &q, NULL, "integer division or modulo by zero") < 0 ? NULL : q;
  }
  case BINOP_MOD: {
    Object *r = NULL;
    return int_divmod_parts(vm, a, b, NULL, &r, "integer modulo by zero") < 0 ? NULL : r;
  }
  case BINOP_POW: return int_pow(vm, a, b);
  case BINOP_LSHIFT:
  case BINOP_RSHIFT: return int_shift(vm, a, b, op);
  case BINOP_AND:
  case BINOP_OR:
  case BINOP_XOR: {
    View va, vb;
    view_init(a, &va);
    view_init(b, &vb);
    return view_bitop(vm, &va, &vb, op);
  }
  default: return obj_newref(VM_NOTIMPL(vm));
  }
}

Object *int_divmod(VM *vm, Object *a, Object *b) {
  Object *q = NULL, *r = NULL;
  if (int_divmod_parts(vm, a, b, &q, &r, "integer division or modulo by zero") < 0) return NULL;
  Object *t = tuple_pack(vm, 2, q, r);
  obj_decref(vm, q);
  obj_decref(vm, r);
  return t;
}

/* tp_binop: ints have no in-place versions, so the flag is dropped (same result). */
static Object *int_binop_slot(VM *vm, Object *a, Object *b, int op) {
  if (!INT_CHECK(vm, a) || !INT_CHECK(vm, b)) return obj_newref(VM_NOTIMPL(vm));
  return int_binop(vm, a, b, op & ~BINOP_INPLACE);
}

static Object *int_ternpow(VM *vm, Object *a, Object *b, Object *mod) {
  if (!INT_CHECK(vm, a) || !INT_CHECK(vm, b) || !INT_CHECK(vm, mod)) {
    if ((INT_CHECK(vm, a) || FLOAT_CHECK(vm, a)) && (INT_CHECK(vm, b) || FLOAT_CHECK(vm, b)) &&
        (INT_CHECK(vm, mod) || FLOAT_CHECK(vm, mod)))
      return exc_set(vm, &vm->exc_TypeError,
                     "pow() 3rd argument not allowed unless all arguments are integers");
    return obj_newref(VM_NOTIMPL(vm));
  }
  return int_pow_mod(vm, a, b, mod);
}

static Object *int_unaryop(VM *vm, Object *o, int op) {
  switch (op) {
  case UNARY_NEG: return int_neg(vm, o);
  case UNARY_POS:
  case UNARY_INDEX:
  case UNARY_INT: return int_exact(vm, o);
  case UNARY_INVERT: return int_invert(vm, o);
  case UNARY_ABS: return int_abs(vm, o);
  case UNARY_FLOAT: {
    double d;
    return int_as_double(vm, o, &d) < 0 ? NULL : float_new(vm, d);
  }
  default: return obj_newref(VM_NOTIMPL(vm));
  }
}

static bool cmp_result(int c, int op) {
  switch (op) {
  case CMP_LT: return c < 0;
  case CMP_LE: return c <= 0;
  case CMP_EQ: return c == 0;
  case CMP_NE: return c != 0;
  case CMP_GT: return c > 0;
  default: return c >= 0;
  }
}

/* New reference: the int i compared with the float value d (exactly). */
Object *int_compare_double(VM *vm, Object *i, double d, int op) {
  if (isnan(d)) return vm_bool(vm, op == CMP_NE);
  if (isinf(d)) return vm_bool(vm, cmp_result(d > 0 ? -1 : 1, op));
  int err;
  int c = cmp_int_double(vm, i, d, &err);
  return err ? NULL : vm_bool(vm, cmp_result(c, op));
}

static Object *int_richcompare(VM *vm, Object *a, Object *b, int op) {
  if (!INT_CHECK(vm, a)) return obj_newref(VM_NOTIMPL(vm));
  if (INT_CHECK(vm, b)) return vm_bool(vm, cmp_result(int_compare(vm, a, b), op));
  if (FLOAT_CHECK(vm, b)) return int_compare_double(vm, a, float_value(b), op);
  return obj_newref(VM_NOTIMPL(vm));
}

static int64_t int_hash_slot(VM *vm, Object *o) {
  return int_hash(vm, o);
}

static int int_bool(VM *vm, Object *o) {
  return int_sign(vm, o) != 0;
}

/* ---- rounding -------------------------------------------------------------------------- */

Object *int_round(VM *vm, Object *x, Object *ndigits) {
  if (!ndigits || ndigits == VM_NONE(vm)) return int_exact(vm, x);
  Object *nd = INT_CHECK(vm, ndigits) ? obj_newref(ndigits) : obj_unaryop(vm, ndigits, UNARY_INDEX);
  if (!nd) return NULL;
  int sign = int_sign(vm, nd);
  if (sign >= 0) {
    obj_decref(vm, nd);
    return int_exact(vm, x);
  }
  /* x - divmod_near(x, 10**-nd)[1]: round half to even at the 10**-nd place */
  Object *negnd = int_neg(vm, nd), *pow10 = NULL, *q = NULL, *r = NULL, *res = NULL;
  obj_decref(vm, nd);
  if (!negnd) return NULL;
  if (!obj_is_small(negnd) || small_value(negnd) > 1000000) {
    obj_decref(vm, negnd);
    return small_new(0);   /* |x| can never reach half of such a power: rounds to 0 */
  }
  if (!(pow10 = int_pow_nonneg(vm, small_new(10), negnd))) goto done;
  if (int_divmod_parts(vm, x, pow10, &q, &r, "") < 0) goto done;
  Object *twice = int_lshift(vm, r, 1);
  if (!twice) goto done;
  int c = int_compare(vm, twice, pow10);
  obj_decref(vm, twice);
  bool q_odd;
  {
    View vq;
    view_init(q, &vq);
    q_odd = vq.n && (vq.d[0] & 1);
  }
  if (c > 0 || (c == 0 && q_odd)) {
    Object *t = int_add(vm, q, small_new(1));
    if (!t) goto done;
    OBJ_SETREF(vm, q, t);
  }
  res = int_mul(vm, q, pow10);
done:
  obj_decref(vm, negnd);
  obj_xdecref(vm, pow10);
  obj_xdecref(vm, q);
  obj_xdecref(vm, r);
  return res;
}

/* ---- construction ----------------------------------------------------------------------- */

/* New reference: int(x) for one argument (no base). */
static Object *int_from_object(VM *vm, Object *x) {
  if (INT_CHECK(vm, x)) return int_exact(vm, x);
  if (FLOAT_CHECK_EXACT(vm, x)) return int_from_double(vm, float_value(x));
  if (STR_CHECK(vm, x)) {
    return int_from_str(vm, x, 10);
  }
  TypeObject *t = obj_type(vm, x);
  Object *r = NULL;
  if (type_lookup(vm, t, vm->id.__int__) || FLOAT_CHECK(vm, x)) {
    r = obj_unaryop(vm, x, UNARY_INT);
  } else if (type_lookup(vm, t, vm->id.__index__)) {
    r = obj_unaryop(vm, x, UNARY_INDEX);
  } else if (type_lookup(vm, t, vm->id.__trunc__)) {
    r = obj_call_method(vm, x, "__trunc__", NULL, 0);
    if (r && !INT_CHECK(vm, r)) {
      Object *i = obj_unaryop(vm, r, UNARY_INDEX);
      obj_decref(vm, r);
      if (!i && exc_matches(vm, &vm->exc_TypeError)) {
        exc_clear(vm);
        return exc_set(vm, &vm->exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                       type_name(obj_type(vm, r)));
      }
      r = i;
    }
  } else {
    return exc_set(vm, &vm->exc_TypeError,
                   "int() argument must be a string, a bytes-like object or a real number, "
                   "not '%s'", type_name(t));
  }
  if (r && !INT_CHECK_EXACT(vm, r) && INT_CHECK(vm, r)) {
    Object *e = int_exact(vm, r);
    obj_decref(vm, r);
    r = e;
  }
  return r;
}

/* New reference: an instance of the int subclass type with the value of v (an int). */
static Object *int_subtype_new(VM *vm, TypeObject *type, Object *v) {
  View vv;
  view_init(v, &vv);
  Object *r = obj_alloc(vm, type, vv.n);
  if (!r) return NULL;
  memcpy(box_digits(r), vv.d, (size_t)vv.n * sizeof(digit));
  ((VarObject *)r)->ob_size = vv.neg ? -vv.n : vv.n;
  return r;
}

static Object *int_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                       Object *kwnames) {
  Object *x = nargs > 0 ? args[0] : NULL, *base = nargs > 1 ? args[1] : NULL;
  if (nargs > 2)
    return exc_set(vm, &vm->exc_TypeError, "int() takes at most 2 arguments (%zu given)", nargs);
  ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  for (ssize_t i = 0; i < nkw; i++) {
    Object *k = TUPLE_ITEMS(kwnames)[i];
    if (!str_eq_cstr(k, "base") || base)
      return exc_set(vm, &vm->exc_TypeError, str_eq_cstr(k, "base")
                     ? "argument for int() given by name ('base') and position (2)"
                     : "'%U' is an invalid keyword argument for int()", k);
    base = args[nargs + (size_t)i];
  }
  Object *v;
  if (!base) {
    v = x ? int_from_object(vm, x) : small_new(0);
  } else {
    if (!x) return exc_set(vm, &vm->exc_TypeError, "int() missing string argument");
    ssize_t b;
    int err = 0;
    if (!INT_CHECK(vm, base) && !type_lookup(vm, obj_type(vm, base), vm->id.__index__))
      return exc_set(vm, &vm->exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     type_name(obj_type(vm, base)));
    b = obj_as_index(vm, base, &err);
    if (err) return NULL;
    if ((b != 0 && b < 2) || b > 36)
      return exc_set(vm, &vm->exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (!STR_CHECK(vm, x))
      return exc_set(vm, &vm->exc_TypeError, "int() can't convert non-string with explicit base");
    v = int_from_str(vm, x, (int)b);
  }
  if (!v || type == &vm->int_type) return v;
  Object *r = int_subtype_new(vm, type, v);
  obj_decref(vm, v);
  return r;
}

/* ---- sys.get/set_int_max_str_digits ---------------------------------------------- */

Object *int_sys_get_max_str_digits(VM *vm, Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
  if (arg_no_kw(vm, "get_int_max_str_digits", kwnames) < 0 ||
      arg_count(vm, "get_int_max_str_digits", nargs, 0, 0) < 0)
    return NULL;
  return small_new(vm->int_max_str_digits);
}

Object *int_sys_set_max_str_digits(VM *vm, Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
  static const char *const names[] = {"maxdigits", NULL};
  Object *a[1];
  if (arg_parse(vm, "set_int_max_str_digits", args, nargs, kwnames, names, 1, 1, a) < 0)
    return NULL;
  int err = 0;
  ssize_t n = obj_as_index(vm, a[0], &err);
  if (err) return NULL;
  if (n != 0 && (n <= INT_MAX_STR_DIGITS_THRESHOLD || n > INT32_MAX))
    return exc_set(vm, &vm->exc_ValueError, "maxdigits must be 0 or larger than %d",
                   INT_MAX_STR_DIGITS_THRESHOLD);
  vm->int_max_str_digits = (int)n;
  return vm_none(vm);
}

/* ---- methods and attributes --------------------------------------------------------------- */

static Object *int_m_bit_length(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  return int_from_i64(vm, int_bit_length(vm, self));
}

static Object *int_m_bit_count(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  View v;
  view_init(self, &v);
  int64_t c = 0;
  for (ssize_t i = 0; i < v.n; i++) c += __builtin_popcount(v.d[i]);
  return int_from_i64(vm, c);
}

static Object *int_m_exact(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  return int_exact(vm, self);
}

static Object *int_m_as_integer_ratio(VM *vm, Object *self, Object *const *a, size_t n,
                                      Object *kw) {
  Object *e = int_exact(vm, self);
  if (!e) return NULL;
  Object *t = tuple_pack(vm, 2, e, small_new(1));
  obj_decref(vm, e);
  return t;
}

static Object *int_m_getnewargs(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  Object *e = int_exact(vm, self);
  if (!e) return NULL;
  Object *t = tuple_pack(vm, 1, e);
  obj_decref(vm, e);
  return t;
}

static Object *int_m_round(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  if (arg_no_kw(vm, "__round__", kw) < 0 || arg_count(vm, "__round__", n, 0, 1) < 0) return NULL;
  return int_round(vm, self, n ? a[0] : NULL);
}

static Object *int_m_format(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  if (!STR_CHECK(vm, a[0]))
    return exc_set(vm, &vm->exc_TypeError, "__format__() argument must be str, not %s",
                   type_name(obj_type(vm, a[0])));
  return format_int(vm, self, a[0]);
}

static Object *int_m_sizeof(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  View v;
  view_init(self, &v);
  return int_from_i64(vm, (int64_t)int_bytes(v.n));
}

/* __divmod__ / __rdivmod__ for code that calls them by name. */
static Object *int_m_divmod(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  if (!INT_CHECK(vm, a[0])) return obj_newref(VM_NOTIMPL(vm));
  return int_divmod(vm, self, a[0]);
}

static Object *int_m_rdivmod(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  if (!INT_CHECK(vm, a[0])) return obj_newref(VM_NOTIMPL(vm));
  return int_divmod(vm, a[0], self);
}

/* to_bytes / from_bytes exist (hasattr, golden programs) but need a bytes type. */
static Object *int_m_no_bytes(VM *vm, Object *self, Object *const *a, size_t n, Object *kw) {
  return exc_set(vm, &vm->exc_NotImplementedError, "Kite has no bytes type yet");
}

static const MethodDef int_methods[] = {
  {"to_bytes", int_m_no_bytes, METH_VARARGS, "Return an array of bytes representing an integer."},
  {"from_bytes", int_m_no_bytes, METH_VARARGS | METH_CLASS, "Return the integer represented by the given array of bytes."},
  {"bit_length", int_m_bit_length, METH_NOARGS, "Number of bits necessary to represent self in binary."},
  {"bit_count", int_m_bit_count, METH_NOARGS, "Number of ones in the binary representation of the absolute value of self."},
  {"conjugate", int_m_exact, METH_NOARGS, "Returns self, the complex conjugate of any int."},
  {"as_integer_ratio", int_m_as_integer_ratio, METH_NOARGS, "Return integer ratio."},
  {"__trunc__", int_m_exact, METH_NOARGS, "Truncating an Integral returns itself."},
  {"__floor__", int_m_exact, METH_NOARGS, "Flooring an Integral returns itself."},
  {"__ceil__", int_m_exact, METH_NOARGS, "Ceiling of an Integral returns itself."},
  {"__round__", int_m_round, METH_VARARGS, "Rounding an Integral returns itself."},
  {"__format__", int_m_format, METH_O, "Convert to a string according to format_spec."},
  {"__getnewargs__", int_m_getnewargs, METH_NOARGS, NULL},
  {"__sizeof__", int_m_sizeof, METH_NOARGS, "Returns size in memory, in bytes."},
  {"__divmod__", int_m_divmod, METH_O, "Return divmod(self, value)."},
  {"__rdivmod__", int_m_rdivmod, METH_O, "Return divmod(value, self)."},
  {NULL, NULL, 0, NULL},
};

static Object *int_get_exact(VM *vm, Object *self, void *closure) {
  return int_exact(vm, self);
}

static Object *int_get_const(VM *vm, Object *self, void *closure) {
  return small_new((int64_t)(intptr_t)closure);
}

static const GetSetDef int_getset[] = {
  {"real", int_get_exact, NULL, "the real part of a complex number", NULL},
  {"imag", int_get_const, NULL, "the imaginary part of a complex number", (void *)0},
  {"numerator", int_get_exact, NULL, "the numerator of a rational number in lowest terms", NULL},
  {"denominator", int_get_const, NULL, "the denominator of a rational number in lowest terms", (void *)1},
  {NULL, NULL, NULL, NULL, NULL},
};

void int_type_init(VM *vm) {
  TypeObject *t = &vm->int_type;
  type_init_builtin(vm, t, "int", NULL, offsetof(IntObject, digits), sizeof(digit),
                    TYPE_FLAG_BASETYPE | TYPE_FLAG_INT_SUBCLASS);
  t->tp_dealloc = int_dealloc;
  t->tp_new = int_new;
  t->tp_repr = int_repr;
  t->tp_hash = int_hash_slot;
  t->tp_richcompare = int_richcompare;
  t->tp_binop = int_binop_slot;
  t->tp_ternpow = int_ternpow;
  t->tp_unaryop = int_unaryop;
  t->tp_bool = int_bool;
  t->tp_binop_mask = (((1u << BINOP_COUNT) - 1) & ~(1u << BINOP_MATMUL)) |
                     (((1u << UNARY_COUNT) - 1) << 16);
  t->tp_methods = int_methods;
  t->tp_getset = int_getset;
  t->tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer";
  vm->int_max_str_digits = INT_MAX_STR_DIGITS_DEFAULT;
}
