# dir() of a simple class and a module, globals(), locals()
import math
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return abs(self.x) + abs(self.y)
p = Point(1, -2)
print([n for n in dir(p) if not n.startswith('__')])
print([n for n in dir(Point) if not n.startswith('_')])
print('__init__' in dir(Point), '__class__' in dir(p))
print([n for n in dir(math) if n.startswith('is')])
print('sqrt' in dir(math), 'pi' in dir(math))
def f(a, b=2):
    c = a + b
    print(sorted(locals().items()))
    return c
f(1)
g = globals()
print('Point' in g, 'f' in g, g['__name__'], 'math' in g)
counter = 0
globals()['counter'] += 5
print(counter)
print(sorted(n for n in dir() if not n.startswith('__')))
print(sorted(k for k in vars() if not k.startswith('__')) == sorted(n for n in dir() if not n.startswith('__')))
print(dir([])[-3:], 'append' in dir([]), 'keys' in dir({}), len([n for n in dir('') if not n.startswith('_')]))
