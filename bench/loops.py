# loops.py - while/for loops over range with integer arithmetic
# (small ints, comparisons, modulo, bit operations, nested loops).
import sys


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count


def collatz_total(limit):
    total = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n & 1:
                n = 3 * n + 1
            else:
                n >>= 1
            steps += 1
        total += steps
    return total


def nested(n):
    s = 0
    for i in range(n):
        for j in range(n):
            s += (i * j) % 7 - (i ^ j)
    return s


def main(scale):
    primes = sieve(int(600000 * scale))
    col = collatz_total(int(60000 * scale))
    nst = nested(int(700 * scale ** 0.5))
    print("loops checksum", primes, col, nst)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
