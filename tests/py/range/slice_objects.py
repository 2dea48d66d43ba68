# slice objects and slice semantics with negative and out-of-range bounds
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1), slice(1, None))
a = list(range(10))
print(a[s], a[slice(3)], a[slice(-3, None)], a[slice(None, None, -2)])
print(s.indices(5), slice(None, None, -1).indices(10), slice(-100, 100).indices(10))
text = 'abcdefghij'
for st in [(None, None, None), (2, None, None), (-3, None, None), (None, -3, None), (8, 2, -1),
           (None, None, -3), (-1, -11, -1), (100, None, -1), (5, 5, None), (-100, 3, None), (3, 7, 10)]:
    sl = slice(*st)
    print(st, repr(text[sl]), a[sl])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    a[::0]
except ValueError as e:
    print(type(e).__name__, e)
b = list(range(8))
b[1:7:2] = 'xyz'
print(b)
b[2:5] = []
print(b)
b[-1:] = [[1, 2]]
print(b)
del b[::3]
print(b)
print((1, 2, 3, 4)[1::2], range(20)[slice(2, 12, 3)])
