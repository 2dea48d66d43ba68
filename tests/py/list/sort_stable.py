# sorted/sort: stability, key functions, reverse
recs = [('bob', 25), ('alice', 30), ('carol', 25), ('dave', 30), ('eve', 22)]
print(sorted(recs))
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted(recs, key=lambda r: (-r[1], r[0])))
byname = sorted(recs, key=lambda r: r[0])
print(sorted(byname, key=lambda r: r[1]))
print(sorted([3, -1, -4, 2], key=abs), sorted([3, -1, -4, 2], key=abs, reverse=True))
print(sorted('Banana'), sorted([2.5, 1, True, 0]))
print(sorted([[2, 1], [1, 2], [1], []]))
data = list(range(20))
data.sort(key=lambda v: v % 3)
print(data)
data.sort(key=lambda v: v % 3, reverse=True)
print(data)
big = [(i * 7919) % 1000 for i in range(200)]
s = sorted(big)
print(s[:10], s[-5:], s == sorted(s), len(s))
print(sorted([], reverse=True), sorted((3, 1, 2)), sorted({3: 'a', 1: 'b'}))
try:
    sorted([1, None])
except TypeError as e:
    print(type(e).__name__, e)
