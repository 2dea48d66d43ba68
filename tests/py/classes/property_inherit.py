class Base:
    def __init__(self): self._x = 1
    @property
    def x(self): return self._x
    @property
    def double(self): return self.x * 2
class Child(Base):
    @property
    def x(self): return 100
print(Base().double, Child().double)
class Child2(Base):
    @Base.x.setter
    def x(self, v): self._x = v
c = Child2()
c.x = 7
print(c.x, c.double)
try:
    Base().x = 1
except AttributeError as e:
    print(e)
class Computed:
    count = 0
    @property
    def tick(self):
        Computed.count += 1
        return Computed.count
k = Computed()
print(k.tick, k.tick, k.tick)
