# frozenset: hashable, immutable, mixed operations with set
f = frozenset([3, 1, 2])
print(f, len(f), 2 in f, sorted(f))
g = f | {4}
print(g, type(g).__name__, type({4} | f).__name__, type(f & {1}).__name__)
print(frozenset() , frozenset(range(3)) == {0, 1, 2})
d = {f: 'frozen', frozenset(): 'empty'}
print(d[frozenset({1, 2, 3})], d[frozenset()])
s = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(s))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
try:
    f.add(5)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    hash({1})
except TypeError as e:
    print(type(e).__name__, e)
print(f.union([9]), f.intersection({1, 9}), f.difference({1}), f.symmetric_difference({1, 7}), f.copy() == f)
print(f.issubset({1, 2, 3, 4}), f.isdisjoint([5]))
