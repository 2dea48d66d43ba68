class A:
    pass
a = A()
try:
    len(a)
except TypeError as e:
    print(e)
A.__len__ = lambda self: 7
print(len(a))
A.__add__ = lambda self, o: 'added'
print(a + 1)
A.__repr__ = lambda self: 'A!'
print(repr(a), a)
A.__eq__ = lambda self, o: True
print(a == 5)
del A.__len__
try:
    len(a)
except TypeError as e:
    print(e)
A.__call__ = lambda self, *args: args
print(a(1, 2))
A.__getitem__ = lambda self, k: k * 2
print(a[21])
