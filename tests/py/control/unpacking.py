# unpacking, starred targets, chained assignment
a, b, c = 1, 2, 3
print(a, b, c)
a, *rest = [1, 2, 3, 4]
print(a, rest)
*init, last = 'hello'
print(init, last)
first, *mid, end = range(6)
print(first, mid, end)
x, *y = [1]
print(x, y)
(p, q), [r, s] = 'ab', (3, 4)
print(p, q, r, s)
m = n = o = []
m.append(1)
print(m, n, o, m is o)
i = j = 5
j += 1
print(i, j)
for k, (v1, *vs) in enumerate([[1, 2, 3], [4]]):
    print(k, v1, vs)
print(*[1, 2], *'ab', *range(2))
print([*range(3), *'xy'], (*[1], 2), {*[1, 2], 3}, {**{'a': 1}, 'b': 2, **{'a': 3}})
t = 1, 2
u, v = t
print(u, v)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, *c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
