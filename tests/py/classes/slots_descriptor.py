class S:
    __slots__ = ('v',)
m = S.__dict__['v']
s = S()
m.__set__(s, 5)
print(m.__get__(s, S), s.v, m.__get__(None, S) is m)
print(m.__name__, m.__objclass__ is S)
class T:
    __slots__ = ('v',)
try:
    m.__set__(T(), 1)
except TypeError as e:
    print(e)
try:
    m.__get__(1, int)
except TypeError as e:
    print(e)
m.__delete__(s)
print(hasattr(s, 'v'))
