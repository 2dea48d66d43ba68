/*
 * unicode: character properties and case mappings for str, from tables generated out of
 * CPython 3.11's unicodedata (Unicode 14.0; runtime/unicode_gen.py writes
 * runtime/unicode_data.h). Covers all of Unicode, including the full (multi-character)
 * case mappings of SpecialCasing ('ß'.upper() == 'SS'); the conditional mappings are
 * limited to CPython's: only the final-sigma rule of lower(), done by str.c.
 *
 * All functions are pure (no VM): the tables are const.
 */
#ifndef KITE_RUNTIME_UNICODE_H
#define KITE_RUNTIME_UNICODE_H

#include <stddef.h>
#include <stdint.h>

/* Property bits, as CPython's single-character str predicates answer them. */
#define UNICODE_ALPHA          0x1u    /* isalpha */
#define UNICODE_DECIMAL        0x2u    /* isdecimal */
#define UNICODE_DIGIT          0x4u    /* isdigit */
#define UNICODE_NUMERIC        0x8u    /* isnumeric */
#define UNICODE_SPACE          0x10u   /* isspace */
#define UNICODE_PRINTABLE      0x20u   /* isprintable (repr escapes the others) */
#define UNICODE_LOWER          0x40u   /* Lowercase */
#define UNICODE_UPPER          0x80u   /* Uppercase */
#define UNICODE_TITLE          0x100u  /* general category Lt */
#define UNICODE_XID_START      0x200u  /* XID_Start or '_' */
#define UNICODE_XID_CONTINUE   0x400u
#define UNICODE_CASE_IGNORABLE 0x800u
#define UNICODE_CASED (UNICODE_LOWER | UNICODE_UPPER | UNICODE_TITLE)

/* The property bits of code point cp (cp < 0x110000). */
unsigned unicode_flags(uint32_t cp);
/* Decimal digit value of cp (0..9), or -1 if it is not a decimal digit. */
int unicode_decimal(uint32_t cp);

enum { UNICODE_LOWER_MAP, UNICODE_UPPER_MAP, UNICODE_TITLE_MAP, UNICODE_FOLD_MAP };
/* Full case mapping of cp (kind = UNICODE_*_MAP): writes 1 to 3 code points to out and
   returns how many. */
int unicode_case(int kind, uint32_t cp, uint32_t out[3]);

/* The code point named name (n bytes, case-insensitive, as \N{...} and
   unicodedata.lookup): 1 and *cp set, or 0 if unknown. Limit (to keep the table small):
   the names of U+0000-052F (Latin, Greek, Cyrillic...), U+1E00-27BF (Latin Extended
   Additional, Greek Extended, punctuation, symbols, arrows, math, box drawing, dingbats),
   U+2B00-2BFF, U+1F300-1F64F, U+1F680-1F6FF and U+1F900-1F9FF (emoji), plus the
   algorithmic "CJK UNIFIED IDEOGRAPH-XXXX"; no aliases or Hangul syllables. */
int unicode_lookup_name(const char *name, size_t n, uint32_t *cp);

/* True for the line boundaries str.splitlines() splits at (\n \r \v \f \x1c-\x1e \x85
   \u2028 \u2029). */
static inline int unicode_is_linebreak(uint32_t c) {
  return (c >= 0x0a && c <= 0x0d) || (c >= 0x1c && c <= 0x1e) || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}

#endif
