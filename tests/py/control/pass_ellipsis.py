# pass, ellipsis bodies, empty structures, semicolons, line continuation
def nothing():
    pass
def dots():
    ...
print(nothing(), dots())
class Empty:
    pass
print(type(Empty()).__name__)
for _ in range(2): pass
if True: pass
x = 1; y = 2; z = x + y
print(z)
total = (1 +
         2 +
         3)
lst = [
    1,
    2,
]
d = {'a': 1,
     'b': 2}
print(total, lst, d)
s = 1 + \
    2
print(s)
if (x == 1 and
        y == 2):
    print('multi-line condition')
print(..., type(...).__name__)
