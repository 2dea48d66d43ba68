class A:
    __slots__ = ('a',)
class B:
    __slots__ = ('b',)
try:
    class C(A, B): pass
except TypeError as e:
    print(e)
try:
    class D(int):
        __slots__ = ('x',)
except TypeError as e:
    print(e)
class E(int):
    __slots__ = ()
print(E(5) + 1)
class F(A):
    __slots__ = ('__dict__',)
f = F()
f.a = 1
f.z = 2
print(f.a, f.z, f.__dict__)
try:
    class G(F):
        __slots__ = ('__dict__',)
except TypeError as e:
    print(e)
