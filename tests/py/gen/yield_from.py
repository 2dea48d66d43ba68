# yield from: delegation, return value, send/throw pass-through
def inner():
    x = yield 'inner-1'
    print('inner received', x)
    yield 'inner-2'
    return 'inner-result'
def outer():
    result = yield from inner()
    print('outer got', result)
    yield 'outer-done'
    return 'outer-result'
g = outer()
print(next(g))
print(g.send('hello'))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('final', e.value)
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain('ab', [1, 2], range(3), (x * 10 for x in range(2)))))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def sub():
    try:
        yield 1
    except KeyError as e:
        print('sub caught', repr(e))
        yield 'after-throw'
def deleg():
    yield from sub()
d = deleg()
next(d)
print(d.throw(KeyError('k')))
def ret_only():
    return 42
    yield
def take():
    v = yield from ret_only()
    yield v
print(list(take()))
