# list creation, indexing, slicing, len, repr
a = [1, 2, 3, 4, 5]
print(a, len(a), a[0], a[-1], a[1:3], a[::-1], a[::2], a[10:])
print([], [[]], [1, [2, [3, []]]], list(), list('ab'), list(range(3)), list((1, 2)))
print([1, 'a', 2.5, None, True, (1,), [2]])
b = a
b[0] = 100
print(a, a is b, a == [100, 2, 3, 4, 5])
c = a[:]
c[1] = -1
print(a, c, c is a)
print(a + [6], a * 2, [0] * 5, [[0] * 2] * 2, 2 * [None])
print(3 in a, 100 in a, 'x' not in a)
a[1:3] = ['x', 'y', 'z']
print(a)
a[::2] = [0, 0, 0]
print(a)
a[:] = []
print(a, len(a))
try:
    [1, 2][5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    x = [1, 2]
    x[2] = 0
except IndexError as e:
    print(type(e).__name__, e)
try:
    k = 'a'
    [1, 2][k]
except TypeError as e:
    print(type(e).__name__, e)
try:
    y = [1, 2, 3, 4]
    y[::2] = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
