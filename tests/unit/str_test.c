/* str: methods and slots against CPython 3.11 (generated table), plus the internals:
   singletons, interning, hashing, the non-ASCII index cache, in-place concatenation,
   str_from_format, StrBuf and strict UTF-8 decoding. */
#include "str_helpers.h"
#include "runtime/slice.h"
#include "runtime/unicode.h"

#include "str_cases.inc"

typedef struct Recv {
  const char *s;
  size_t n;
} Recv;
typedef struct StrCase {
  int recv;
  const char *method;
  size_t nargs;
  Val args[4];
  const char *want;
} StrCase;

static const Recv receivers[] = {STR_RECEIVERS};
static const StrCase cases[] = {STR_CASES};

/* slices are only needed here */
static Object *make_arg(VM *vm, const Val *v) {
  if (v->kind != 'S') return sh_make(vm, v);
  Object *p[3];
  for (int k = 0; k < 3; k++) p[k] = sh_make(vm, &v->items[k]);
  Object *s = slice_new(vm, p[0], p[1], p[2]);
  for (int k = 0; k < 3; k++) obj_decref(vm, p[k]);
  return s;
}

Test(str, methods_match_cpython) {
  VM *vm = sh_vm();
  int fails = 0;
  size_t n = sizeof cases / sizeof cases[0];
  for (size_t i = 0; i < n; i++) {
    const StrCase *c = &cases[i];
    Object *recv = str_new(vm, receivers[c->recv].s, receivers[c->recv].n);
    Object *args[4];
    for (size_t k = 0; k < c->nargs; k++) args[k] = make_arg(vm, &c->args[k]);
    char buf[8192], what[256];
    const char *got = sh_outcome(vm, obj_call_method(vm, recv, c->method, args, c->nargs), buf, sizeof buf);
    snprintf(what, sizeof what, "case %zu: receiver %d .%s (%zu args)", i, c->recv, c->method, c->nargs);
    fails += sh_check(what, got, c->want);
    for (size_t k = 0; k < c->nargs; k++) obj_decref(vm, args[k]);
    obj_decref(vm, recv);
  }
  fprintf(stderr, "str methods: %zu cases, %d mismatches\n", n, fails);
  cr_expect_eq(fails, 0, "%d of %zu str cases differ from CPython", fails, n);
  vm_free(vm);
}

Test(str, singletons_and_interning) {
  VM *vm = sh_vm();
  Object *a = str_new(vm, "a", 1), *e = str_new(vm, "", 0), *eacute = str_from_cstr(vm, "\xc3\xa9");
  cr_expect_eq(a, vm->latin1['a']);
  cr_expect_eq(e, vm->empty_str);
  cr_expect_eq(eacute, vm->latin1[0xe9]);
  cr_expect_eq(str_from_codepoint(vm, 0xe9), vm->latin1[0xe9]);
  Object *x = str_from_cstr(vm, "some_identifier"), *y = str_from_cstr(vm, "some_identifier");
  cr_expect_neq(x, y);
  Object *ix = str_intern(vm, x), *iy = str_intern(vm, y);
  cr_expect_eq(ix, iy);
  cr_expect_eq(ix, x, "interning an exact str keeps that object");
  cr_expect(((StrObject *)ix)->interned);
  cr_expect(ix->ob_gc & OBJ_GC_IMMORTAL);
  Object *ic = str_intern_cstr(vm, "some_identifier");
  cr_expect_eq(ic, ix);
  cr_expect(str_eq_cstr(vm->id.__init__, "__init__"));
  Object *init = str_intern_cstr(vm, "__init__");
  cr_expect_eq(init, vm->id.__init__);
  obj_decref(vm, init), obj_decref(vm, ic), obj_decref(vm, ix), obj_decref(vm, iy);
  obj_decref(vm, x), obj_decref(vm, y), obj_decref(vm, a), obj_decref(vm, e), obj_decref(vm, eacute);
  vm_free(vm);
}

Test(str, hash_is_stable_and_never_minus_one) {
  VM *vm = sh_vm();
  Object *a = str_from_cstr(vm, "hello world, a longer string"), *b = str_from_cstr(vm, "hello world, a longer string");
  cr_expect_eq(str_hash(vm, a), str_hash(vm, b));
  cr_expect_neq(str_hash(vm, a), -1);
  Object *c = str_from_cstr(vm, "hello world, a longer strinG");
  cr_expect_neq(str_hash(vm, a), str_hash(vm, c));
  /* fixed seed: a second VM agrees */
  VM *vm2 = sh_vm();
  Object *d = str_from_cstr(vm2, "hello world, a longer string");
  cr_expect_eq(str_hash(vm, a), str_hash(vm2, d));
  obj_decref(vm2, d);
  vm_free(vm2);
  /* every prefix length hashes differently from its neighbour (tail handling) */
  char buf[40] = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (int n = 1; n < 36; n++) {
    Object *p = str_new(vm, buf, (size_t)n), *q = str_new(vm, buf, (size_t)n - 1);
    cr_expect_neq(str_hash(vm, p), str_hash(vm, q), "length %d", n);
    obj_decref(vm, p), obj_decref(vm, q);
  }
  obj_decref(vm, a), obj_decref(vm, b), obj_decref(vm, c);
  vm_free(vm);
}

