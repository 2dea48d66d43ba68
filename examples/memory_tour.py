# A tour of Kite's memory model: reference counts, a cycle and its collection,
# generations and thresholds, and what __slots__ saves. Run with: kite memory_tour.py
# (It runs under CPython too; the sizes differ, which is the point of the last part.)
import gc
import sys

print("== reference counts")
a = []                      # one reference: the name a
print("fresh list:", sys.getrefcount(a))          # 2: a, plus the argument
b = a
print("second name:", sys.getrefcount(a))         # 3
box = [a, a]
print("in a list twice:", sys.getrefcount(a))     # 5
del b, box
print("after del:", sys.getrefcount(a))           # 2 again


def peek(x):
    return sys.getrefcount(x)


print("inside a call:", peek(a))                  # the call's frame holds it for now
print("after the call:", sys.getrefcount(a))      # a finished frame holds nothing


print("== a cycle: reference counting alone cannot free it")


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("  freeing", self.name)


gc.disable()                # keep automatic collections out of the demonstration
parent, child = Node("parent"), Node("child")
parent.other, child.other = child, parent
del parent, child           # unreachable now, but each still references the other
print("collected:", gc.collect(), "unreachable objects")
gc.enable()

print("== generations")
print("thresholds:", gc.get_threshold())          # (700, 10, 10), as CPython
gc.collect()
before = gc.get_count()[0]
keep = [[] for _ in range(100)]                   # 100 new tracked containers
print("generation 0 grew by at least 100:", gc.get_count()[0] - before >= 100)
print("tracked: list", gc.is_tracked([]), "| int", gc.is_tracked(1),
      "| dict of atoms", gc.is_tracked({"k": 1}), "| dict with a list", gc.is_tracked({"k": []}))

print("== __slots__")


class PointDict:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointSlots:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


p, q = PointDict(1, 2), PointSlots(1, 2)
print("plain instance:", sys.getsizeof(p), "bytes;", "slots instance:", sys.getsizeof(q), "bytes")
print("slots instances have no __dict__:", not hasattr(q, "__dict__"))
try:
    q.z = 3
except AttributeError as e:
    print("AttributeError:", e)
