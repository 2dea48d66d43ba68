# alloc_churn.py - allocation-heavy: creates and immediately destroys many
# small lists, tuples, dicts, sets, instances and strings (refcount-driven
# deallocation, free lists, the small-object allocator).
import sys


class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def main(scale):
    n = int(600000 * scale)
    acc = 0
    for i in range(n):
        a = [i, i + 1, i + 2]
        b = (i, a)
        c = {"x": i, "y": b}
        d = {i & 31, (i >> 5) & 31}
        e = Pt(i, c)
        f = [x + 1 for x in a]
        g = str(i & 4095)
        acc += len(a) + len(b) + len(c) + len(d) + e.x + f[2] + len(g)
        if i & 1023 == 0:
            big = [[j] for j in range(200)]
            acc += len(big)
    print("alloc_churn checksum", n, acc)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
