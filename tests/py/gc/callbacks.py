# gc.callbacks are called with ("start"/"stop", info) around every collection.
import gc

gc.disable()  # deterministic: only the explicit collections below run

gc.collect()
log = []

def cb(phase, info):
    log.append((phase, sorted(info.items())))

print(gc.callbacks)
gc.callbacks.append(cb)
l = []
l.append(l)
del l
gc.collect()
gc.collect(1)
gc.callbacks.remove(cb)
gc.collect()
for entry in log:
    print(entry)
print(len(gc.callbacks))
