# generators.py - generator pipelines, generator expressions, yield from,
# send(), and iteration protocol over generators.
import sys


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def chained(n):
    yield from counter(n)
    yield from squares(counter(n))


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield depth
    yield from tree(depth - 1)
    yield from tree(depth - 1)


def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total


def main(scale):
    n = int(1500000 * scale)
    s1 = sum(squares(evens(counter(n))))
    s2 = sum(x for x in chained(n // 2) if x % 3)
    s3 = sum(tree((16 if scale >= 1 else 12) + (scale > 1)))
    acc = accumulator()
    next(acc)
    last = 0
    for i in range(n // 2):
        last = acc.send(i)
    s4 = sum(1 for _ in zip(counter(n // 2), counter(n)))
    s5 = max(x % 1009 for x in counter(n // 2))
    print("generators checksum", s1 % 1000000007, s2 % 1000000007, s3, last,
          s4, s5)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
