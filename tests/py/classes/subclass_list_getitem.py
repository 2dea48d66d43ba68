class OneBased(list):
    def __getitem__(self, i):
        if isinstance(i, int):
            return super().__getitem__(i - 1)
        return super().__getitem__(i)
ob = OneBased([10, 20, 30])
print(ob[1], ob[3], ob[0:2], list(ob), len(ob))
print([x for x in ob], sum(ob), 20 in ob)
class Sorted(list):
    def append(self, x):
        super().append(x)
        self.sort()
s = Sorted()
for v in (3, 1, 2):
    s.append(v)
print(s, s.index(2), s.count(1))
