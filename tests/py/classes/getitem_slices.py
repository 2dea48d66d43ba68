class Rec:
    def __getitem__(self, k):
        return k
    def __setitem__(self, k, v):
        print('set', k, v)
    def __delitem__(self, k):
        print('del', k)
r = Rec()
print(r[1:2], r[::2], r[1:2:3], r[:], r[1:], r[:, 1], r[..., 1:2])
print(type(r[1:2]).__name__, r[1:5].start, r[1:5].stop, r[1:5].step)
r[1:3] = [9]
del r[::2]
r[0] = 1
class L:
    def __init__(self, data): self.data = list(data)
    def __getitem__(self, k):
        if isinstance(k, slice):
            return L(self.data[k])
        return self.data[k]
    def __len__(self): return len(self.data)
    def __repr__(self): return f"L({self.data})"
x = L(range(10))
print(x[2:5], x[::-3], x[-1], len(x[1:4]))
print(slice(1, 10, 2).indices(5))
