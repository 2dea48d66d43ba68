class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __eq__(self, o): return self.v == o.v
    def __repr__(self): return f"V({self.v})"
a, b = V(1), V(2)
print(a < b, a <= b, a == b, a != b, a > b, a >= b)
print(sorted([V(3), V(1), V(2)]))
print(max([V(3), V(9), V(2)]), min(V(4), V(0)))
print(a == V(1), a != V(1))
print(V(1) in [V(0), V(1)])
class NE:
    def __ne__(self, o): return 'ne-called'
print(NE() != 1, NE() == NE())
