def f(a, b, *, c=1):
    return a + b + c

class K:
    def m(self, x):
        return x

tests = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, d=4),
    lambda: f(1, 2, c=3, a=1),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: len(5),
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [1, 2][5],
    lambda: (1,)[-3],
    lambda: {"a": 1}["b"],
    lambda: int("abc"),
    lambda: float("x1"),
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: None.foo,
    lambda: NONE(),
    lambda: [5][0](),
    lambda: "abc".nope,
    lambda: [1, 2, 3].index(9),
    lambda: "abc".index("z"),
    lambda: 1 / 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: 10 ** -1 // 0,
    lambda: int(None),
    lambda: sorted([1, "a"]),
    lambda: max([]),
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: "x" * "y",
    lambda: [1] * 2.0,
    lambda: {[1]: 2},
    lambda: hash([]),
    lambda: set().remove(1),
    lambda: tuple("ab").__setitem__(0, 1),
    lambda: (1, 2)[0:1:0],
    lambda: list.append(),
    lambda: abs("x"),
    lambda: -"x",
    lambda: ~1.5,
    lambda: chr(-1),
    lambda: ord("ab"),
    lambda: int("10", 1),
    lambda: range(1, 2, 0),
    lambda: dict(a=1)["a"]["b"],
    lambda: K.m(),
    lambda: object().x,
    lambda: setattr(object(), "x", 1),
    lambda: getattr(1, "y"),
    lambda: isinstance(1, 2),
    lambda: [].sort(key=1) if False else sorted([3, 1], key=lambda: 0),
    lambda: "{} {}".format(1),
    lambda: "{0} {}".format(1, 2),
    lambda: "%d" % "x",
    lambda: "%s %s" % (1,),
    lambda: divmod(1, 0),
    lambda: pow(2, 3, 0),
    lambda: math_sqrt(-1),
    lambda: round("x"),
    lambda: zip([1], [2, 3], strict=True) and list(zip([1], [2, 3], strict=True)),
    lambda: a_b_c,
    lambda: str.join(",", [1, 2]),
    lambda: 2 ** 10000 * 1.0,
    lambda: int(float("inf")),
    lambda: int(float("nan")),
]
import math
NONE = None
math_sqrt = math.sqrt
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, "ok", r if not callable(r) else "callable")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
