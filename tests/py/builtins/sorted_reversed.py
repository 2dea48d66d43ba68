# sorted and reversed
print(sorted([3, 1, 2]), sorted('cba'), sorted((2.5, -1, 0)), sorted({'b': 1, 'a': 2}))
print(sorted([3, 1, 2], reverse=True), sorted(['bb', 'a', 'ccc'], key=len))
print(sorted(['Bob', 'alice', 'Carl'], key=str.lower), sorted(['Bob', 'alice', 'Carl']))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(3))), list(reversed((1, 2))))
print(list(reversed({'x': 1, 'y': 2})), list(reversed([])))
r = reversed([1, 2])
print(next(r), next(r), next(r, 'end'))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted(['a', 1])
except TypeError as e:
    print(type(e).__name__, e)
