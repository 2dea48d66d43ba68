#!/usr/bin/env python3
"""Generate tests/unit/str_cases.inc: str method cases with CPython 3.11's answers.

Run: python3 tests/unit/str_cases_gen.py > tests/unit/str_cases.inc
Each case is (receiver, method, args) and the expected repr of the result, or
"!ExcType: message" when CPython raises.
"""

RECV = ["", "a", "abc", "Hello World", "  spaced  out  ", "a,b,,c", "\u00c0\u00c9\u00ee\u00f5\u00fc",
        "stra\u00dfe", "\u03a3\u0391\u03a3 \u039f\u0394\u039f\u03a3", "\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8",
        "tab\there\n\r\nline2\x0bx\x1cy\u2028z", "x1_y2", "\u01c5ungla", "MiXeD cAsE 123", "\u00e9",
        "123", "\u0661\u0662\u0663", "\u00bd", "-42", "+7", "\u1e9e\u00df", "\u0130stanbul",
        "ab\u00e9cd\u00e9ef", "hello, world! it's", "a\u0301b", "\U0001F600 emoji \U0001F600",
        "\t a \x85b\u3000", "THE QUICK", "They're bill's friends", "_private", "2abc",
        "\u0394\u03b5\u03bb\u03c4\u03b1", "\u041f\u0440\u0438\u0432\u0435\u0442", "aaaa"]

NOARGS = ["upper", "lower", "title", "capitalize", "swapcase", "casefold", "isalpha",
          "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace", "islower", "isupper",
          "istitle", "isidentifier", "isprintable", "isascii", "split", "rsplit",
          "splitlines", "strip", "lstrip", "rstrip", "expandtabs"]

WITH = [
    ("split", [(","), (" ",), (None, 1), ("a",), ("",), (1,), ("\u00e9",), (",", 1), ("b", 0)]),
    ("rsplit", [(","), (None, 1), ("a", 1), (" ", 1), ("\u00e9",)]),
    ("splitlines", [(True,), (1,), (1.5,)]),
    ("strip", [("a",), ("ab",), (" a",), (None,), (1,), ("\u00e9\u00c0",), ("aa", "b")]),
    ("lstrip", [("ah",), ("",)]),
    ("rstrip", [("o",), ("d3 ",)]),
    ("find", [("a",), ("b", 1), ("", 0), ("", 99), ("c", -3), ("a", None, 2), ("\u00e9",),
              ("\u00e9", 3), ("o", 1, -1), (1,), (), ("a", 1.5), ("a", 1, 2, 3)]),
    ("rfind", [("a",), ("", 1, 2), ("\u00e9",), ("\u00e9", 0, 4), ("l",), ("zz",)]),
    ("index", [("a",), ("zzz",), ("\u00e9",)]),
    ("rindex", [("a",), ("zzz",)]),
    ("count", [("a",), ("",), ("", 5), ("aa",), ("\u00e9",), ("l", 3, -1), (1,)]),
    ("replace", [("a", "X"), ("", "-"), ("", "-", 2), ("l", "L", 1), ("\u00e9", "e"), ("a", "\u00e9"),
                 ("aa", "b"), ("x", "y", 0), ("a",), (1, "x"), ("a", 2)]),
    ("startswith", [("a",), ("",), ("", 99), (("x", "H", "a"),), ("b", 1), ("\u00e9",), (1,), ((1,),),
                    ("abc", 0, 2)]),
    ("endswith", [("c",), ("",), (("z", "d"),), ("b", 0, 2), ("\u00e9",), ("123",)]),
    ("center", [(10,), (11, "*"), (2,), (9, "\u00e9"), (5, "ab"), (5, 1), ("5",), ()]),
    ("ljust", [(8,), (8, "-")]),
    ("rjust", [(8,), (8, "\u00e9")]),
    ("zfill", [(6,), (1,), ("x",)]),
    ("partition", [(",",), (" ",), ("zz",), ("",), (1,), ("\u00e9",)]),
    ("rpartition", [(",",), ("zz",), ("l",)]),
    ("expandtabs", [(4,), (0,), (-1,)]),
    ("removeprefix", [("a",), ("He",), ("",), (1,)]),
    ("removesuffix", [("c",), ("ld",), ("z",)]),
    ("join", [(["x", "y"],), ([],), (["only"],), (["a", 1],), (5,), (("p", "q", "r"),)]),
    ("__getitem__", [(0,), (-1,), (99,), (-99,), (1.5,), ("x",)]),
    ("__len__", [()]),
    ("__getitem__", [(slice(None, None, -1),), (slice(1, None),), (slice(None, -2),), (slice(1, 10, 3),),
                     (slice(-1, 0, -2),), (slice(100, None),), (slice(None, None, 2),), (slice(3, 1),),
                     (slice(None, None, 0),), (slice(-100, 100, 5),), (slice(1.5, None),)]),
    ("__contains__", [("a",), ("",), ("\u00e9",), (1,)]),
    ("__add__", [("!",), ("",), (1,)]),
    ("__mul__", [(3,), (0,), (-1,)]),
    ("__rmul__", [(2,)]),
    ("__mod__", [((),), ("x",)]),
    ("__format__", [("",), ("10",), ("^9",), ("*>7.2",), (".0",), ("x",), ("+",), (1,)]),
    ("__eq__", [("abc",), (1,)]),
    ("__lt__", [("abd",), ("",), ("\u00e9",), (1,)]),
    ("__repr__", [()]),
    ("__str__", [()]),
]


