# bigint.py - arbitrary-precision integers: factorials, powers, modular
# exponentiation, digit sums (int -> str conversion), division, gcd loops,
# and mixed small/big arithmetic with shifts and masks.
import sys

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def digit_sum(x):
    return sum(ord(c) - 48 for c in str(x))


def fib_big(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def main(scale):
    f = factorial(int(20000 * scale))
    ds = digit_sum(f)
    p = 3 ** (int(100000 * scale))
    ps = digit_sum(p)
    fb = fib_big(int(100000 * scale))
    fs = digit_sum(fb)
    m = 0
    for k in range(int(40 * scale)):
        m ^= pow(7 + k, 10 ** 60, 10 ** 50 + 151)
    q, r = divmod(f, p + 1)
    g = gcd(f, fb)
    g2 = 0
    for k in range(1, int(300 * scale)):
        g2 += gcd(factorial(k + 60), 2 ** (k + 100) * 3 ** k + 1)
    mixed = 0
    x = 1
    for i in range(1, int(100000 * scale)):
        x = x * (i | 1) + i
        mixed ^= x & 0xffffffff
        if x.bit_length() > 4096:
            x >>= 2048
    print("bigint checksum", ds, ps, fs, m % 1000000007, q % 1000000007,
          r % 1000000007, g % 1000000007, g2, mixed, f.bit_length())


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
