# sieve of Eratosthenes, prime factorisation, twin primes
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_p) if p]
primes = sieve(100)
print(primes)
big = sieve(100000)
print(len(big), big[-3:], sum(big))
def factorize(n):
    out, d = [], 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
for n in [2, 12, 97, 360, 1001, 2**32 + 1, 600851475143]:
    print(n, '=', ' * '.join(map(str, factorize(n))))
twins = [(p, p + 2) for p in primes if p + 2 in set(primes)]
print(twins)
gaps = {}
for a, b in zip(big, big[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items())[:6], max(gaps))