def esc(s):
    """C string literal: printable ASCII and UTF-8 kept, other bytes as octal escapes."""
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif 32 <= ord(ch) < 127 or (ord(ch) > 0xa0 and ch.isprintable()):
            out.append(ch)
        else:
            out.extend("\\%03o" % b for b in ch.encode("utf-8", "surrogatepass"))
    return '"' + "".join(out) + '"'


def val(v):
    """C initializer of a Val (see str_test.c) for a Python value."""
    if v is None:
        return "{'n'}"
    if isinstance(v, bool):
        return "{'b', .i = %d}" % v
    if isinstance(v, int):
        if -2**62 <= v < 2**62:
            return "{'i', .i = %dLL}" % v
        return "{'I', \"%d\"}" % v
    if isinstance(v, float):
        if v != v:
            return "{'f', .f = NAN}"
        if v in (float("inf"), float("-inf")):
            return "{'f', .f = %sINFINITY}" % ("-" if v < 0 else "")
        return "{'f', .f = %r}" % v
    if isinstance(v, str):
        return "{'s', %s, %d}" % (esc(v), len(v.encode("utf-8", "surrogatepass")))
    if isinstance(v, slice):
        return "{'S', .n = 3, .items = (const Val[]){%s, %s, %s}}" % (val(v.start), val(v.stop), val(v.step))
    if isinstance(v, (tuple, list)):
        kind = "t" if isinstance(v, tuple) else "l"
        if not v:
            return "{'%s'}" % kind
        return "{'%s', .n = %d, .items = (const Val[]){%s}}" % (kind, len(v), ", ".join(val(x) for x in v))
    raise TypeError(v)


def result(recv, meth, args):
    try:
        r = getattr(recv, meth)(*args)
        return repr(r)
    except Exception as e:
        return "!%s: %s" % (type(e).__name__, e)


# Unicode sweep: chunks of code points through repr and the case/predicate paths.
CHUNK_METHODS = ["__repr__", "upper", "lower", "title", "casefold", "swapcase", "isprintable",
                 "isalpha", "isspace", "isidentifier", "isnumeric", "split"]
CHUNKS = [range(a, a + 128) for a in range(0, 0x800, 128)] + \
    [range(a, a + 96) for a in (0x1e00, 0x1f00, 0x2000, 0x2100, 0x2460, 0x3000, 0xa640, 0xfb00,
                                0xff00, 0xfff0 - 32, 0x10400, 0x1d400, 0x1f600, 0xe0000)]


def main():
    cases = []
    for ch in CHUNKS:
        r = "".join(chr(c) for c in ch if not 0xd800 <= c < 0xe000)
        for m in CHUNK_METHODS:
            cases.append((r, m, ()))
    for r in RECV:
        for m in NOARGS:
            cases.append((r, m, ()))
        for m, arglists in WITH:
            for a in arglists:
                if not isinstance(a, tuple):
                    a = (a,)
                cases.append((r, m, a))
    recvs = []
    for r, _, _ in cases:
        if r not in recvs:
            recvs.append(r)
    print("/* Generated by tests/unit/str_cases_gen.py with CPython 3.11: do not edit. */")
    print("#define STR_RECEIVERS \\")
    for r in recvs:
        print("  {%s, %d}, \\" % (esc(r), len(r.encode("utf-8"))))
    print("\n#define STR_CASES \\")
    index = {r: i for i, r in enumerate(recvs)}
    for r, m, a in cases:
        print("  {%d, \"%s\", %d, {%s}, %s}, \\" % (
            index[r], m, len(a), ", ".join(val(x) for x in a) or "{0}", esc(result(r, m, a))))
    print()


if __name__ == "__main__":
    main()
