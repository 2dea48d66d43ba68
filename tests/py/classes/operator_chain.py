class V:
    def __init__(self, *c): self.c = c
    def __add__(self, o): return V(*(a + b for a, b in zip(self.c, o.c)))
    def __sub__(self, o): return self + (-o)
    def __neg__(self): return V(*(-a for a in self.c))
    def __mul__(self, k): return V(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __eq__(self, o): return isinstance(o, V) and self.c == o.c
    def __hash__(self): return hash(self.c)
    def __bool__(self): return any(self.c)
    def __repr__(self): return 'V' + repr(self.c)
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, -a, a * 2, 3 * a, abs(b), a == V(1, 2), bool(V(0, 0)), bool(a))
print(sum([a, b], V(0, 0)), (a + b) * 2 - a)
x = a
x += b
print(x, a, x is a)
