# gc module basics (counts are not printed: only stable facts)
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
n = gc.collect()
print(type(n).__name__, n >= 0)
class Node:
    pass
a = Node()
b = Node()
a.other = b
b.other = a
del a, b
print(gc.collect() >= 0)
big = [[i] for i in range(10000)]
del big
print(gc.collect() >= 0)
print(callable(gc.collect), callable(gc.get_threshold))
