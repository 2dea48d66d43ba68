class A:
    __slots__ = ('__weakref__', 'x')
a = A()
a.x = 1
print(a.x, hasattr(a, '__dict__'))
class B:
    __slots__ = ['__dict__']
b = B()
b.anything = 5
print(b.__dict__, b.anything)
class C:
    __slots__ = ('__x',)
    def set(self, v): self.__x = v
    def get(self): return self.__x
c = C()
c.set(9)
print(c.get(), sorted(n for n in C.__dict__ if 'x' in n))
