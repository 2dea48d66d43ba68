# for-loop targets: subscripts, attributes-free, unpacking, reuse after loop
values = [0] * 3
for values[0] in range(3):
    pass
print(values)
pairs = {'a': 1, 'b': 2}
for key, val in pairs.items():
    print(key, val)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x + y)
for a, *b in [(1, 2, 3), (4,)]:
    print(a, b)
for ch in 'hi':
    ch = ch.upper()
    print(ch)
items = [1, 2, 3]
for it in items:
    if it == 2:
        items.append(99)
    if len(items) > 5:
        break
print(items)
seq = [1, 2, 3, 4]
for v in seq[:]:
    if v % 2 == 0:
        seq.remove(v)
print(seq)
n = 0
for n in range(n, n + 3):
    print('n', n)
print('final n', n)
