# range objects: repr, len, indexing, slicing, membership, iteration
r = range(10)
print(r, range(1, 5), range(0, 10, 2), range(10, 0, -3), range(5, 5))
print(list(r), list(range(1, 5)), list(range(0, 10, 3)), list(range(10, 0, -3)), list(range(5, 1)))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(5, 1)), len(range(-5, 5)))
print(r[0], r[-1], r[3], range(0, 100, 7)[5], range(10, 0, -2)[-1])
print(r[2:5], r[::-1], r[::2], range(0, 20, 3)[1:4], range(10)[-3:])
print(5 in r, 10 in r, -1 in r, 4 in range(0, 10, 2), 3 in range(0, 10, 2), 3.0 in r)
print(range(0, 10, 2).index(6), range(0, 10, 2).count(4), r.start, r.stop, r.step, range(3, 9, 2).stop)
print(range(3) == range(3), range(0) == range(4, 2), range(0, 3) == range(0, 4, 1), list(range(3)) == [0, 1, 2])
print(sum(range(1, 101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True))
print(range(10**20)[-1], range(0, 10**20, 7)[-1], 10**19 in range(10**20))
try:
    len(range(10**20))
except OverflowError as e:
    print(type(e).__name__, e)
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))))
try:
    range(5)[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(5).index(7)
except ValueError as e:
    print(type(e).__name__, e)
for i in range(3, -3, -2):
    print(i, end=' ')
print()
