class U:
    def __init__(self, v): self.v = v
    def __neg__(self): return U(-self.v)
    def __pos__(self): return U(+self.v * 10)
    def __invert__(self): return U(~self.v)
    def __abs__(self): return U(abs(self.v))
    def __repr__(self): return f"U({self.v})"
u = U(-3)
print(-u, +u, ~u, abs(u), -(-u))
class Odd:
    def __neg__(self): return 'neg!'
print(-Odd())
try:
    +Odd()
except TypeError as e:
    print(e)
