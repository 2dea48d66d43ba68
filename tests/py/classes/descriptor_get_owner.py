class Show:
    def __get__(self, obj, owner=None):
        return (None if obj is None else type(obj).__name__, owner.__name__ if owner else None)
class A:
    s = Show()
class B(A): pass
print(A.s, A().s, B.s, B().s)
print(A.__dict__['s'].__get__(None, B))
print(A.__dict__['s'].__get__(A()))
class Meth:
    def __get__(self, obj, owner):
        return lambda *a: ('called', a)
class C:
    m = Meth()
print(C().m(1, 2), C.m())
def plain(self): return self
class D: pass
D.f = plain
d = D()
print(d.f() is d)
print(plain.__get__(d)() is d, plain.__get__(None, D) is plain)
