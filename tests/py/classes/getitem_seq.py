class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
s = Squares()
print(s[3], list(s), [x for x in s if x % 2])
print(list(reversed([s[i] for i in range(5)])))
class Grid:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d.get(k, 0)
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
g = Grid()
g[1, 2] = 5
g['a'] = 1
print(g[1, 2], g[0, 0], g['a'])
del g[1, 2]
print(g[1, 2], g.d)
try:
    del g['zz']
except KeyError as e:
    print('KeyError', e)
