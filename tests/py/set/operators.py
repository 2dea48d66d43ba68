# set operators and methods (printing small ints / sorted output only)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference([1], (2,)), a.symmetric_difference([4, 9]))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > {1, 2, 3, 4})
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
c = set(a)
c |= {10}; print(sorted(c))
c &= {1, 2, 10, 11}; print(sorted(c))
c -= {1}; print(sorted(c))
c ^= {2, 3}; print(sorted(c))
d = set(a)
d.update([8, 9], (10,)); print(sorted(d))
d.intersection_update(range(5)); print(d)
d.difference_update({1}); print(d)
d.symmetric_difference_update({2, 100}); print(sorted(d))
print(a == {4, 3, 2, 1}, a != b, {1} == frozenset({1}))
try:
    print(a + b)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(a | [1])
except TypeError as e:
    print(type(e).__name__, e)
words1 = set('the quick brown fox'.split())
words2 = set('the lazy brown dog'.split())
print(sorted(words1 & words2), sorted(words1 - words2), sorted(words1 ^ words2))
