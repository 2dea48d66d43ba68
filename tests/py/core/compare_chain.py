# comparisons, including chained and mixed types
x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4 < 5, 5 > 4 > 4)
print(x == 5 == 5.0, 1 == 1.0 == True)
print(1 < 2.5, 2.5 < 3, 10**20 > 1e19, 10**400 > 1e308)
print(-(10**400) < -1e308, 10**400 < float('inf'))
print('a' < 'b', 'abc' < 'abd', 'ab' < 'abc', 'B' < 'a', '' < 'a')
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), [] == [])
print((1, 2) == (1, 2), (1, 2) != (2, 1), [1] == (1,))
print(None is None, None == None, None != 0)
print(1 != 2 != 1, x is not None)
def f(v):
    print('eval', v)
    return v
print(f(1) < f(2) < f(0) < f(5))
print(f(3) < f(2) < f(9))
try:
    print(1 < 'a')
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([1] < (1,))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(None < 1)
except TypeError as e:
    print(type(e).__name__, e)
print(1 == 'a', [1] != 'x')
