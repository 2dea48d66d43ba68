# StopIteration.value and generator returns
def gen():
    yield 1
    return 'result'
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('value:', e.value, 'args:', e.args)
try:
    next(g)
except StopIteration as e:
    print('exhausted again:', e.value, repr(e))
def empty():
    return 5
    yield
try:
    next(empty())
except StopIteration as e:
    print(e.value)
it = iter([])
try:
    next(it)
except StopIteration as e:
    print(repr(e), e.value)
def leaky():
    yield 1
    next(iter([]))
    yield 2
try:
    list(leaky())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
