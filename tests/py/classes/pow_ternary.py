class M:
    def __init__(self, v): self.v = v
    def __pow__(self, e, mod=None):
        return ('pow', self.v, e, mod)
    def __rpow__(self, b, mod=None):
        return ('rpow', b, self.v, mod)
print(M(2) ** 3, pow(M(2), 3), pow(M(2), 3, 5), 2 ** M(3))
x = M(1)
x **= 2
print(x)
