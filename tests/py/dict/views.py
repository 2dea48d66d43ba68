# keys/values/items views are live and support set operations
d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d['d'] = 4
print(len(k), list(v), ('d', 4) in it, 'a' in k, 2 in v)
del d['a']
print(list(k), list(it))
print(sorted(k & {'b', 'x'}), sorted(k | {'z'}), sorted(k - {'b'}), sorted(k ^ {'b', 'q'}))
print(sorted(it & {('b', 2), ('c', 0)}))
print(k == {'b', 'c', 'd'}, list(reversed(k)), list(reversed(v)))
for key, value in d.items():
    print(key, '->', value)
print(sum(d.values()), max(d, key=d.get), min(d.items(), key=lambda p: p[1]))
print(type(k).__name__, type(v).__name__, type(it).__name__)
x = {'a': 1}
try:
    for key in x:
        x['new'] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
y = {'a': 1, 'b': 2}
try:
    for key in y:
        del y[key]
except RuntimeError as e:
    print(type(e).__name__, e)
