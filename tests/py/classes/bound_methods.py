class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def add(self, n, m=0):
        return self.v + n + m
a = A(5)
m = a.get
print(m())
print(m.__self__ is a, m.__func__ is A.get)
print(m.__name__, m.__qualname__)
print(A.get(a))
f = a.add
print(f(1), f(1, m=2), f(n=3))
print(a.get == a.get, a.get is a.get)
b = A(5)
print(a.get == b.get)
methods = [A(i).get for i in range(3)]
print([g() for g in methods])
print(type(a.get).__name__, type(A.get).__name__)
