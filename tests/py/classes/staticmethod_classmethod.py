class A:
    count = 0
    @staticmethod
    def add(a, b): return a + b
    @classmethod
    def make(cls, *args):
        cls.count += 1
        return cls, args
    def inst(self): return 'inst'
class B(A): pass
print(A.add(1, 2), A().add(3, 4))
print(A.make(1), B.make(), B().make(2))
print(A.count, B.count)
sm = A.__dict__['add']
cm = A.__dict__['make']
print(type(sm).__name__, type(cm).__name__)
print(sm.__func__ is A.add, cm.__func__.__name__)
print(sm(5, 6))
print(type(A.make).__name__, A.make.__self__ is A, B().make.__self__ is B)
f = staticmethod(len)
print(f('abc') if hasattr(f, '__call__') else 'no call')
