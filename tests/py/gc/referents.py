# get_referents and get_referrers.
import gc

gc.disable()  # deterministic: only the explicit collections below run

def refs(*objs):
    # Sorted by repr: the visiting order is an implementation detail.
    return sorted(map(repr, gc.get_referents(*objs)))

# (No small ints inside the containers: Kite's immediate ints are not objects in
# memory and containers do not report them; see docs/memory.md.)
print(refs(["x", "a", None, 2.5]))
print(refs(("y", ("z", 3.5))))
print(refs(1, "str", 2.0))
print(refs(["p"], ("q",)))
print(refs())
inner = ["i"]
outer = [inner, inner]
print(len(gc.get_referents(outer)), all(x is inner for x in gc.get_referents(outer)))

def f():
    a = []
    b = [a]
    c = (a, 1)
    r = gc.get_referrers(a)
    print(any(x is b for x in r), any(x is c for x in r))
    print(any(x is r for x in r))
    lonely = [object()]
    print(gc.get_referrers(lonely) == [] or all(type(x) is not list for x in gc.get_referrers(lonely)))

f()
