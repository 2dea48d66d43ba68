class Vec:
    __slots__ = ('_x', '_y')
    def __init__(self, x, y):
        self._x, self._y = x, y
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = float(v)
    @property
    def length2(self): return self._x ** 2 + self._y ** 2
    def __repr__(self): return f"Vec({self._x}, {self._y})"
    def __eq__(self, o): return (self._x, self._y) == (o._x, o._y)
    def __hash__(self): return hash((self._x, self._y))
v = Vec(3, 4)
print(v, v.x, v.length2)
v.x = 1
print(v, v == Vec(1.0, 4), len({Vec(1, 2), Vec(1, 2)}))
try:
    v.z = 1
except AttributeError as e:
    print(e)
