o = object()
print(type(o).__name__, repr(o).startswith('<object object at'))
try:
    o.x = 1
except AttributeError as e:
    print(e)
print(hasattr(o, '__dict__'), object.__doc__.splitlines()[0])
class A(object): pass
print(A.__bases__, object.__bases__, object.__mro__)
print(object.__name__, object.__qualname__, object.__module__, type.__module__)
print(isinstance(object, type), type(object), type(type) is type)
print(object.__base__, A.__base__, bool.__base__, bool.__mro__)
