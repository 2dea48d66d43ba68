# getattr/setattr/hasattr/delattr/vars/callable on simple objects
class Box:
    size = 3
    def area(self):
        return self.size * self.size
b = Box()
print(getattr(b, 'size'), getattr(b, 'missing', 'dflt'), hasattr(b, 'area'), hasattr(b, 'nope'))
setattr(b, 'size', 5)
setattr(b, 'color', 'red')
print(b.size, b.color, b.area(), Box.size, vars(b))
delattr(b, 'color')
print(hasattr(b, 'color'), vars(b))
del b.size
print(b.size, vars(b))
print(callable(len), callable(b.area), callable(Box), callable(5), callable('x'), callable(lambda: 0))
print(getattr('abc', 'upper')(), getattr([], 'append') is not None, getattr(5, 'real'))
try:
    getattr(b, 'missing')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(b, 'missing')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    setattr(5, 'x', 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(b, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
