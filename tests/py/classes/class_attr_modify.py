class A:
    def f(self): return 'f1'
a = A()
print(a.f())
A.f = lambda self: 'f2'
print(a.f())
def g(self, x): return x * 2
A.g = g
print(a.g(21))
del A.f
try:
    a.f()
except AttributeError as e:
    print(e)
class B(A): pass
A.h = lambda self: 'h from A'
print(B().h())
B.h = lambda self: 'h from B'
print(B().h(), A().h())
del B.h
print(B().h())
setattr(A, 'k', 5)
print(getattr(B, 'k'), hasattr(B, 'k'))
