def step(cells, w, h):
    new = set()
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    p = ((x + dx) % w, (y + dy) % h)
                    counts[p] = counts.get(p, 0) + 1
    for p, n in counts.items():
        if n == 3 or (n == 2 and p in cells):
            new.add(p)
    return new

def show(cells, w, h):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(w)) for y in range(h))

glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
cells = glider
for gen in range(4):
    print(f"gen {gen}: {len(cells)} alive")
    print(show(cells, 8, 6))
    cells = step(cells, 8, 6)
cells = {(x, y) for x in range(20) for y in range(20) if (x * 7 + y * 13) % 5 == 0}
for _ in range(50):
    cells = step(cells, 20, 20)
print(len(cells), sorted(cells)[:5])
def matmul(a, b):
    return [[sum(x * y for x, y in zip(r, c)) for c in zip(*b)] for r in a]
def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
def mpow(m, k):
    r = identity(len(m))
    while k:
        if k & 1: r = matmul(r, m)
        m = matmul(m, m); k >>= 1
    return r
print(mpow([[1, 1], [1, 0]], 300)[0][1])
def det(m):
    if len(m) == 1: return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
print(det([[2, -3, 1], [2, 0, -1], [1, 4, 5]]), det([[1.5, 2], [3, 4]]))
def transpose(m): return [list(r) for r in zip(*m)]
print(transpose([[1, 2, 3], [4, 5, 6]]))
def primes(n):
    sieve = [True] * (n + 1); sieve[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(sieve) if p]
ps = primes(100000)
print(len(ps), ps[-3:], sum(ps) % 1000003)
