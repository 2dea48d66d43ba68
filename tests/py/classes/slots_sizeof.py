import sys
class S0:
    __slots__ = ()
class S2:
    __slots__ = ('a', 'b')
class S4:
    __slots__ = ('a', 'b', 'c', 'd')
class P:
    pass
a, b, c = sys.getsizeof(S0()), sys.getsizeof(S2()), sys.getsizeof(S4())
print(b - a, c - b)
print(sys.getsizeof(P()) > a)
class Sub(S2):
    __slots__ = ('c',)
print(sys.getsizeof(Sub()) - sys.getsizeof(S2()))
