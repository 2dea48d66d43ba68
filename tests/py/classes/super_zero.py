class Base:
    def __init__(self, x):
        self.x = x
    def describe(self):
        return f"Base({self.x})"
    @classmethod
    def make(cls):
        return f"make {cls.__name__}"
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def describe(self):
        return "Child:" + super().describe() + f"+{self.y}"
    @classmethod
    def make(cls):
        return "child " + super().make()
c = Child(1, 2)
print(c.x, c.y, c.describe())
print(Child.make())
print(c.make())
