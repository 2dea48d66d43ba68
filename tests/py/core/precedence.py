# operator precedence
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -3 ** 2, (-3) ** 2)
print(10 - 4 - 3, 100 / 10 / 5, 2 ** 2 ** 3, 7 // 2 * 3, 7 % 3 * 2)
print(1 + 2 << 1, 1 | 2 & 3, 1 ^ 3 & 5, 8 >> 1 + 1)
print(not 1 == 2, not (1 and 0), 1 or 0 and 0, (1 or 0) and 0)
print(3 < 4 == True, (3 < 4) == True)
print(-2 ** -1, ~1 + 1, -~5, ~-5)
print(1 + 2 if False else 3 + 4)
f = lambda: 0 if True else 1
print(f(), (lambda: 1)() + 1)
print(2 * -3, 2 ** -2, - - 3)
print(5 in [1, 5] == True, (5 in [1, 5]) == True)
y = None
print(not 5 in [1], 5 not in [1], not y is None, y is not None)
print(1 < 2 and 2 < 3 or 0)
x = 3
print(x * 2 + 1 > 6 and x % 2 == 1)
print([1, 2, 3][1] ** 2, -[4][0])
print(2 ** -1 ** 2)
