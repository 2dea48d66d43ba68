class Celsius(float):
    def to_f(self):
        return self * 9 / 5 + 32
c = Celsius(100)
print(c, c.to_f(), c + 1, type(c + 1).__name__, repr(c), isinstance(c, float))
class TagSet(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)
        return self
t = TagSet()
print(sorted(t.add_all(3, 1, 2)), len(t), 2 in t, type(t).__name__)
class FS(frozenset):
    pass
print(sorted(FS([1, 2])), type(FS([1])).__name__)
