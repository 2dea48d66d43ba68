# functions returning functions, higher-order utilities written in Python
def my_map(fn, seq):
    return [fn(x) for x in seq]
def my_filter(pred, seq):
    return [x for x in seq if pred(x)]
def my_reduce(fn, seq, init):
    acc = init
    for x in seq:
        acc = fn(acc, x)
    return acc
print(my_map(str, [1, 2]), my_filter(str.isalpha, 'a1b2'), my_reduce(lambda a, b: a * b, range(1, 8), 1))
def curry(f):
    return lambda a: lambda b: f(a, b)
print(curry(pow)(2)(10))
def partial(fn, *pargs, **pkw):
    def call(*args, **kw):
        return fn(*pargs, *args, **{**pkw, **kw})
    return call
base2 = partial(int, base=2)
print(base2('1011'), partial(max, 5)(3, 9))
def pipeline(*steps):
    def run(v):
        for s in steps:
            v = s(v)
        return v
    return run
clean = pipeline(str.strip, str.lower, lambda s: s.replace(' ', '_'))
print(clean('  Hello Big World '))
def counter_factory(start):
    def next_value():
        nonlocal start
        start += 1
        return start
    return next_value
nv = counter_factory(100)
print(nv(), nv(), nv())
