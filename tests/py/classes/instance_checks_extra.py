class A: pass
class B(A): pass
print(type(B()) == B, type(B()) == A, B.__subclasses__() == [], A.__subclasses__() == [B])
print(isinstance(True, int), isinstance(A, type), issubclass(type, object))
print(isinstance(B, A), issubclass(B, B), issubclass(bool, object))
print(type(A) is type, type.__name__, type(type(A())).__name__)
try:
    issubclass(B(), A)
except TypeError as e:
    print(e)
