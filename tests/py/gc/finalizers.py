# __del__ on objects in cycles (PEP 442): run once, resurrection allowed.
import gc

gc.disable()  # deterministic: only the explicit collections below run

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

gc.collect()
a = Noisy("a")
b = Noisy("b")
a.other = b
b.other = a
del a, b
print("before collect")
gc.collect()
print("after collect")

saved = []

class Phoenix:
    def __del__(self):
        print("phoenix finalized")
        saved.append(self)

p = Phoenix()
p.me = p
del p
gc.collect()
print(len(saved), gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print("no second finalization")

x = Noisy("plain")
print(gc.is_finalized(x))
del x
print("end")
