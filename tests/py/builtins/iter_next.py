# iter() and next(), incl. iter(callable, sentinel)
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'default'))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args)
s = iter('ab')
print(list(s), list(s))
d = iter({'k1': 1, 'k2': 2})
print(next(d), next(d))
values = [5, 4, 3, 0, 9]
pos = [0]
def reader():
    v = values[pos[0]]
    pos[0] += 1
    return v
print(list(iter(reader, 0)))
print(pos[0])
data = iter(['line1', 'line2', '', 'after'])
print(list(iter(lambda: next(data), '')))
print(next(data))
it2 = iter(range(3))
print(iter(it2) is it2, type(it2).__name__, type(iter([])).__name__, type(iter('')).__name__)
print(type(iter(())).__name__, type(iter({})).__name__, type(iter(set())).__name__)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)
