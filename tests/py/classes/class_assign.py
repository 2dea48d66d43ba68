class A:
    def who(self): return 'A'
class B:
    def who(self): return 'B'
a = A()
a.x = 1
a.__class__ = B
print(a.who(), type(a).__name__, a.x, isinstance(a, B))
try:
    a.__class__ = int
except TypeError as e:
    print(e)
class S:
    __slots__ = ('q',)
try:
    a.__class__ = S
except TypeError as e:
    print(e)
