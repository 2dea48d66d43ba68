# range driving loops: nested, reversed, stepped, empty
for i in range(3):
    for j in range(i, 3):
        print((i, j), end=' ')
print()
total = 0
for k in range(100, 0, -7):
    total += k
print(total)
for i in range(0):
    print('never')
else:
    print('empty loop else')
print([i for i in range(-10, 10, 4)], [i for i in range(10, -10, -4)])
print(list(zip(range(3), range(10, 13), range(20, 100, 30))))
r = range(2, 30, 3)
print(r.index(11), r[r.index(11)], len(r), list(r[::3]))
evens = range(0, 21, 2)
print(all(x % 2 == 0 for x in evens), sum(evens), evens[len(evens) // 2])
n = 5
tri = [[1] * (i + 1) for i in range(n)]
for i in range(2, n):
    for j in range(1, i):
        tri[i][j] = tri[i - 1][j - 1] + tri[i - 1][j]
for row in tri:
    print(' ' * (n - len(row)) + ' '.join(map(str, row)))
print(list(enumerate(range(5, 8))), dict(zip(range(3), 'abc')))
