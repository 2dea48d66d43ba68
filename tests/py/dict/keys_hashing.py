# keys of different types, equality of keys across numeric types
d = {}
d[1] = 'a'
d[1.0] = 'b'
d[True] = 'c'
print(d, len(d))
d[0] = 'zero'
d[False] = 'false'
d[0.0] = 'fz'
print(d)
d[(1, 2)] = 't'
d[(1, (2, 3))] = 'nested'
d[frozenset([1, 2])] = 'fs'
print(d[(1, 2)], d[1, (2, 3)], d[frozenset([2, 1])])
print(d.get(2**64), d.get(-1))
d[2**64] = 'big'
d[-(2**64)] = 'negbig'
print(d[2**64], d[-18446744073709551616], d[float(2**64)])
print(hash(1) == hash(1.0) == hash(True), hash(2**64) == hash(float(2**64)))
print(hash(-1), hash(-2), hash(0), hash(10**20) == hash(10**20))
print(hash((1, 2)), hash(()), hash((None,)) == hash((None,)))
n = float('nan')
e = {n: 1}
print(e[n], n in e, float('nan') in e)
try:
    d[{}] = 1
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    d[set()] = 1
except TypeError as ex:
    print(type(ex).__name__, ex)
