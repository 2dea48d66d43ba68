/*
 * unicode: table lookups for runtime/unicode.h.
 *
 * The property table is a sorted list of ranges (start << 8 | palette index) over all
 * code points: a binary search finds the range holding cp, and the palette maps the index
 * to the property bits (only ~30 distinct combinations exist). Case mappings are runs of
 * code points sharing one delta, with stride 1 (a contiguous block) or 2 (alternating
 * upper/lower pairs as in Latin Extended-A), plus a short list of multi-character
 * mappings. About 30 KB of read-only data for the whole of Unicode.
 */
#include <stddef.h>
#include "runtime/unicode.h"

typedef struct CaseRun {
  uint32_t start;
  uint16_t count;
  uint8_t stride;
  int32_t delta;
} CaseRun;

typedef struct CaseSpecial {
  uint32_t cp;
  uint32_t map[3];
} CaseSpecial;

#include "runtime/unicode_data.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

unsigned unicode_flags(uint32_t cp) {
  if (cp < 128) return unicode_ascii[cp];
  size_t lo = 0, hi = COUNT(unicode_ranges);
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if ((unicode_ranges[mid] >> 8) <= cp) lo = mid;
    else hi = mid;
  }
  return unicode_palette[unicode_ranges[lo] & 0xff];
}

int unicode_decimal(uint32_t cp) {
  size_t lo = 0, hi = COUNT(unicode_zero_digits);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (unicode_zero_digits[mid] <= cp) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return -1;
  uint32_t zero = unicode_zero_digits[lo - 1];
  if (cp - zero > 9 || !(unicode_flags(cp) & UNICODE_DECIMAL)) return -1;
  return (int)(cp - zero);
}

static int map_lookup(const CaseRun *runs, size_t nruns, const CaseSpecial *sp, size_t nsp,
                      uint32_t cp, uint32_t out[3]) {
  size_t lo = 0, hi = nsp;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (sp[mid].cp < cp) lo = mid + 1;
    else hi = mid;
  }
  if (lo < nsp && sp[lo].cp == cp) {
    int n = 0;
    while (n < 3 && sp[lo].map[n]) out[n] = sp[lo].map[n], n++;
    return n;
  }
  lo = 0, hi = nruns;
  while (lo < hi) {   /* first run starting after cp */
    size_t mid = (lo + hi) / 2;
    if (runs[mid].start <= cp) lo = mid + 1;
    else hi = mid;
  }
  out[0] = cp;
  if (lo > 0) {
    const CaseRun *r = &runs[lo - 1];
    uint32_t off = cp - r->start;
    if (off % r->stride == 0 && off / r->stride < r->count) out[0] = (uint32_t)((int32_t)cp + r->delta);
  }
  return 1;
}

int unicode_case(int kind, uint32_t cp, uint32_t out[3]) {
#define MAP(name) \
  map_lookup(unicode_##name##_runs, COUNT(unicode_##name##_runs), unicode_##name##_specials, \
             COUNT(unicode_##name##_specials), cp, out)
  switch (kind) {
  case UNICODE_LOWER_MAP: return MAP(lower);
  case UNICODE_UPPER_MAP: return MAP(upper);
  case UNICODE_TITLE_MAP: return MAP(title);
  default: return MAP(casefold);
  }
#undef MAP
}
