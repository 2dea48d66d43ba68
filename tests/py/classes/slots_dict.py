class A:
    __slots__ = ('a', '__dict__')
x = A()
x.a = 1
x.b = 2
print(x.a, x.b, x.__dict__)
class Base:
    __slots__ = ('a',)
class NoSlots(Base):
    pass
n = NoSlots()
n.a = 1
n.other = 2
print(n.a, n.other, n.__dict__)
class More(Base):
    __slots__ = ('b',)
m = More()
m.a, m.b = 1, 2
print(m.a, m.b, hasattr(m, '__dict__'))
try:
    m.c = 3
except AttributeError as e:
    print(e)
print(More.__slots__, Base.__slots__)
class Empty(Base):
    __slots__ = ()
e = Empty()
e.a = 9
print(e.a)
try:
    e.z = 1
except AttributeError as e2:
    print(e2)
