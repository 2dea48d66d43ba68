# lists.py - list operations: sort (plain and with key), comprehensions,
# slicing, append/pop, insert, reverse, index/count, list of tuples.
import sys


def main(scale):
    n = int(200000 * scale)
    seed = 12345
    data = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        data.append(seed % 1000003)
    s1 = sorted(data)
    s2 = sorted(data, key=lambda x: (x % 1000, -x))
    pairs = [(x % 97, x) for x in data]
    pairs.sort()
    sq = [x * x for x in data if x & 1]
    nested = [[i, j] for i in range(300) for j in range(i % 10)]
    chunks = [data[i:i + 100] for i in range(0, n, 100)]
    sums = [sum(c) for c in chunks]
    rev = data[::-1]
    step = data[::3]
    stack = []
    popped = 0
    for x in data:
        stack.append(x)
        if x % 3 == 0:
            popped += stack.pop()
    small = list(range(2000))
    for i in range(int(1000 * scale)):
        small.insert(i % 500, i)
        small.pop(0)
    small.reverse()
    cnt = data.count(data[0])
    idx = s1.index(s1[n // 2])
    total = (s1[0] + s1[-1] + s2[0] + s2[-1] + pairs[0][1] + pairs[-1][1]
             + len(sq) + sum(sq) % 1000003 + len(nested) + sum(sums) % 1000003
             + rev[0] + step[-1] + popped % 1000003 + len(stack) + sum(small)
             + cnt + idx)
    print("lists checksum", total, len(s1), len(pairs), small[:3])


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
