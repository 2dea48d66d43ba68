class A:
    @staticmethod
    def s(x): return x
    @classmethod
    def c(cls, x): return cls.__name__, x
try:
    A.s()
except TypeError as e:
    print(e)
try:
    A.c()
except TypeError as e:
    print(e)
try:
    A().s(1, 2)
except TypeError as e:
    print(e)
sm = staticmethod(lambda: 'sm')
cm = classmethod(lambda cls: cls)
print(sm.__get__(None, A)(), cm.__get__(None, A) is not None, cm.__get__(A())() is A)
class B:
    pass
B.c = classmethod(lambda cls, y: (cls.__name__, y))
print(B.c(1), B().c(2))
