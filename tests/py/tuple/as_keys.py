# tuples as dict keys, swaps, returns, nested unpacking
points = {(0, 0): 'origin', (1, 2): 'p', (-1, -1): 'q'}
print(points[(1, 2)], points[0, 0], (5, 5) in points, sorted(points))
a, b = 1, 2
a, b = b, a
print(a, b)
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, 8, 1, 9])
print(lo, hi, minmax('hello'))
pairs = [(1, 'one'), (2, 'two'), (3, 'three')]
for n, name in pairs:
    print(n, name)
nums, names = zip(*pairs)
print(nums, names)
for i, (n, name) in enumerate(pairs):
    print(i, n, name[0])
nested = ((1, (2, 3)), (4, (5, 6)))
for a, (b, c) in nested:
    print(a + b + c)
print(tuple(x * 2 for x in range(4)), (1, 2) + tuple([3]))
print(repr((1,)), repr(('a', 'b')), str((None, True)), repr(((),)))
