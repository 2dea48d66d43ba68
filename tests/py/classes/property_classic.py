class T:
    def __init__(self): self._v = 0
    def getv(self): return self._v
    def setv(self, v): self._v = v * 2
    def delv(self): self._v = None
    v = property(getv, setv, delv, 'the v')
t = T()
t.v = 4
print(t.v)
del t.v
print(t.v, T.v.__doc__)
p = property(lambda s: 1)
q = p.setter(lambda s, v: None)
print(p is q, q.fset is not None, p.fset)
class Sub(T):
    @T.v.getter
    def v(self): return 'sub:' + str(self._v)
s = Sub()
s.v = 3
print(s.v)
