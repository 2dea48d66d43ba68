class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm1(self):
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p.x, p.y, p.norm1())
print(Point.dims, p.dims)
print(Point.__name__, Point.__qualname__, Point.__module__)
print(Point.__doc__)
print(type(p) is Point, type(p).__name__)
p.dims = 3
print(p.dims, Point.dims)
del p.dims
print(p.dims)
