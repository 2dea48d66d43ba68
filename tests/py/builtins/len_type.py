# len, type, isinstance, issubclass
for obj in ['abc', [1, 2], (1,), {'a': 1}, {1, 2, 3}, range(10), '', frozenset([1])]:
    print(type(obj).__name__, len(obj))
print(type(1), type('s'), type(None), type(len), type(type))
print(type(1) is int, type(True) is bool, type(1.5) == float)
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance('x', (int, str)))
print(isinstance([], list), isinstance((), list), isinstance({}, dict), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(str, (int, str)))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, 'int')
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
print(type('abc')('xyz'), type(5)('12'), type([])(range(2)))
