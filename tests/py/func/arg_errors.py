# CPython's exact TypeError messages for bad calls
def f(a, b):
    return a + b
def g(a, b=1, *, c):
    return a
def h(x, /, y):
    return x
def k():
    return 0
def many(a, b, c, d):
    pass
tests = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, c=2),
    lambda: f(1, 2, a=3),
    lambda: f(1, a=2),
    lambda: g(1),
    lambda: g(1, 2, 3),
    lambda: g(1, 2, 3, c=4),
    lambda: h(x=1, y=2),
    lambda: h(1),
    lambda: k(1),
    lambda: k(x=1),
    lambda: many(1),
    lambda: many(1, 2),
    lambda: many(d=1),
    lambda: f(**{'a': 1, 'b': 2, 'z': 3}),
    lambda: f(1, *[2, 3]),
    lambda: f(*[1], **{'a': 1}),
    lambda: len(),
    lambda: len([], []),
    lambda: int(x=1),
    lambda: (lambda: 0)(1),
    lambda: (lambda q: 0)(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
