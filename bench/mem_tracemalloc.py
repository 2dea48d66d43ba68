# mem_tracemalloc.py - CPython-only helper (not part of the timed suite):
# bytes per instance of the mem_slots.py / mem_dict.py classes, measured with
# tracemalloc: the bytes the interpreter asked its allocator for (GC header
# included, as it is part of each allocation; pymalloc's size-class rounding,
# pool and arena slack excluded -- those show up in the RSS figures instead).
# Usage: python3 bench/mem_tracemalloc.py [N]   (default 1,000,000)
import gc
import sys
import tracemalloc


class Slots2:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Plain2:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def measure(cls, n, distinct_ints):
    objs = [None] * n
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    if distinct_ints:
        for i in range(n):
            objs[i] = cls(i, n - i)
    else:
        for i in range(n):
            objs[i] = cls(1, 2)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    size = sys.getsizeof(objs[0])
    del objs
    return (after - before) / n, size


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    print("python", sys.version.split()[0], "n =", n)
    for cls in (Slots2, Plain2):
        with_ints, size = measure(cls, n, True)
        obj_only, _ = measure(cls, n, False)
        print("%-7s bytes/instance incl. 2 distinct ints: %6.1f   "
              "object only (cached ints): %6.1f   sys.getsizeof: %d"
              % (cls.__name__, with_ints, obj_only, size))


main()
