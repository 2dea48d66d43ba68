class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and self.x == o.x
    def __hash__(self): return hash(self.x)
s = {P(1), P(1), P(2)}
print(len(s), P(1) in s, P(3) in s)
d = {P(1): 'one'}
print(d[P(1)])
class OnlyEq:
    def __eq__(self, o): return True
print(OnlyEq.__hash__)
try:
    hash(OnlyEq())
except TypeError as e:
    print(e)
try:
    {OnlyEq()}
except TypeError as e:
    print(e)
class Plain: pass
print(hash(Plain()) == hash(Plain()), type(hash(Plain())).__name__)
class Sub(P): pass
print(hash(Sub(5)) == hash(5))
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print(e)
class BadHash:
    def __hash__(self): return 'x'
try:
    hash(BadHash())
except TypeError as e:
    print(e)
class BigHash:
    def __hash__(self): return 2**70
print(hash(BigHash()) == hash(2**70))
class MinusOne:
    def __hash__(self): return -1
print(hash(MinusOne()))
