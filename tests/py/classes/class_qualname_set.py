class A: pass
A.__name__ = 'Renamed'
print(A.__name__, A.__qualname__, repr(A))
A.__qualname__ = 'Q.R'
print(repr(A), A.__qualname__)
try:
    A.__name__ = 5
except TypeError as e:
    print(e)
try:
    A.__qualname__ = None
except TypeError as e:
    print(e)
try:
    int.__name__ = 'x'
except TypeError as e:
    print(e)
A.__module__ = 'mymod'
print(repr(A), A.__module__)
A.__doc__ = 'new doc'
print(A.__doc__)
try:
    A.__bases__ = (int,)
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
