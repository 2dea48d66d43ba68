class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"{type(self).__name__}({self.x}, {self.y})"
class Point3(Point):
    __slots__ = ('z',)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return super().__repr__()[:-1] + f", {self.z})"
p = Point3(1, 2, 3)
print(p, p.x, p.z)
print([n for n in ('x', 'y', 'z') if n in Point3.__dict__])
p.x = 10
print(p)
class Named(Point):
    __slots__ = ('name',)
print(Named.__mro__[1].__name__, Named.__slots__)
n = Named(0, 0)
n.name = 'origin'
print(n.name, n)
print(isinstance(n, Point), hasattr(n, '__dict__'))
