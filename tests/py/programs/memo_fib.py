# memoised fibonacci with big ints, and other dynamic programming
memo = {0: 0, 1: 1}
def fib(n):
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
for n in (10, 50, 100, 200, 300):
    print(n, fib(n))
print(len(str(fib(500))), fib(500) % 1000000007)
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib_iter(300) == fib(300), fib_iter(0), fib_iter(1))
print(str(fib_iter(1000))[:30])
def coin_change(coins, amount):
    ways = [1] + [0] * amount
    for c in coins:
        for a in range(c, amount + 1):
            ways[a] += ways[a - c]
    return ways[amount]
print(coin_change([1, 2, 5, 10, 20, 50, 100, 200], 200))
def lcs(a, b):
    t = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            t[i + 1][j + 1] = t[i][j] + 1 if a[i] == b[j] else max(t[i][j + 1], t[i + 1][j])
    return t[-1][-1]
print(lcs('AGGTAB', 'GXTXAYB'), lcs('kitten', 'sitting'))
catalan = [1]
for i in range(30):
    catalan.append(catalan[-1] * 2 * (2 * i + 1) // (i + 2))
print(catalan[:10], catalan[30])