Test(str, non_ascii_indexing_forward_and_backward) {
  VM *vm = sh_vm();
  char buf[4000];
  size_t n = 0;
  uint32_t cps[1200];
  for (int i = 0; i < 1200; i++) {
    cps[i] = i % 7 == 0 ? 0x20ac : i % 5 == 0 ? 0x1f600 : i % 3 == 0 ? 0xe9 : 'a' + i % 26;
    n += (size_t)str_encode_cp(cps[i], buf + n);
  }
  Object *s = str_new(vm, buf, n);
  cr_assert_eq(str_length(s), 1200);
  for (int i = 0; i < 1200; i++) cr_expect_eq(str_codepoint_at(s, i), cps[i], "forward %d", i);
  for (int i = 1199; i >= 0; i--) cr_expect_eq(str_codepoint_at(s, i), cps[i], "backward %d", i);
  for (int i = 0; i < 1200; i += 37) cr_expect_eq(str_codepoint_at(s, (i * 7919) % 1200), cps[(i * 7919) % 1200]);
  Object *sub = str_substr(vm, s, 10, 20);
  cr_expect_eq(str_length(sub), 10);
  cr_expect_eq(str_codepoint_at(sub, 0), cps[10]);
  obj_decref(vm, sub), obj_decref(vm, s);
  vm_free(vm);
}

