class Rec:
    __slots__ = tuple('f%d' % i for i in range(20))
    def __init__(self):
        for i, n in enumerate(self.__slots__):
            setattr(self, n, i * i)
r = Rec()
print(r.f0, r.f5, r.f19, sum(getattr(r, n) for n in Rec.__slots__))
objs = [Rec() for _ in range(100)]
print(sum(o.f3 for o in objs))
