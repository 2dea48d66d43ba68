# every dict method
d = {'one': 1, 'two': 2, 'three': 3}
print(d.get('one'), d.get('four'), d.get('four', 4))
print(d.setdefault('two', 22), d.setdefault('four', 4), d)
print(d.pop('four'), d.pop('nope', 'dflt'), d)
print(d.popitem(), d)
d['three'] = 3
print(list(d.keys()), list(d.values()), list(d.items()))
c = d.copy()
c['one'] = -1
print(d, c)
c.clear()
print(c, len(c))
print(sorted(d), sorted(d.items(), key=lambda kv: kv[1], reverse=True))
groups = {}
for w in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups.setdefault(w[0], []).append(w)
print(groups)
merged = {'a': 1, 'b': 2} | {'b': 3, 'c': 4}
print(merged)
merged |= {'d': 5}
print(merged)
print(dict(reversed(list(merged.items()))), list(reversed(merged)))
for bad in [lambda: {}.pop('k'), lambda: {}.popitem(), lambda: d.update(5), lambda: dict([(1, 2, 3)])]:
    try:
        bad()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
