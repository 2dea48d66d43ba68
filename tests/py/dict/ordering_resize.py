# insertion order is preserved through resizing, deletion and re-insertion
d = {}
for i in range(1000):
    d[i * 7 % 1000] = i
print(len(d), list(d)[:10], list(d)[-5:])
for i in range(0, 1000, 2):
    del d[i]
print(len(d), list(d)[:10])
for i in range(0, 20, 2):
    d[i] = 'again'
print(list(d)[-10:], d[4])
s = {}
for i in range(100000):
    s[str(i)] = i
print(len(s), s['99999'], s['0'], list(s)[-1])
t = {}
for i in range(50):
    t[i] = i
    if i % 3 == 0:
        del t[i]
print(list(t)[:12], len(t))
o = {'z': 1, 'a': 2, 'm': 3}
o['a'] = 20
print(o)
del o['z']
o['z'] = 1
print(o, list(o.items()))
big = {n: n * n for n in range(10**4)}
print(sum(big.values()), big[9999])
for n in list(big):
    if n >= 3:
        del big[n]
print(big)
