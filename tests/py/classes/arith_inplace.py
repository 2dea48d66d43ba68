class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(o); return self
    def __isub__(self, o):
        self.items.remove(o); return self
    def __imul__(self, n):
        self.items = self.items * n; return self
    def __ior__(self, o):
        self.items.append(('or', o)); return self
    def __ipow__(self, o): return 'pow-result'
a = Acc()
b = a
a += 1
a += 2
a -= 1
a *= 2
a |= 9
print(a is b, a.items)
a **= 3
print(a)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 5
print(x.v, y.v, x is y)
l = [1]
class Wrap:
    def __init__(self): self.l = [0]
w = Wrap()
w.l += [1]
print(w.l)
class ItemHolder:
    def __init__(self): self.d = {'k': 1}
    def __getitem__(self, k):
        print('get', k); return self.d[k]
    def __setitem__(self, k, v):
        print('set', k, v); self.d[k] = v
h = ItemHolder()
h['k'] += 10
print(h.d)
class NI:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return 'fallback add'
n = NI()
n += 1
print(n)
