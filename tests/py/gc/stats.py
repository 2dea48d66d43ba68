# get_stats: per-generation counters.
import gc

gc.disable()  # deterministic: only the explicit collections below run

stats = gc.get_stats()
print(type(stats).__name__, len(stats))
print([sorted(s) for s in stats])
before = [s["collections"] for s in gc.get_stats()]
collected = gc.get_stats()[2]["collected"]
a = []
a.append(a)
del a
gc.collect()
gc.collect(0)
gc.collect(1)
after = [s["collections"] for s in gc.get_stats()]
print([y - x for x, y in zip(before, after)])
print(gc.get_stats()[2]["collected"] - collected)
print(gc.get_stats()[2]["uncollectable"])
