# list comprehensions and functional idioms
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([c.upper() for c in 'abc'], [s.strip() for s in [' a ', 'b ']])
print([x if x % 2 else -x for x in range(5)])
print(list(map(lambda x: x + 1, [1, 2, 3])), list(filter(None, [0, 1, '', 'a', [], [1]])))
print([i for i in [3, 1, 2] if i > 1], [len(w) for w in 'the quick brown'.split()])
x = 'outer'
print([x for x in 'ab'], x)
print([(i, j) for i, j in enumerate('xyz') if i != 1])
print(sum([i for i in range(101)]), max([-i for i in range(5)]))
print([[1, 2][i] for i in (1, 0)], [n for n in [1, 2, 3]][::-1])
