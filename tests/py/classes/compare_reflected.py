class Num:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print('lt', type(o).__name__); return self.v < (o.v if isinstance(o, Num) else o)
    def __gt__(self, o):
        print('gt', type(o).__name__); return self.v > (o.v if isinstance(o, Num) else o)
    def __eq__(self, o):
        print('eq'); return self.v == (o.v if isinstance(o, Num) else o)
print(1 < Num(2))
print(5 > Num(2))
print(3 == Num(3))
print(Num(1) < 2)
class Sub(Num):
    def __gt__(self, o):
        print('Sub.gt'); return True
print(Num(1) < Sub(0))
