class A:
    def f(self): return 'A.f'
class B(A):
    def f(self): return 'B.f'
class C(B):
    def f(self): return 'C.f'
c = C()
print(super(C, c).f())
print(super(B, c).f())
print(super(C, C).f(c))
s = super(C, c)
print(s.__thisclass__.__name__, s.__self_class__.__name__, s.__self__ is c)
try:
    super(A, c).f()
except AttributeError as e:
    print(e)
try:
    super(C, 1)
except TypeError as e:
    print(e)
def outside():
    return super(B, c).f()
print(outside())
