# set creation, membership, add/remove/discard/pop/clear, len
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 2 in s, 5 in s, 5 not in s)
print(set(), set([1, 2, 2]) == {1, 2}, sorted(set('hello')), frozenset() == set())
s.add(10); s.add(1)
print(sorted(s))
s.remove(10); s.discard(99); s.discard(3)
print(sorted(s))
print(s.pop() in (1, 2), len(s))
s.clear()
print(s, len(s))
print({1, 2, 3}, {0}, set(range(5)), frozenset({4, 5}))
print(repr(set()), repr(frozenset()))
try:
    s.remove(42)
except KeyError as e:
    print(type(e).__name__, e)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
big = set(range(0, 10000, 3))
print(len(big), 9999 in big, 10000 in big, min(big), max(big), sum(big))
for i in range(0, 10000, 2):
    big.discard(i)
print(len(big), sorted(big)[:8])
print({True, 1, 1.0}, {0, False, 0.0})
