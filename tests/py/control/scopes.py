# name resolution: LEGB, class scope, comprehension scope
x = 'global'
def f():
    x = 'local f'
    def g():
        return x
    return g()
print(f())
def h():
    return x
print(h())
def uses_builtin():
    return len('abc')
print(uses_builtin())
def shadow_builtin():
    len = lambda s: 42
    return len('abc')
print(shadow_builtin(), len('abc'))
class C:
    y = 1
    z = y + 1
    ys = [v * 2 for v in range(y, y + 2)]
print(C.y, C.z, C.ys)
def late_binding():
    fs = [lambda: i for i in range(3)]
    return [fn() for fn in fs]
print(late_binding())
def early_binding():
    fs = [lambda i=i: i for i in range(3)]
    return [fn() for fn in fs]
print(early_binding())
def unbound():
    try:
        print(x)
        x = 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
unbound()
