# set operations with other iterables, comparisons, copy semantics
a = {1, 2, 3}
b = a.copy()
b.add(4)
print(sorted(a), sorted(b), a < b, b > a, a.issubset(b))
print(sorted(a.union([7, 8])), sorted(a.intersection(range(2, 10))))
print(sorted(set('hello') - set('world')), sorted(set('hello') & set('world')), sorted(set('hello') | set('yo')))
print(len(set()), len({()}), len({(), ((),)}), len({1, 1.0, True}), len({0, -0.0, False}))
s = set()
for w in 'the quick the lazy the end'.split():
    s.add(len(w))
print(sorted(s), 3 in s, 4 in s)
print({1, 2} == {2, 1}, {1, 2} != frozenset({1, 2}), set() == frozenset())
print(sorted({x // 3 for x in range(10)}), sorted(set(range(5)) ^ set(range(3, 8))))
c = {1, 2, 3}
c.discard(2); c.discard(2)
print(sorted(c), c.isdisjoint({2}), bool(c), bool(set()))
print(min({5, 3, 8}), max({5, 3, 8}), sum({5, 3, 8}), sorted({5, 3, 8}, reverse=True))
