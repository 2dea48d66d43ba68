class Const:
    def __init__(self, v): self.v = v
    def __get__(self, obj, owner):
        return self.v
    def __set__(self, obj, v):
        raise AttributeError('constant')
class Meta(type):
    pass
class A:
    PI = Const(3)
a = A()
print(a.PI, A.PI)
try:
    a.PI = 4
except AttributeError as e:
    print(e)
A.PI = 'replaced'
print(A.PI, a.PI)
class Counter:
    def __init__(self): self.n = 0
    def __get__(self, obj, owner):
        self.n += 1
        return self.n
class B:
    hits = Counter()
b = B()
print(b.hits, b.hits, B.hits)
