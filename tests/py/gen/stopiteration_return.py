# return in a generator ends iteration; return value via StopIteration and yield from
def limited(n):
    for i in range(n):
        if i == 2:
            return f'stopped at {i}'
        yield i
print(list(limited(5)))
g = limited(5)
next(g); next(g)
try:
    next(g)
except StopIteration as e:
    print(repr(e.value), e.args)
def collector():
    results = []
    while True:
        v = yield
        if v is None:
            return results
        results.append(v)
def driver():
    res = yield from collector()
    print('collected', res)
d = driver()
next(d)
for x in [1, 2, 3]:
    d.send(x)
try:
    d.send(None)
except StopIteration:
    print('driver finished')
def no_value():
    yield 1
try:
    n = no_value()
    next(n)
    next(n)
except StopIteration as e:
    print(e.value, repr(e))
