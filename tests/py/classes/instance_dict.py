class A:
    def __init__(self):
        self.a = 1
        self.b = 2
x = A()
print(x.__dict__)
x.c = 3
print(x.__dict__)
x.__dict__['d'] = 4
print(x.d)
del x.a
print(x.__dict__)
print(vars(x))
x.__dict__ = {'z': 26}
print(x.z, vars(x))
try:
    x.a
except AttributeError as e:
    print(e)
try:
    x.__dict__ = 5
except TypeError as e:
    print(e)
y = A()
print(sorted(y.__dict__.items()))
