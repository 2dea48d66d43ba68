class Foo: pass
f = Foo()
try:
    f.x
except AttributeError as e:
    print(e)
try:
    del f.x
except AttributeError as e:
    print(e)
try:
    Foo.x
except AttributeError as e:
    print(e)
try:
    del Foo.x
except AttributeError as e:
    print(e)
try:
    getattr(f, 1)
except TypeError as e:
    print(e)
try:
    setattr(f, 2, 3)
except TypeError as e:
    print(e)
try:
    (1).x
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    int.x = 1
except TypeError as e:
    print(e)
try:
    [].append = 1
except AttributeError as e:
    print(e)
try:
    f.__class__ = 5
except TypeError as e:
    print(e)
