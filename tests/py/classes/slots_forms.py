class A:
    __slots__ = 'x'
class B:
    __slots__ = ['y', 'z']
class C:
    __slots__ = ()
class D:
    __slots__ = iter(['w'])
a = A(); a.x = 1
b = B(); b.y = 2; b.z = 3
print(a.x, b.y, b.z, A.__slots__, B.__slots__, C.__slots__)
c = C()
try:
    c.anything = 1
except AttributeError as e:
    print(e)
d = D(); d.w = 4
print(d.w)
for bad in (1, [1], ['a b'], ['__dict__', '__dict__']):
    try:
        type('E', (), {'__slots__': bad})
    except TypeError as e:
        print(e)
try:
    class F:
        __slots__ = ('v',)
        v = 1
except ValueError as e:
    print(e)
