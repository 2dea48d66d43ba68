# edge cases: ties in min/max, key returning equal values, strings vs numbers
print(max([1, 3, 3, 2], key=lambda v: v % 3), min(['b', 'a', 'c'], key=lambda s: 0))
print(max([(1, 'b'), (1, 'a')]), min([[2], [1, 5], [1]]), max('a', 'B'), max('abc', 'abd', 'ab'))
print(max([0.0, -0.0]), min([0.0, -0.0]), max([-0.0, 0.0]), max(float('nan'), 1), max(1, float('nan')))
print(min(range(10), key=lambda v: abs(v - 4.6)), max({'a': 3, 'b': 9}, key=lambda k: -len(k)))
print(abs(-2**63), abs(float('-inf')), abs(-1e-320), min([], default=None), max((), default=-1))
print(max(iter([4, 2, 8])), min(x * x for x in [-3, 2, -1]), max(*'xyz'))
