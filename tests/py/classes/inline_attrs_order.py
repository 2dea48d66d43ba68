class A:
    pass
a = A()
a.x = 1
a.y = 2
b = A()
b.y = 'y'
b.x = 'x'
print(vars(a), vars(b))
c = A()
for i in range(10):
    setattr(c, 'attr%d' % i, i)
print(vars(c))
print(c.attr0, c.attr9, len(vars(c)))
d = A()
d.p = 1
d.q = 2
del d.p
d.p = 3
print(vars(d), d.p, d.q)
try:
    del d.zz
except AttributeError as e:
    print(e)
name = ''.join(['dyn', 'amic'])
setattr(d, name, 'v')
print(getattr(d, name), d.dynamic, vars(d))
