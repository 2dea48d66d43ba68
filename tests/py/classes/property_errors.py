class A:
    @property
    def ro(self): return 1
    def _get(self): return 'old-style'
    x = property(_get)
    y = property()
a = A()
print(a.ro, a.x)
try:
    a.ro = 2
except AttributeError as e:
    print(e)
try:
    del a.ro
except AttributeError as e:
    print(e)
try:
    a.y
except AttributeError as e:
    print(e)
try:
    a.x = 5
except AttributeError as e:
    print(e)
class B:
    @property
    def broken(self):
        raise KeyError('inner')
try:
    B().broken
except KeyError as e:
    print('KeyError', e)
