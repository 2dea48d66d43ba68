# tuples: creation, packing, indexing, immutability, methods
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t[::-1])
print((), (1,), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)), 1, )
u = 1, 'two', 3.0
print(u, type(u).__name__)
print(t + (4,), t * 2, (0,) * 3, 2 in t, 9 not in t)
print((1, 2, 2, 3, 2).count(2), (1, 2, 3).index(3), ('a', 'b').index('b'))
print(((1, 2), (3, 4))[1][0], tuple([[1]])[0])
a, b, c = t
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
print(t == (1, 2, 3), t < (1, 2, 4), t < (1, 2), (1, 2) < (1, 2, 0), () < (0,))
print(min(t), max(t), sum(t), sorted((3, 1, 2)), tuple(sorted((3, 1, 2))))
print(hash((1, 2, 3)) == hash((1, 2, 3)), hash(()) == hash(()))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    (1, 2).index(7)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = t
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c, d = t
except ValueError as e:
    print(type(e).__name__, e)
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
l = [1]
tt = (l, 2)
l.append(3)
print(tt)
