class S:
    __slots__ = ('p', 'q')
    def __init__(self, p):
        self.p = p
s = S(1)
print(s.p)
try:
    s.q
except AttributeError as e:
    print(e)
s.q = 2
print(s.p, s.q)
try:
    s.r = 3
except AttributeError as e:
    print(e)
print(hasattr(s, '__dict__'))
try:
    s.__dict__
except AttributeError as e:
    print(e)
del s.q
try:
    del s.q
except AttributeError as e:
    print(e)
print(type(S.p).__name__, repr(S.p), S.__slots__)
print(sorted(k for k in S.__dict__ if not k.startswith('__') or k == '__slots__'))
