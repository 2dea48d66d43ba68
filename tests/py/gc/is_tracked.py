# Which objects the collector tracks: containers only, and not even all of them.
import gc

gc.disable()  # deterministic: only the explicit collections below run

def show(label, obj):
    print(label, gc.is_tracked(obj))

show("int", 42)
show("big int", 10 ** 30)
show("float", 1.5)
show("str", "hello")
show("None", None)
show("True", True)
show("list", [])
show("list of ints", [1, 2, 3])
show("empty dict", {})
show("dict of atomics", {"a": 1, "b": "x", "c": 2.5})
show("dict with a list", {"a": []})
d = {}
show("dict before insert", d)
d["k"] = 1
show("dict with int value", d)
d["l"] = [1]
show("dict after list value", d)
show("set", {1, 2})
show("class instance", type("C", (), {})())
show("function", show)

t = tuple([1, "two", 3.0])
show("tuple of atomics before collect", t)
nested = tuple([t, None])
u = tuple([[], 1])
gc.collect()
show("tuple of atomics after collect", t)
show("tuple holding an untracked tuple", nested)
show("tuple holding a list", u)

big = {"a": 1}
gc.collect()
show("dict of atomics after collect", big)
