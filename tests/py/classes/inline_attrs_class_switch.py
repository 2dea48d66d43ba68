class A:
    pass
class B:
    def show(self):
        return sorted(vars(self).items())
a = A()
a.one = 1
a.two = 2
a.__class__ = B
print(a.show(), a.one, a.two)
a.three = 3
print(a.show())
class P:
    def __init__(self):
        self.u = 1
        self.v = 2
p = P()
d = p.__dict__
d['w'] = 3
p.x = 4
print(p.w, vars(p), d is p.__dict__)
p.__dict__ = {'only': 1}
print(vars(p))
try:
    p.u
except AttributeError as e:
    print(e)
