import sys
class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b
class S:
    __slots__ = ('a', 'b')
p = P(1, 2)
print(sys.getsizeof(p) >= sys.getsizeof(S()))
print(p.__dict__ == {'a': 1, 'b': 2}, type(p.__dict__).__name__)
print(sys.getsizeof(p.__dict__) > 0)
