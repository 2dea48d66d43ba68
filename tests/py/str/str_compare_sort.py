# string comparison, sorting with keys, min/max, and building with join
names = ['bob', 'Alice', 'carol', 'Bob', 'alice', 'dave', '']
print(sorted(names))
print(sorted(names, key=str.lower))
print(sorted(names, key=lambda s: (len(s), s)))
print(sorted(names, reverse=True))
print(min(names), max(names), min(names, key=len), max(names, key=len))
print('apple' < 'apples' < 'apply', 'a' * 3 < 'aaaa', 'Z' < 'a', '10' < '9', '' < ' ')
print([s for s in names if s.lower() == 'bob'])
rows = [('x', 3), ('y', 1), ('z', 2)]
print('; '.join(f'{k}={v}' for k, v in sorted(rows, key=lambda r: r[1])))
print(','.join(str(i) for i in range(10) if i % 3))
print(sorted(['a10', 'a2', 'a1', 'b'], key=lambda s: (s[0], int(s[1:] or 0))))
