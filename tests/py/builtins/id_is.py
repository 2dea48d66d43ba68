# identity: is / is not for singletons and shared objects (never printing id())
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None), True is True)
x = None
print(x is None, x is not None, x == None)
def f():
    pass
print(f() is None, print is print, len is len)
t = ()
u = t
print(t is u, t == ())
s = 'interned'
print(s is s, s == 'interned')
d = {}
e = d
e['k'] = 1
print(d, d is e)
print(id(a) == id(b), id(a) == id(c))
