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
#include <stdbool.h>
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

/* "CJK UNIFIED IDEOGRAPH-XXXX": the only algorithmic names supported. */
static int cjk_name(const char *name, size_t n, uint32_t *cp) {
  static const char prefix[] = "CJK UNIFIED IDEOGRAPH-";
  size_t k = sizeof prefix - 1;
  if (n < k + 4 || n > k + 5) return 0;
  for (size_t i = 0; i < k; i++)
    if ((name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i]) != prefix[i]) return 0;
  uint32_t v = 0;
  for (size_t i = k; i < n; i++) {
    char c = name[i];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return 0;
    v = v * 16 + (uint32_t)d;
  }
  bool in = (v >= 0x3400 && v <= 0x4dbf) || (v >= 0x4e00 && v <= 0x9fff) || (v >= 0x20000 && v <= 0x3134a);
  if (!in || !(unicode_flags(v) & UNICODE_ALPHA)) return 0;
  *cp = v;
  return 1;
}

int unicode_lookup_name(const char *name, size_t n, uint32_t *cp) {
  if (cjk_name(name, n, cp)) return 1;
  size_t k = 0;
  for (size_t i = 0; i < COUNT(unicode_name_cp); i++) {
    size_t pos = 0;
    bool ok = true;
    for (;;) {
      uint16_t w = unicode_name_seq[k++];
      if (ok) {
        if (pos && (pos >= n || name[pos++] != ' ')) ok = false;
        for (const char *q = unicode_name_words + unicode_name_word_off[w & 0x7fff]; ok && *q; q++, pos++) {
          char c = pos < n ? name[pos] : 0;
          if ((c >= 'a' && c <= 'z' ? c - 32 : c) != *q) ok = false;
        }
      }
      if (w & 0x8000) break;
    }
    if (ok && pos == n) {
      *cp = unicode_name_cp[i];
      return 1;
    }
  }
  return 0;
}
