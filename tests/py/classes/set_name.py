class Field:
    def __set_name__(self, owner, name):
        print('__set_name__', owner.__name__, name)
        self.owner = owner
        self.name = name
class Model:
    a = Field()
    b = Field()
print(Model.a.name, Model.b.owner is Model)
f = Field()
class Late: pass
Late.c = f
print(hasattr(f, 'name'))
