# big int algorithms: gcd, modular inverse, fast power, digit sums, bit tricks
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
a = 2**127 - 1
b = 3**80
print(gcd(a, b), gcd(2**100, 2**60 * 3), gcd(10**30, 10**20 + 10**10))
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
g, x, y = egcd(240, 46)
print(g, x, y, 240 * x + 46 * y)
print(pow(17, -1, 3120), pow(65537, -1, 2**61 - 2) if gcd(65537, 2**61 - 2) == 1 else 'no inverse')
print(pow(2, 2**20, 10**9 + 7), pow(3, 10**30, 2**64))
n = 2**521 - 1
print(n.bit_length(), n % 1000000, (n + 1) >> 520, bin(n).count('1'))
print((-n) // 10**150, (-n) % 10**10)
x = 1
for i in range(1, 60):
    x = x * i + (-1) ** i
print(x)
print(10**60 // 3**30, 10**60 % 3**30, divmod(-(10**40), 7**20))
print(abs(-(2**200)) == 2**200, -(2**200) < -(2**199), (2**200) ^ (2**199) == 3 * 2**199)
