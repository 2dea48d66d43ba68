# iteration protocol over builtins with iter()/next()
it = iter([10, 20, 30])
while True:
    try:
        v = next(it)
    except StopIteration:
        print('done')
        break
    print('value', v)
d = {'x': 1, 'y': 2}
ki, vi, ii = iter(d), iter(d.values()), iter(d.items())
print(next(ki), next(vi), next(ii))
s = iter('héllo')
print(next(s), next(s), ''.join(s))
r = iter(range(0, 10, 3))
print(list(r), list(r))
z = zip(iter('ab'), iter('cd'))
print(next(z), list(z))
e = enumerate(iter(['p', 'q']))
print(list(e))
m = map(str.upper, iter('xyz'))
print(next(m), list(m))
def gen():
    yield from [1, 2]
g = gen()
print(iter(g) is g, next(g), list(g))
nested = iter([iter([1, 2]), iter([3])])
print([list(x) for x in nested])
print(list(reversed(list(iter([1, 2, 3])))))
print(next(iter(set([42]))), next(iter(frozenset([7]))))
