# list slice assignment/deletion edge cases and negative steps
a = list(range(10))
print(a[-3:-1], a[-1:-3], a[8:2:-2], a[::-3], a[5::-1], a[:5:-1])
b = a[:]
b[2:2] = [100, 101]
print(b)
b[-2:] = []
print(b)
b[::3] = ['x'] * len(b[::3])
print(b)
c = [1, 2, 3]
c[5:] = [4]
print(c)
c[:-10] = [0]
print(c)
d = list('abcdef')
d[1:5:2] = ['B', 'D']
del d[-1::-2]
print(d)
e = [1, 2, 3, 4]
e[1:3] = range(5)
print(e)
e[:] = (x * 2 for x in e)
print(e)
f = [0] * 4
f[-1:-5:-1] = 'wxyz'
print(f)
try:
    f[::2] = [1]
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    f[0:2] = 5
except TypeError as ex:
    print(type(ex).__name__, ex)
