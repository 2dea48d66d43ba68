class Bag:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __iter__(self): return iter(self.items)
    def __contains__(self, x): return x in self.items
    def __getitem__(self, i): return self.items[i]
    def __reversed__(self): return reversed(self.items)
b = Bag(3, 1, 2)
print(len(b), list(b), sorted(b), max(b), min(b), sum(b), 2 in b, list(reversed(b)))
print(list(enumerate(b)), list(zip(b, 'abc')), tuple(b), set(b) == {1, 2, 3})
print(bool(Bag()), bool(b), ', '.join(map(str, b)), any(x > 2 for x in b))
a, *rest = b
print(a, rest, [*b], {*b} == {1, 2, 3})
