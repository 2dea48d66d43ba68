class A:
    def __hash__(self): return 7
class B(A):
    def __eq__(self, o): return True
class C(A):
    pass
print(hash(A()), hash(C()), B.__hash__)
try:
    hash(B())
except TypeError as e:
    print(e)
class D(B):
    __hash__ = A.__hash__
print(hash(D()))
class E:
    def __eq__(self, o): return False
    def __hash__(self): return 1
class F(E):
    def __eq__(self, o): return True
print(F.__hash__ is None)
