import math

class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.2f})"
    def __lt__(self, other):
        if not isinstance(other, Shape):
            return NotImplemented
        return self.area() < other.area()
    def __eq__(self, other):
        if not isinstance(other, Shape):
            return NotImplemented
        return self.area() == other.area()
    def __hash__(self):
        return hash(round(self.area(), 6))

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
    @property
    def diameter(self):
        return 2 * self.r
    @diameter.setter
    def diameter(self, d):
        if d <= 0:
            raise ValueError("diameter must be positive")
        self.r = d / 2

class Rect(Shape):
    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s, name="square")
    @classmethod
    def unit(cls):
        return cls(1)
    @staticmethod
    def describe():
        return "four equal sides"

shapes = [Circle(1), Rect(2, 3), Square(2), Square.unit(), Circle(0.5)]
for s in sorted(shapes):
    print(s)
print(max(shapes), min(shapes))
print(Shape.count, Square.describe(), Square.unit().area())
c = Circle(2)
print(c.diameter)
c.diameter = 10
print(c.r, c)
try:
    c.diameter = -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    Shape("x").area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(Square(2) == Rect(1, 4), Square(2) == 4, Square(2) != Rect(2, 2))
print(len({Square(2), Rect(1, 4), Rect(4, 1), Circle(1)}))
print(isinstance(Square(1), Rect), issubclass(Square, Shape), Square.__mro__)
print(Square.__name__, Square.__qualname__, Square.__bases__, type(c).__module__)
print([cls.__name__ for cls in Shape.__subclasses__()])
print(hasattr(c, "r"), getattr(c, "zz", "default"), vars(Rect(1, 2)))
try:
    Circle(1) < 3
except TypeError as e:
    print(e)
try:
    print(c.missing)
except AttributeError as e:
    print(e)
del c.r
try:
    c.area()
except AttributeError as e:
    print(e)
print(type(Circle.diameter), type(Circle.area), Square.unit)
