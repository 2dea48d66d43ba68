class Multiplier:
    def __init__(self, k): self.k = k
    def __call__(self, *args, **kwargs):
        return [a * self.k for a in args], sorted(kwargs)
m = Multiplier(3)
print(m(1, 2), m(*[4], **{'z': 1, 'a': 2}))
print(sorted([3, 1, 2], key=Multiplier(-1).__call__))
class Factory:
    def __call__(self):
        return Factory
print(Factory()()() is Factory)
class Meth:
    def __call__(self, x):
        return x + 1
class Holder:
    inc = Meth()
print(Holder().inc(1), Holder.inc(5))
