# dict merges, copy semantics, equality, get vs [], nested updates
base = {'a': 1, 'b': {'x': 1}}
shallow = dict(base)
shallow['a'] = 99
shallow['b']['x'] = 'shared'
print(base, shallow)
print({**base, 'c': 3}, {'a': 0, **base}, dict(base, a=5))
d1 = {'k': [1]}
d2 = d1.copy()
d2['k'].append(2)
print(d1 == d2, d1 is d2, d1)
counts = dict.fromkeys('abc', 0)
for ch in 'abacab':
    counts[ch] += 1
print(counts)
shared = dict.fromkeys(['p', 'q'], [])
shared['p'].append(1)
print(shared)
print({1: 'a'} == {1.0: 'a'}, {'a': 1} == {'a': 1.0}, {} == dict())
e = {}
e[('x', 1)] = e.get(('x', 1), 0) + 5
print(e, len(e), e.get('missing', []))
print(list({'b': 1, 'a': 2}), list(sorted({'b': 1, 'a': 2})))
print({k: v for k, v in [('a', 1), ('a', 2)]}, dict([('a', 1), ('a', 2)]))
