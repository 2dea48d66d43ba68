# int <-> str conversions of big numbers and digit manipulation
n = 2**200
s = str(n)
print(len(s), s[:10], int(s) == n, int(s[::-1]) % 97)
print(sum(int(d) for d in str(2**1000)))
print(int('9' * 50) + 1 == 10**50, str(-10**25))
print(repr(10**18), repr(-(10**18) + 1), str(0), str(-0))
for base in (2, 8, 16, 36):
    print(base, int('1' * 20, base))
digits = []
m = 123456789
while m:
    m, r = divmod(m, 10)
    digits.append(r)
print(digits)
print(int(''.join(map(str, reversed(digits)))))
print(f'{2**64:,}', f'{-2**64:_}', f'{2**70:x}', f'{2**70:o}', f'{12345678901234567890:e}')
print(format(10**25, '>30'), format(-(10**20), '030'))
print(int('١٢٣'), int('٣') + 1)
