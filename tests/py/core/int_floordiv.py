# floor division and modulo semantics with negatives
for a in (7, -7):
    for b in (2, -2, 3, -3):
        print(a, b, a // b, a % b, divmod(a, b))
print(0 // 5, 0 % 5, -0 // 5)
print(-1 // 10, -1 % 10)
print(1 // -10, 1 % -10)
print(7.5 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2)
print(7.5 // -2, 7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(5 % 3.0, -5 % 3.0, 5 % -3.0)
print(-0.0 % 5, 0.0 % -5)
print(1 / 2, -1 / 2, 10 / 5, 7 / -2)
