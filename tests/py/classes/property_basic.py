class Circle:
    def __init__(self, r): self._r = r
    @property
    def radius(self):
        "The radius."
        return self._r
    @radius.setter
    def radius(self, v):
        if v < 0: raise ValueError('negative')
        self._r = v
    @radius.deleter
    def radius(self):
        print('deleting'); del self._r
    @property
    def area(self):
        return 3 * self._r ** 2
c = Circle(2)
print(c.radius, c.area)
c.radius = 5
print(c.radius, c.area)
try:
    c.radius = -1
except ValueError as e:
    print(e)
del c.radius
print(hasattr(c, '_r'))
print(Circle.radius.__doc__, type(Circle.radius).__name__)
print(Circle.radius.fget.__name__, Circle.area.fset)
