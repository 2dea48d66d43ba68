class A:
    x = 1
    def f(self): pass
d = A.__dict__
print(type(d).__name__)
print(d['x'], 'f' in d, 'y' in d, d.get('y', 'none'))
print(sorted(k for k in d if not k.startswith('__')))
try:
    d['y'] = 2
except TypeError as e:
    print(e)
try:
    del d['x']
except TypeError as e:
    print(e)
A.y = 5
print(d['y'], A.__dict__['y'])
print(len(d) == len(list(d.keys())))
print(sorted(k for k, v in d.items() if not k.startswith('__')))
print(type(A.__dict__['f']).__name__)
