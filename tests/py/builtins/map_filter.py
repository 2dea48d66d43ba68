# map and filter, lazily evaluated
print(list(map(len, ['a', 'bb', ''])), list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])))
print(list(map(str.upper, 'abc')), list(map(int, ['1', '-2', ' 3 '])))
print(list(filter(lambda x: x > 2, [1, 5, 2, 7])), list(filter(None, [0, '', None, 3, 'a'])))
print(list(filter(str.isdigit, 'a1b22c')))
def noisy(x):
    print('calling', x)
    return x * 10
m = map(noisy, [1, 2, 3])
print('map created')
print(next(m))
print(list(m))
print(list(m))
f = filter(lambda v: v % 2, range(10))
print(next(f), next(f), list(f))
print(sum(map(int, '12345')), max(map(abs, [-7, 3])))
print(list(map(pow, [2, 3, 4], [2, 2])))
try:
    list(map(int, ['1', 'x']))
except ValueError as e:
    print(type(e).__name__, e)
try:
    map(5, [1])
    list(map(5, [1]))
except TypeError as e:
    print(type(e).__name__, e)
