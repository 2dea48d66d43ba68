# exceptions raised inside generators propagate to the consumer; generator is then finished
def faulty():
    yield 1
    raise KeyError('inside')
    yield 2
g = faulty()
print(next(g))
try:
    next(g)
except KeyError as e:
    print('caught', repr(e))
print(next(g, 'finished'))
def guarded(items):
    for it in items:
        try:
            yield 10 // it
        except ZeroDivisionError:
            yield 'div0'
print(list(guarded([1, 0, 5])))
def raising_in_genexpr():
    return list(int(s) for s in ['1', 'x'])
try:
    raising_in_genexpr()
except ValueError as e:
    print(type(e).__name__, e)
