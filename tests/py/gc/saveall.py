# DEBUG_SAVEALL keeps the garbage in gc.garbage instead of freeing it.
import gc

gc.disable()  # deterministic: only the explicit collections below run

gc.collect()
print(gc.garbage)
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
l = [1]
l.append(l)
del l
d = {"k": "v"}
d["self"] = d
del d
print(gc.collect())
print(gc.garbage)
gc.set_debug(0)
print(gc.collect())
del gc.garbage[:]
print(gc.garbage, gc.collect())
