# tuple packing/unpacking idioms: swap, rotate, multiple return, star-unpack
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
x = [5, 6, 7]
x[0], x[2] = x[2], x[0]
print(x)
def stats(*vals):
    return min(vals), max(vals), sum(vals) / len(vals)
lo, hi, mean = stats(3, 9, 6)
print(lo, hi, mean)
head, *tail = (1, 2, 3)
print(head, tail, type(tail).__name__)
*_, last = 'xyz'
print(last)
pairs = [(1, 'a'), (2, 'b')]
print([n for n, _ in pairs], [s for _, s in pairs])
coords = ((0, 0), (3, 4), (-1, 1))
for i, (px, py) in enumerate(coords):
    print(i, px, py, (px * px + py * py) ** 0.5)
print(tuple((b, a) for a, b in pairs))
