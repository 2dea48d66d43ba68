# keyword argument ordering, **kwargs preserves call order, argument evaluation order
def show(**kw):
    return list(kw.items())
print(show(b=1, a=2, c=3), show(**{'z': 0, 'y': 1}, x=2))
def trace(label):
    print('eval', label)
    return label
def f(a, b, c=None, **rest):
    return a, b, c, rest
print(f(trace('a'), c=trace('c'), b=trace('b'), d=trace('d')))
print(f(*[trace(1), trace(2)], **{'c': trace(3)}))
def g(a, *args, b=2, **kw):
    return f'a={a} args={args} b={b} kw={kw}'
print(g(1), g(1, 2, 3, b=4, c=5), g(*range(4), **{'b': 'B', 'z': 'Z'}))
