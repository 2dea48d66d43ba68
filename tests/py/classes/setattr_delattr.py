class Guard:
    def __setattr__(self, name, value):
        print('set', name, value)
        if name.startswith('_'):
            raise AttributeError(f"cannot set {name}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print('del', name)
        super().__delattr__(name)
g = Guard()
g.x = 1
print(g.x)
try:
    g._p = 2
except AttributeError as e:
    print(e)
del g.x
try:
    del g.x
except AttributeError as e:
    print(e)
setattr(g, 'y', 5)
delattr(g, 'y')
print(vars(g))
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, 'v', v)
    def __setattr__(self, n, v):
        raise TypeError('frozen')
f = Frozen(3)
print(f.v)
try:
    f.v = 4
except TypeError as e:
    print(e)
