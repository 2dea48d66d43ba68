class A:
    x = 1
    def f(self): pass
class B(A):
    y = 2
b = B()
b.z = 3
names = dir(b)
print([n for n in names if not n.startswith('__')])
print('__init__' in names, '__class__' in names, names == sorted(names))
print([n for n in dir(B) if not n.startswith('__')])
class WithDir:
    def __dir__(self):
        return ['b', 'a', 'c']
print(dir(WithDir()))
