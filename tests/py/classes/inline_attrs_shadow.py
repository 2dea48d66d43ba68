class A:
    def f(self):
        return 'method'
a = A()
a.f = lambda: 'instance attr'
print(a.f())
b = A()
b.g = lambda: 'inst g'
A.g = lambda self: 'class g'
print(b.g(), A().g())
c = A()
c.h = 'value'
def h(self): return 'class h'
A.h = h
print(c.h, A().h())
class B(A): pass
x = B()
x.k = lambda: 'inst k'
A.k = lambda self: 'class k'
print(x.k())
