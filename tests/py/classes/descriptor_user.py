class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print('delete', self.name)
class Person:
    name = Typed(str)
    age = Typed(int)
p = Person()
print(p.name)
p.name = 'Ann'
p.age = 30
print(p.name, p.age, sorted(vars(p)))
try:
    p.age = 'x'
except TypeError as e:
    print(e)
del p.age
print(type(Person.name).__name__)
