class Vector:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x; self.y = y
    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y) if isinstance(o, Vector) else NotImplemented
    def __sub__(self, o):
        return Vector(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vector) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
    def __iter__(self):
        yield self.x
        yield self.y
    def __bool__(self):
        return bool(self.x or self.y)
    def __format__(self, spec):
        return f"<{self.x:{spec}}, {self.y:{spec}}>"

v, w = Vector(1, 2), Vector(3, 4)
print(v + w, v - w, v * 3, 3 * v, -v, abs(w), v == Vector(1, 2), v != w)
print(list(v), tuple(w), dict(zip("xy", w)), bool(Vector(0, 0)), f"{w:.2f}", format(v, "03d"))
x, y = w
print(x, y, {v, Vector(1, 2), w} == {v, w})
try:
    v.z = 5
except AttributeError as e:
    print(e)
try:
    v + 1
except TypeError as e:
    print(e)
v += w
print(v)

class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            r, c = idx
            return self.rows[r][c]
        return self.rows[idx]
    def __setitem__(self, idx, val):
        r, c = idx
        self.rows[r][c] = val
    def __len__(self):
        return len(self.rows)
    def __contains__(self, v):
        return any(v in r for r in self.rows)
    def __matmul__(self, o):
        cols = list(zip(*o.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __call__(self, scale):
        return Matrix([[x * scale for x in r] for r in self.rows])
    def __repr__(self):
        w = max(len(str(x)) for r in self.rows for x in r)
        return "\n".join(" ".join(str(x).rjust(w) for x in r) for r in self.rows)

m = Matrix([[1, 2], [3, 4]])
print(m @ m)
print(m[1, 0], m[0], len(m), 4 in m, 9 in m)
m[0, 0] = 10
print(m(2))
print(m[::-1] if False else m.rows[::-1])

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)), sum(Countdown(100)), max(Countdown(3)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))

class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), list(reversed([1, 2, 3])))

class Temp:
    def __init__(self, c): self.c = c
    def __lt__(self, o): return self.c < o.c
    def __le__(self, o): return self.c <= o.c
    def __repr__(self): return f"{self.c}C"
ts = [Temp(30), Temp(-5), Temp(12)]
print(sorted(ts), max(ts), Temp(1) > Temp(0), Temp(1) >= Temp(2))
