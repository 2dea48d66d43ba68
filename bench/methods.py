# methods.py - method calls and attribute access on class instances:
# bound method calls, attribute loads/stores, inheritance + super(),
# properties, class attributes, isinstance.
import sys


class Vec:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scale_inplace(self, k):
        self.x = self.x * k % 10007
        self.y = self.y * k % 10007

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


class Counter:
    def __init__(self):
        self.count = 0
        self.total = 0

    def bump(self, v):
        self.count += 1
        self.total += v
        return self


class Base:
    def __init__(self, v):
        self.v = v

    def value(self):
        return self.v

    def describe(self):
        return self.value() + 1


class Derived(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w

    def value(self):
        return super().value() * 2 + self.w


def main(scale):
    n = int(700000 * scale)
    a = Vec(1, 2)
    b = Vec(3, 5)
    acc = 0
    c = Counter()
    for i in range(n):
        a = a.add(b)
        a.scale_inplace(3)
        acc += a.dot(b) + a.norm1 + Vec.dims
        c.bump(i).bump(1)
    objs = [Derived(i, i & 3) if i % 2 else Base(i) for i in range(1000)]
    s = 0
    for _ in range(int(300 * scale)):
        for o in objs:
            s += o.describe()
            if isinstance(o, Derived):
                s -= o.w
    print("methods checksum", acc % 1000000007, c.count, c.total, s)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
