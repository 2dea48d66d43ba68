# gc_cycles.py - builds and drops millions of small reference cycles
# (parent <-> child pairs, plus self-referencing lists and 3-node rings); only
# the cycle collector can reclaim them. Every 100th parent has a __del__ so
# that the checksum also verifies that cyclic garbage with finalizers gets
# finalized (PEP 442) by the time of the final gc.collect().
# The runner's peak RSS shows whether memory stays bounded.
import sys
import gc

finalized = [0]


class Parent:
    def __init__(self, v):
        self.v = v
        self.child = None


class Child:
    def __init__(self, parent):
        self.parent = parent
        self.w = parent.v & 255


class FinalParent(Parent):
    def __del__(self):
        finalized[0] += 1


def main(scale):
    n = int(1000000 * scale)
    total = 0
    for i in range(n):
        p = FinalParent(i) if i % 100 == 0 else Parent(i)
        c = Child(p)
        p.child = c
        total += c.w
        if i % 4 == 0:
            lst = [i]
            lst.append(lst)
            total += len(lst)
        if i % 8 == 0:
            a = {"v": i}
            b = {"prev": a}
            d = {"prev": b}
            a["prev"] = d
            total += len(a)
    p = c = lst = a = b = d = None
    gc.collect()
    gc.collect()
    print("gc_cycles checksum", n, total, finalized[0])


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
