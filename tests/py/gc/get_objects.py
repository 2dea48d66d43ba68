# get_objects: the tracked objects, by generation.
import gc

gc.disable()  # deterministic: only the explicit collections below run

gc.collect()
x = [1, 2]
objs = gc.get_objects()
print(any(o is x for o in objs), any(o is objs for o in objs))
print(any(o is x for o in gc.get_objects(0)), any(o is x for o in gc.get_objects(generation=2)))
gc.collect()
print(any(o is x for o in gc.get_objects(0)), any(o is x for o in gc.get_objects(2)))
print(any(o is x for o in gc.get_objects(None)))
print(all(gc.is_tracked(o) for o in gc.get_objects()))
for bad in (3, -2):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("ValueError:", e)
for args in (("a",), (1, 2)):
    try:
        gc.get_objects(*args)
    except TypeError as e:
        print("TypeError:", e)
print(len(gc.get_objects(-1)) == len(gc.get_objects()) or "differs")
for bad in (2 ** 40, 2 ** 70):
    try:
        gc.get_objects(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
