# closures.py - closures and nonlocal: creating closures, calling them,
# cell variable reads/writes, lambdas, decorators, higher-order functions.
import sys


def make_adder(k):
    def add(x):
        return x + k
    return add


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


def compose(f, g):
    return lambda x: f(g(x))


def memo(fn):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        r = fn(n)
        cache[n] = r
        return r
    return wrapper


def traced(fn):
    calls = [0]

    def wrapper(*args):
        calls[0] += 1
        return fn(*args)
    wrapper.calls = calls
    return wrapper


@traced
def mul(a, b):
    return a * b % 1000003


def main(scale):
    n = int(700000 * scale)
    total = 0
    for i in range(n):
        total += make_adder(i)(i)
    inc = make_counter()
    for i in range(n):
        inc(i & 3)
    f = compose(make_adder(3), make_adder(4))
    g = compose(f, f)
    s = 0
    for i in range(n):
        s += g(i)
    fns = [lambda x, i=i: x * i for i in range(100)]
    t = 0
    for j in range(n // 100):
        for fn in fns:
            t += fn(j)
    m = 1
    for i in range(n):
        m = mul(m + i, 7)
    hits = 0
    for rep in range(int(100 * scale)):
        @memo
        def sq(x):
            return x * x
        for i in range(5000):
            hits += sq(i % 1000)
    print("closures checksum", total, inc(0), s, t % 1000000007, m,
          mul.calls[0], hits)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
