class A:
    __slots__ = ('x',)
    kind = 'class-level'
    def method(self):
        return self.x * 2
a = A()
a.x = 21
print(a.method(), a.kind, A.kind)
try:
    a.kind = 'inst'
except AttributeError as e:
    print(e)
A.kind = 'changed'
print(a.kind)
class B:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = [1]
        self.b = self
b = B()
print(b.b is b, b.a)
del b
print('cycle through slots done')
