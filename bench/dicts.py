# dicts.py - dict and set work: word counting, membership tests, dict
# comprehensions, get/setdefault, int and str keys, set algebra.
import sys


def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        yield seed


def main(scale):
    n = int(800000 * scale)
    gen = lcg(42)
    words = ["w%d" % (next(gen) % 5000) for _ in range(n)]
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    groups = {}
    for w in words[: n // 3]:
        groups.setdefault(len(w), []).append(w)
    ints = {}
    for i in range(n):
        k = (i * 7919) % 100003
        if k in ints:
            ints[k] += 1
        else:
            ints[k] = 1
    seen = set()
    hits = 0
    for i in range(n):
        v = (i * 31) % 65537
        if v in seen:
            hits += 1
        else:
            seen.add(v)
    evens = {x for x in seen if x % 2 == 0}
    threes = {x for x in seen if x % 3 == 0}
    inter = len(evens & threes)
    union = len(evens | threes)
    diff = len(evens - threes)
    squares = {i: i * i for i in range(n // 4)}
    sq_sum = 0
    for k, v in squares.items():
        if k & 1:
            sq_sum += v
    removed = 0
    for i in range(0, n // 4, 3):
        del squares[i]
        removed += 1
    top = max(counts.values())
    checksum = sum(counts[w] * int(w[1:]) for w in counts) % 1000000007
    print("dicts checksum", len(counts), top, checksum, sorted(groups),
          len(ints), hits, inter, union, diff, sq_sum % 1000000007,
          len(squares), removed)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
