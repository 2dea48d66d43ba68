def lcs(a, b):
    m, n = len(a), len(b)
    t = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m):
        for j in range(n):
            t[i + 1][j + 1] = t[i][j] + 1 if a[i] == b[j] else max(t[i][j + 1], t[i + 1][j])
    out = []
    i, j = m, n
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1]); i -= 1; j -= 1
        elif t[i - 1][j] >= t[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out))

def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

def knapsack(items, cap):
    best = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + v)
    return best[cap]

memo = {}
def fib(n):
    if n in memo: return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r

def coin_ways(coins, total):
    ways = [1] + [0] * total
    for c in coins:
        for s in range(c, total + 1):
            ways[s] += ways[s - c]
    return ways[total]

def lis(seq):
    tails = []
    for x in seq:
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < x: lo = mid + 1
            else: hi = mid
        if lo == len(tails): tails.append(x)
        else: tails[lo] = x
    return len(tails)

print(lcs("AGGTAB", "GXTXAYB"), edit_distance("kitten", "sitting"), edit_distance("", "abc"))
print(knapsack([(1, 1), (3, 4), (4, 5), (5, 7)], 7))
print(fib(90), fib(200))
print(coin_ways([1, 2, 5, 10, 25, 50, 100], 300))
print(lis([10, 9, 2, 5, 3, 7, 101, 18, 4, 19, 20]))
def partitions(n):
    p = [1] + [0] * n
    for k in range(1, n + 1):
        for i in range(k, n + 1):
            p[i] += p[i - k]
    return p[n]
print([partitions(i) for i in range(15)], partitions(500))
tri = [[3], [7, 4], [2, 4, 6], [8, 5, 9, 3]]
for row in range(len(tri) - 2, -1, -1):
    for i in range(len(tri[row])):
        tri[row][i] += max(tri[row + 1][i], tri[row + 1][i + 1])
print(tri[0][0])
