# Thresholds, enable/disable, and the argument checks of the simple functions.
import gc

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(800, 20)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
gc.set_threshold(True)
print(gc.get_threshold())
gc.set_threshold(700)

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_debug())
gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)
print(gc.get_debug())
gc.set_debug(0)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)

calls = [
    lambda: gc.set_threshold(1, 2, 3, 4),
    lambda: gc.set_threshold(),
    lambda: gc.set_threshold("a"),
    lambda: gc.set_threshold(1, 2.5),
    lambda: gc.set_threshold(threshold0=1),
    lambda: gc.enable(1),
    lambda: gc.disable(None),
    lambda: gc.isenabled(x=1),
    lambda: gc.get_count(1),
    lambda: gc.get_threshold(1),
    lambda: gc.get_debug(1),
    lambda: gc.set_debug(),
    lambda: gc.set_debug(1, 2),
    lambda: gc.set_debug(flags=1),
    lambda: gc.set_debug("x"),
    lambda: gc.get_stats(1),
    lambda: gc.is_tracked(),
    lambda: gc.is_tracked(1, 2),
    lambda: gc.is_finalized(),
    lambda: gc.freeze(1),
    lambda: gc.unfreeze(1),
    lambda: gc.get_freeze_count(1),
    lambda: gc.get_referrers(x=1),
    lambda: gc.get_referents(x=1),
]
for call in calls:
    try:
        call()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
print(gc.get_threshold())
