class MyInt(int):
    def double(self):
        return self * 2
    def __repr__(self):
        return f"MyInt({int(self)})"
m = MyInt(21)
print(m.double(), m, m + 1, type(m + 1).__name__, str(m), int(m), hash(m) == hash(21))
print(isinstance(m, int), m == 21, m < 22, [0, 1][MyInt(1)], -m, abs(MyInt(-3)))
class Even(int):
    def __add__(self, o):
        return Even(int(self) + o + 1)
print(Even(2) + 2, type(Even(2) + 2).__name__, 2 + Even(2))
print(MyInt('12'), MyInt(3.9), MyInt('ff', 16))
class B(int): pass
b = B(5)
print(b, b ** 2, divmod(b, 2), f"{b:04d}")
print(sorted([MyInt(3), 1, MyInt(2)]))
