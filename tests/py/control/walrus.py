# assignment expressions
data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print('long list', n)
print([y for x in data if (y := x * 2) > 10])
print(y)
items = iter(['a', 'b', '', 'c'])
while (item := next(items)):
    print('item', item)
total = 0
print([total := total + v for v in [1, 2, 3]], total)
def f(v):
    return v * v
print([(r, r + 1) for v in range(4) if (r := f(v)) % 2 == 0])
print((z := 5) + z, z)
if any((hit := v) > 10 for v in data):
    print('first over 10', hit)
m = {'a': 1}
if (val := m.get('b')) is None:
    print('missing', val)
