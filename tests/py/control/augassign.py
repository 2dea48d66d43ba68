# augmented assignment to names, subscripts, attributes; evaluation order
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 5
print(lst)
d = {'k': 1}
d['k'] += 1
d.setdefault('n', []).append(1)
d['n'] += [2]
print(d)
def idx():
    print('index evaluated')
    return 1
arr = [0, 0]
arr[idx()] += 5
print(arr)
s = 'a'
for c in 'bcd':
    s += c
print(s)
t = (1, 2)
try:
    t[0] += 1
except TypeError as e:
    print(type(e).__name__, e)
x = 7
x //= 2; x **= 2; x -= 1; x %= 5
print(x)
f = 1.5
f *= 2; f /= 4; f -= 0.25
print(f)
b = True
b += 1
print(b, type(b).__name__)
big = 1
for _ in range(100):
    big *= 3
print(big)
