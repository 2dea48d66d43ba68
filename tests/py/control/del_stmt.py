# del statement on names, items, slices, attributes
x = 5
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
lst = [0, 1, 2, 3, 4, 5]
del lst[1], lst[-1]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['a'], d['c']
print(d)
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
nested = [[1, 2], [3, 4]]
del nested[0][1]
print(nested)
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return type(e).__name__ + ': ' + str(e)
print(f())
try:
    del undefined_name
except NameError as e:
    print(type(e).__name__, e)
