# hash of ints, floats, tuples, bools, None-free (deterministic values)
for v in [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**62, -(2**61), 10**30, 123456789]:
    print(v, hash(v))
for v in [0.5, 1.5, -0.5, 1e100, 2.0**70, 0.1]:
    print(v, hash(v))
for t in [(), (1,), (1, 2), (1, (2, 3)), (True, 0.0), ('x',) * 0]:
    print(t, hash(t))
print(hash(frozenset()), hash(frozenset([1, 2, 3])))
print(hash(1) == hash(1.0), hash((1, 2)) == hash((1.0, 2.0)))
