# type() names and reprs of builtin types and objects
objs = [1, 1.5, 'x', None, True, [], (), {}, set(), frozenset(), range(1), slice(1),
        len, print, iter([]), map(str, []), zip(), enumerate([]), reversed([]), (x for x in []), ...]
for o in objs:
    print(type(o).__name__)
print(int, float, str, list, dict, type, object, BaseException, ValueError)
print(repr(len), repr(print), repr(abs))
print(type(type(1)) is type, type(object) is type, isinstance(type, object), isinstance(object, type))
print(int.__name__, list.__qualname__, [c.__name__ for c in bool.__mro__])
