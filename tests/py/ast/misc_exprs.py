x = a if b else (c, d)
y = [i for i in range(10) if i % 2 if i > 3]
z = not not a
w = a < b == c
v = lambda x: (yield)
u = (a for b in c for d in e)
t = a[b][c](d).e
s = -a.b ** -c[d]
