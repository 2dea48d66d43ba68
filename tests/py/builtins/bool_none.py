# truthiness of built-in values and bool()/not
vals = [0, 1, -1, 0.0, 0.1, '', ' ', 'False', [], [None], (), ((),), {}, {0: 0}, set(), {0}, range(0), range(2), None]
for v in vals:
    print(repr(v), bool(v), not v)
print(None == False, None is False, bool(None) == False)
print(type(None).__name__, repr(None), str(None))
def nothing():
    return
print(nothing(), nothing() is None)
n = None
print(n or 'default', n and 'never', 0 or None, [] or {} or ())
