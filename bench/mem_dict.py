# mem_dict.py - memory per instance of a plain (dict-backed) class with two
# attributes (the counterpart of mem_slots.py).
# Builds 1,000,000 * scale instances, each storing two ints (i and n - i, so
# the ints are distinct objects, not shared small-int-cache singletons), keeps
# them all alive in a preallocated list and prints a checksum.
# argv[2] == "baseline": allocate the holder list only, build no instances
# (the runner subtracts this run's peak RSS to get bytes per instance).
import sys


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def main(scale, baseline):
    n = int(1000000 * scale)
    objs = [None] * n
    if not baseline:
        for i in range(n):
            objs[i] = P(i, n - i)
    s = 0
    for o in objs:
        if o is not None:
            s += o.a - o.b
    print("mem_dict checksum", n, s)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0,
     len(sys.argv) > 2 and sys.argv[2] == "baseline")
