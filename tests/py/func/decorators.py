# decorators: simple, with arguments, stacked, preserving call args
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper
@shout
def greet(name):
    return 'hello ' + name
print(greet('world'))
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def roll(v):
    return v * 2
print(roll(5))
calls = []
def log(fn):
    def wrapper(*args, **kwargs):
        calls.append((fn.__name__, args, kwargs))
        return fn(*args, **kwargs)
    wrapper.__name__ = 'logged_' + fn.__name__
    return wrapper
@log
@shout
def name_of(x, suffix=''):
    return x + suffix
print(name_of('a', suffix='b'), name_of.__name__, calls)
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), len(fib.cache))
def register(registry):
    def deco(fn):
        registry[fn.__name__] = fn
        return fn
    return deco
REG = {}
@register(REG)
def alpha():
    return 'A'
print(sorted(REG), REG['alpha']())