Test(str, iteration_yields_code_points) {
  VM *vm = sh_vm();
  Object *s = str_from_cstr(vm, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z");
  Object *it = obj_iter(vm, s);
  const char *want[] = {"a", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "z"};
  for (int i = 0; i < 5; i++) {
    Object *c = obj_next(vm, it);
    cr_assert_not_null(c);
    cr_expect(str_eq_cstr(c, want[i]), "item %d", i);
    obj_decref(vm, c);
  }
  cr_expect_null(obj_next(vm, it));
  cr_expect_null(vm->exc);
  obj_decref(vm, it), obj_decref(vm, s);
  vm_free(vm);
}

Test(str, concat_inplace_and_array) {
  VM *vm = sh_vm();
  Object *acc = str_from_cstr(vm, "x");
  for (int i = 0; i < 1000; i++) {
    Object *d = vm->latin1['0' + i % 10];
    acc = str_concat_inplace(vm, acc, d);
    cr_assert_not_null(acc);
  }
  cr_expect_eq(str_length(acc), 1001);
  cr_expect_eq(str_utf8(acc)[1000], '9');
  Object *e = str_from_cstr(vm, "\xc3\xa9");
  acc = str_concat_inplace(vm, acc, e);
  cr_expect_eq(str_length(acc), 1002);
  cr_expect_not(((StrObject *)acc)->ascii);
  cr_expect_eq(str_codepoint_at(acc, 1001), 0xe9);
  Object *shared = obj_newref(acc);   /* refcount 2: must copy, not resize */
  Object *r = str_concat_inplace(vm, acc, e);
  cr_expect_neq(r, shared);
  cr_expect_eq(str_length(shared), 1002);
  Object *items[3] = {shared, e, r};
  Object *all = str_concat_array(vm, items, 3);
  cr_expect_eq(str_length(all), 1002 + 1 + 1003);
  obj_decref(vm, all), obj_decref(vm, r), obj_decref(vm, shared), obj_decref(vm, e);
  vm_free(vm);
}

Test(str, from_format_directives) {
  VM *vm = sh_vm();
  Object *u = str_from_cstr(vm, "\xc3\xa9t\xc3\xa9");
  Object *r = str_from_format(vm, "%s|%d|%ld|%zd|%u|%x|%c|%%|%R|%U|%.2s|%5s|%-4s|%T|%N|%.2U", "ab", -3, 123456789L,
                              (ssize_t)-7, 42u, 255u, 0x20ac, u, u, "xyz", "ab", "c", u, &vm->list_type, u);
  cr_assert_not_null(r);
  cr_expect_str_eq(str_utf8(r), "ab|-3|123456789|-7|42|ff|\xe2\x82\xac|%|'\xc3\xa9t\xc3\xa9'|\xc3\xa9t\xc3\xa9|xy|   ab|c   |str|list|\xc3\xa9t");
  obj_decref(vm, r), obj_decref(vm, u);
  vm_free(vm);
}

Test(str, strbuf_tracks_length_and_ascii) {
  VM *vm = sh_vm();
  StrBuf b;
  strbuf_init(&b);
  strbuf_append_cstr(vm, &b, "abc");
  strbuf_append_char(vm, &b, '-');
  strbuf_append_repeat(vm, &b, 'x', 100);
  cr_expect(b.ascii);
  strbuf_append_codepoint(vm, &b, 0x1f600);
  strbuf_printf(vm, &b, "%d\xc3\xa9", 42);
  strbuf_append_repeat(vm, &b, 0xe9, 3);
  Object *s = strbuf_finish(vm, &b);
  cr_assert_not_null(s);
  cr_expect_eq(str_length(s), 3 + 1 + 100 + 1 + 3 + 3);
  cr_expect_not(((StrObject *)s)->ascii);
  cr_expect_null(b.data);
  obj_decref(vm, s);
  strbuf_init(&b);
  Object *empty = strbuf_finish(vm, &b);
  cr_expect_eq(empty, vm->empty_str);
  obj_decref(vm, empty);
  vm_free(vm);
}

Test(str, decode_utf8_strict) {
  VM *vm = sh_vm();
  static const struct { const char *in; size_t n; const char *want; } t[] = {
    {"ok \xc3\xa9", 5, NULL},
    {"\xff", 1, "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
    {"a\xc3", 2, "'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data"},
    {"a\xc3x", 3, "'utf-8' codec can't decode byte 0xc3 in position 1: invalid continuation byte"},
    {"\xed\xa0\x80", 3, "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"},
    {"\xc0\x80", 2, "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"},
    {"\xe0\x80\x80", 3, "'utf-8' codec can't decode byte 0xe0 in position 0: invalid continuation byte"},
  };
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
    Object *s = str_decode_utf8(vm, t[i].in, t[i].n);
    if (!t[i].want) {
      cr_expect_not_null(s);
      obj_xdecref(vm, s);
      continue;
    }
    char buf[256];
    cr_expect_str_eq(sh_outcome(vm, s, buf, sizeof buf) + 1 + strlen("UnicodeDecodeError: "), t[i].want);
  }
  vm_free(vm);
}

Test(str, compare_is_code_point_order) {
  VM *vm = sh_vm();
  const char *ordered[] = {"", "\x00", "A", "a", "ab", "\xc2\x80", "\xc3\xa9", "\xef\xbf\xbf", "\xf0\x90\x80\x80"};
  size_t n = sizeof ordered / sizeof ordered[0];
  for (size_t i = 0; i + 1 < n; i++) {
    Object *a = str_new(vm, ordered[i], i == 1 ? 1 : strlen(ordered[i]));
    Object *b = str_new(vm, ordered[i + 1], i + 1 == 1 ? 1 : strlen(ordered[i + 1]));
    cr_expect_eq(obj_richcompare_bool(vm, a, b, CMP_LT), 1, "%zu < %zu", i, i + 1);
    cr_expect_eq(obj_richcompare_bool(vm, b, a, CMP_GT), 1);
    cr_expect_eq(obj_richcompare_bool(vm, a, b, CMP_EQ), 0);
    obj_decref(vm, a), obj_decref(vm, b);
  }
  vm_free(vm);
}

Test(str, unicode_name_lookup) {
  static const struct { const char *name; uint32_t cp; } t[] = {
    {"GREEK SMALL LETTER ALPHA", 0x3b1}, {"greek small letter alpha", 0x3b1}, {"LATIN SMALL LETTER A", 'a'},
    {"SPACE", ' '}, {"EURO SIGN", 0x20ac}, {"GRINNING FACE", 0x1f600}, {"CYRILLIC CAPITAL LETTER ZHE", 0x416},
    {"BOX DRAWINGS LIGHT HORIZONTAL", 0x2500}, {"CJK UNIFIED IDEOGRAPH-4E00", 0x4e00},
  };
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
    uint32_t cp = 0;
    cr_expect(unicode_lookup_name(t[i].name, strlen(t[i].name), &cp), "%s", t[i].name);
    cr_expect_eq(cp, t[i].cp, "%s", t[i].name);
  }
  uint32_t cp;
  cr_expect_not(unicode_lookup_name("GREEK SMALL LETTER ALPH", 23, &cp));
  cr_expect_not(unicode_lookup_name("GREEK SMALL LETTER ALPHAX", 25, &cp));
  cr_expect_not(unicode_lookup_name("CJK UNIFIED IDEOGRAPH-0041", 26, &cp));
  cr_expect_not(unicode_lookup_name("", 0, &cp));
}
