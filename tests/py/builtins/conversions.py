# constructors: str, int, float, bool, list, tuple, dict, set, frozenset, repr
print(str(5), str(-0.5), str(None), str([1, 'a']), repr('a'), repr([1, 'a']))
print(int(), float(), bool(), list(), tuple(), dict(), set(), frozenset(), str())
print(int('7'), int(7.9), int(-7.9), float('7.5'), float(3), bool('False'), bool(0.0))
print(list('abc'), list((1, 2)), list({'a': 1}), list(range(3)), list({3: 0}.items()))
print(tuple([1, 2]), tuple('xy'), dict([(1, 2)]), dict(a=1), sorted(set('aab')), sorted(frozenset([3, 1])))
print(list(map(float, ['1', '2.5', '-inf'])), [bool(x) for x in [0, 1, '', ' ', [], [[]]]])
print(repr(1.0), repr(-0.0), repr(10**20), repr(1e20), repr(None), repr(True), repr(...))
print(str(...), repr(NotImplemented), Ellipsis is ..., type(...).__name__)
print(chr(65), ord('A'), hex(255), oct(8), bin(5), hex(-1), bin(0))
print(int(' 12 '), int('-0b11', 0), float(' -1.5e2 '), int(float('1e5')))
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    float([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
