# calls.py - function call overhead: recursion (fib), positional/keyword/default
# argument passing, *args/**kwargs.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def add3(a, b, c=1):
    return a + b + c


def kw(a, b=2, *, c=3):
    return a * b + c


def star(*args, **kwargs):
    return len(args) + len(kwargs)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def main(scale):
    total = 0
    for _ in range(max(1, int(scale))):
        total += fib(27 if scale >= 1 else 20)
    acc = 0
    for i in range(int(900000 * scale)):
        acc += add3(i, 1)
        acc += kw(i, c=i & 7)
        acc += star(i, i, k=i)
    acc %= 1000000007
    sys.setrecursionlimit(10000)
    ack = ackermann(2, 300)
    print("calls checksum", total, acc, ack)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
