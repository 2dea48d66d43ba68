# throw() and close(), GeneratorExit and finally inside generators
def worker():
    try:
        while True:
            try:
                x = yield
                print('processing', x)
            except ValueError as e:
                print('handled in generator:', e)
    finally:
        print('worker cleanup')
w = worker()
next(w)
w.send('a')
w.throw(ValueError('bad item'))
w.send('b')
w.close()
print('closed')
w.close()
try:
    w.send('c')
except StopIteration:
    print('send after close -> StopIteration')
def fragile():
    yield 1
    yield 2
f = fragile()
next(f)
try:
    f.throw(KeyError('injected'))
except KeyError as e:
    print('propagated', repr(e))
print(next(f, 'done'))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print('caught GeneratorExit, yielding anyway')
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def returns_on_throw():
    try:
        yield 1
    except ValueError:
        return 'recovered'
r = returns_on_throw()
next(r)
try:
    r.throw(ValueError)
except StopIteration as e:
    print('StopIteration value', e.value)
