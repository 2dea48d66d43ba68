# The permanent generation: freeze, unfreeze, get_freeze_count.
import gc

gc.disable()  # deterministic: only the explicit collections below run

gc.collect()
print(gc.get_freeze_count())
gc.freeze()
print(gc.get_freeze_count() > 0)
print(gc.get_count())
frozen = gc.get_freeze_count()
x = [1, 2, 3]
print(gc.get_freeze_count() == frozen)
print(any(o is x for o in gc.get_objects()))
gc.unfreeze()
print(gc.get_freeze_count())
