import sys

def trace(fn):
    depth = [0]
    def wrapper(*args, **kwargs):
        indent = "  " * depth[0]
        argstr = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
        print(f"{indent}-> {fn.__name__}({argstr})")
        depth[0] += 1
        try:
            result = fn(*args, **kwargs)
        finally:
            depth[0] -= 1
        print(f"{indent}<- {fn.__name__} = {result!r}")
        return result
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper

@trace
def fact(n):
    """factorial"""
    return 1 if n <= 1 else n * fact(n - 1)

fact(4)
print(fact.__name__, fact.__doc__)

def memoize(fn):
    cache = {}
    def inner(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    inner.cache = cache
    return inner

@memoize
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)
print(grid_paths(16, 16), len(grid_paths.cache))

def repeat(times):
    def deco(fn):
        def wrapped(*a, **k):
            return [fn(*a, **k) for _ in range(times)]
        return wrapped
    return deco

@repeat(3)
def greet(name, punct="!"):
    return f"hi {name}{punct}"
print(greet("bo"), greet(name="al", punct="?"))

def validate(**types):
    def deco(fn):
        def wrapped(**kw):
            for k, t in types.items():
                if not isinstance(kw.get(k), t):
                    raise TypeError(f"{fn.__name__}: {k} must be {t.__name__}")
            return fn(**kw)
        return wrapped
    return deco

@validate(x=int, y=(int, float).__class__ and float)
def area(x, y):
    return x * y
print(area(x=3, y=2.5))
try:
    area(x="3", y=2.0)
except TypeError as e:
    print(e)

def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(10), c2(), c1.__closure__[0].cell_contents)
adders = [lambda x, i=i: x + i for i in range(4)]
late = [lambda x: x + i for i in range(4)]
print([f(10) for f in adders], [f(10) for f in late])

def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
pipeline = compose(str.upper, str.strip, lambda s: s.replace("-", " "))
print(repr(pipeline("  hello-world  ")))

class cached_property:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        val = self.fn(obj)
        obj.__dict__[self.name] = val
        return val

class Data:
    def __init__(self, xs):
        self.xs = xs
    @cached_property
    def stats(self):
        print("computing...")
        n = len(self.xs)
        mean = sum(self.xs) / n
        var = sum((x - mean) ** 2 for x in self.xs) / n
        return {"n": n, "mean": mean, "std": var ** 0.5}
d = Data([2, 4, 4, 4, 5, 5, 7, 9])
print(d.stats)
print(d.stats["std"])
def kwonly(a, /, b, *, c, **rest):
    return (a, b, c, sorted(rest.items()))
print(kwonly(1, 2, c=3), kwonly(1, b=2, c=3, z=0, y=9))
try:
    kwonly(a=1, b=2, c=3)
except TypeError as e:
    print(e)
print(sorted(["b", "A", "c", "B"], key=str.lower), sorted("hello", reverse=True))
print(list(map(pow, [2, 3], [5, 2])), sys.getrecursionlimit() > 100)
