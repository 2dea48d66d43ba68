import sys
class Version:
    def __init__(self, s):
        self.s = s
        self.parts = tuple(int(p) if p.isdigit() else p for p in s.split("."))
    def __lt__(self, other):
        a, b = self.parts, other.parts
        for x, y in zip(a, b):
            if x == y:
                continue
            if type(x) != type(y):
                return isinstance(x, int) < isinstance(y, int)
            return x < y
        return len(a) < len(b)
    def __repr__(self):
        return f"V{self.s}"
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "1.a", "0.9", "2", "1.2.0", "10.0", "1.b.1"]]
print(sorted(vs))
print(sorted(vs, reverse=True)[:3])
words = "the quick brown fox jumps over the lazy dog again and again".split()
print(sorted(set(words)), sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=words.count, reverse=True)[:4])
class Bad:
    def __lt__(self, other):
        raise ValueError("cannot compare")
try:
    sorted([Bad(), Bad()])
except ValueError as e:
    print("sort failed:", e)
try:
    [3, 1].sort(key=lambda x: x / 0)
except ZeroDivisionError as e:
    print(e)
data = [{"n": "a", "s": 3}, {"n": "b", "s": 1}, {"n": "c", "s": 3}, {"n": "d", "s": 2}]
print([r["n"] for r in sorted(data, key=lambda r: r["s"], reverse=True)])
ranked = sorted(enumerate(data), key=lambda p: (-p[1]["s"], p[0]))
print([(i, r["n"]) for i, r in ranked])
print(sorted([(1, None), (0, None)]))
try:
    sorted([(1, None), (1, None), (1, 2)])
except TypeError as e:
    print(e)
print(sorted([0.5, float("inf"), -float("inf"), 2, -1]), sorted("bBaA"), sorted(["10", "9", "100"], key=int))
print(max([1, 5, 3], key=lambda v: -v), min("zebra"), sorted([[2, 1], [1, 9], [1, 2, 3]]))
big = list(range(2000, 0, -1))
big.sort()
print(big[:3], big[-3:], big == sorted(big), sys.getsizeof(0) > 0 if hasattr(sys, "getsizeof") else True)
