# for/else, break/continue, nested loops with flags
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, '=', d, '*', n // d)
            break
    else:
        print(n, 'is prime')
for c in 'abc':
    if c == 'b':
        continue
    print('char', c)
else:
    print('for else after continue')
for i in []:
    print('never')
else:
    print('empty for else')
found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print('found', found)
for x in range(3):
    pass
print('loop var after loop', x)
