import math
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
def modinv(a, m):
    g, x, _ = egcd(a, m)
    if g != 1:
        raise ValueError("not invertible")
    return x % m
p, q = 1000000007, 998244353
n, phi = p * q, (p - 1) * (q - 1)
e = 65537
d = modinv(e, phi)
msg = 123456789012345
c = pow(msg, e, n)
print(n, d, c, pow(c, d, n) == msg, pow(e, -1, phi) == d)
def is_prime(n):
    if n < 2: return False
    for sp in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % sp == 0: return n == sp
    d, s = n - 1, 0
    while d % 2 == 0: d //= 2; s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1): continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1: break
        else:
            return False
    return True
print([k for k in range(2**61 - 30, 2**61) if is_prime(k)], is_prime(2**127 - 1), is_prime(2**128 + 1))
f = math.factorial(100)
print(f, len(str(f)), sum(map(int, str(f))), str(f).rstrip("0")[-5:], f.bit_length())
print(2**1000 // 3**300, -(2**200) // 7, (-(2**200)) % 7, (2**200) >> 190, 1 << 100, (2**100) & (2**100 - 1), ~(2**70), (2**65) ^ (2**64), -2**64 | 5)
print(int("9" * 60) + 1, int("-" + "1" * 40) * -3, abs(-10**30), 10**30 == 10.0**30, 10**30 < 1e31, float(2**100), int(1e25))
print(math.isqrt(2**200), math.gcd(2**100, 6**50), 7**77 % 1000, divmod(10**40 + 7, 10**20), round(10**20 + 0.5) if False else 0)
print(hex(2**100), bin(2**70 + 1)[:12], oct(-2**64), int(hex(3**90), 16) == 3**90, str(-2**64), repr(2**64))
print(f"{2**100:,}", f"{2**80:_x}", f"{-2**70:>30}", f"{2**64:e}", "%d" % 2**100, "%x" % 2**70, format(10**25, ".3e"))
def digits_of_pi(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))
print(digits_of_pi(60))
fib = [0, 1]
while len(fib) < 300: fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[-1] % 10**9, math.gcd(fib[150], fib[100]) == fib[50])
print(sum(1 / k**2 for k in range(1, 10000)), (1 + 1 / 10**6) ** 10**6, 2**0.5 * 2**0.5 == 2, 1e16 + 1 - 1e16)
print((10**18 + 1) / 10**18, 10**400 / 10**399, 7 / 2**2000 == 0.0, (2**53 + 1) / 1, int(2.0**53) + 1)
try:
    float(10**400)
except OverflowError as e:
    print(e)
try:
    10**400 / 3.0
except OverflowError as e:
    print(e)
print(hash(2**100) == hash(2**100 % (2**61 - 1)), hash(-2**100), (2**100).to_bytes if False else "", int.__name__)
