print(type(1), type('s'), type([]), type(None), type(type))
def init(self, v):
    self.v = v
A = type('A', (), {'x': 1, '__init__': init, 'get': lambda self: self.v})
a = A(7)
print(A.__name__, A.x, a.get(), A.__bases__, A.__module__)
B = type('B', (A,), {})
print(B.__mro__ == (B, A, object), B(3).get())
print(type(a) is A, isinstance(B(1), A))
C = type('C', (object,), dict(__doc__='doc of C'))
print(C.__doc__, C.__qualname__)
for args in [(), ('A', (), {}, 1), ('A', 'x', {}), (1, (), {}), ('A', (), [])]:
    try:
        type(*args)
    except TypeError as e:
        print(e)
