# gc.collect() returns the number of unreachable objects it found.
import gc

gc.disable()  # deterministic: only the explicit collections below run

gc.collect()

l = []
l.append(l)
del l
print("self-referencing list:", gc.collect())

d = {}
d["me"] = d
del d
print("self-referencing dict:", gc.collect())

a = []
b = [a]
a.append(b)
del a, b
print("two-list cycle:", gc.collect())

t = ([],)
t[0].append(t)
del t
print("tuple-list cycle:", gc.collect())

print("nothing left:", gc.collect())

keep = []
keep.append(keep)
print("still referenced:", gc.collect())
del keep
print("released:", gc.collect())

x = []
x.append(x)
del x
print("young generation:", gc.collect(0))
print("keyword:", gc.collect(generation=2))
print("bool generation:", gc.collect(True))

for bad in (3, -1, 100):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
for args in (("a",), (1.5,), (1, 2)):
    try:
        gc.collect(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    gc.collect(gen=1)
except TypeError as e:
    print("TypeError:", e)
