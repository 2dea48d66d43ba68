# generator state inspection and independent instances
def counter(start):
    n = start
    while True:
        n += 1
        yield n
a, b = counter(0), counter(100)
print(next(a), next(a), next(b), next(a), next(b))
def fib():
    x, y = 0, 1
    while True:
        yield x
        x, y = y, x + y
f = fib()
print([next(f) for _ in range(12)])
print(next(f))
big = fib()
for _ in range(200):
    v = next(big)
print(v)
def gen_with_return():
    yield 'a'
    return 'ret'
print(list(gen_with_return()))
def gen_running():
    yield 1
g = gen_running()
print(g.__name__, g.__qualname__)
def running_check():
    try:
        yield next(rc)
    except ValueError as e:
        yield 'error: ' + str(e)
rc = running_check()
print(next(rc))
