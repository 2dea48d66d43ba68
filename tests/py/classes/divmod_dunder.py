class D:
    def __init__(self, v): self.v = v
    def __divmod__(self, o): return ('divmod', self.v, o)
    def __rdivmod__(self, o): return ('rdivmod', o, self.v)
print(divmod(D(7), 2), divmod(9, D(4)))
class E:
    pass
try:
    divmod(E(), 2)
except TypeError as e:
    print(e)
try:
    divmod(2, E())
except TypeError as e:
    print(e)
