# default arguments, evaluated once at definition time
def greet(name, greeting='Hello', punct='!'):
    return f'{greeting}, {name}{punct}'
print(greet('Ann'), greet('Bob', 'Hi'), greet('Cy', punct='?'), greet(greeting='Yo', name='Di'))
def append_to(v, target=[]):
    target.append(v)
    return target
print(append_to(1), append_to(2), append_to(3, []))
def safe_append(v, target=None):
    if target is None:
        target = []
    target.append(v)
    return target
print(safe_append(1), safe_append(2))
n = 10
def uses_n(x=n):
    return x
n = 20
print(uses_n(), uses_n(5))
def f(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
print(f(1), f(1, 5, 6, 7, c=8, d=9))
print(greet.__defaults__, f.__kwdefaults__, f.__name__)
