import sys
def depth(n):
    return depth(n + 1)
try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)
def ackermann(m, n):
    if m == 0: return n + 1
    if n == 0: return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(3, 3))
sys.setrecursionlimit(5000)
def sumto(n):
    return 0 if n == 0 else n + sumto(n - 1)
print(sumto(3000))
class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, list(kids)
    def __repr__(self):
        return f"T({self.v}{', ' if self.kids else ''}{', '.join(map(repr, self.kids))})"
    def size(self):
        return 1 + sum(k.size() for k in self.kids)
    def walk(self, depth=0):
        yield depth, self.v
        for k in self.kids:
            yield from k.walk(depth + 1)
t = Tree(1, [Tree(2, [Tree(4)]), Tree(3, [Tree(5), Tree(6, [Tree(7)])])])
print(t, t.size())
for d, v in t.walk():
    print("  " * d + str(v))
def infinite(x):
    return infinite(x) + 1
sys.setrecursionlimit(1000)
infinite(1)
