# enumerate and zip
print(list(enumerate('abc')), list(enumerate('abc', 1)), list(enumerate([], 5)))
print(list(enumerate('ab', start=-1)))
for i, c in enumerate(['x', 'y']):
    print(i, c)
print(list(zip('abc', [1, 2, 3])), list(zip('ab', range(10))), list(zip('a')))
print(list(zip(*zip('ab', 'cd'))), dict(zip(['k1', 'k2'], [1, 2])))
e = enumerate('hi')
print(next(e), next(e))
try:
    next(e)
except StopIteration as ex:
    print(type(ex).__name__, repr(ex))
z = zip([1, 2], [3])
print(next(z))
print(next(z, 'done'))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    enumerate(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    zip(1, 2)
except TypeError as ex:
    print(type(ex).__name__, ex)
