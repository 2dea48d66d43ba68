class Temp:
    def __init__(self, v): self.v = v
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __round__(self, nd=None):
        return f"round({self.v}, {nd})"
    def __abs__(self): return abs(self.v)
t = Temp(3.7)
print(int(t), float(t), round(t), round(t, 2), abs(Temp(-2)))
class I:
    def __index__(self): return 7
print(int(I()), float(I()) if False else 'skip')
class BadInt:
    def __int__(self): return 'x'
class BadFloat:
    def __float__(self): return 1
for f, o in ((int, BadInt()), (float, BadFloat())):
    try:
        f(o)
    except TypeError as e:
        print(e)
class Nothing: pass
for f in (int, float, round):
    try:
        f(Nothing())
    except TypeError as e:
        print(e)
