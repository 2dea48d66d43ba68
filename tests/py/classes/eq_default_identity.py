class A: pass
a, b = A(), A()
print(a == a, a == b, a != b, a is a, [a].count(a), [a, b].index(b))
print(a in [b], a in [a], {a: 1}[a])
class E:
    def __eq__(self, o):
        return NotImplemented
e = E()
print(e == e, e == E(), e != e)
class AlwaysEq:
    def __eq__(self, o): return True
    __hash__ = object.__hash__
x = AlwaysEq()
print(x == 1, 1 == x, x != 1, len({x, AlwaysEq()}))
