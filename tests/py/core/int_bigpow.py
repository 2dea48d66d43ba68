# arbitrary precision powers
print(2**100)
print(2**200)
print(3**100)
print(10**50)
print(-2**101)
print((-2)**101)
print(7**77)
print(2**1000 % 1000007)
x = 1
for i in range(1, 31):
    x *= i
print(x)
print(len(str(2**10000)))
print(str(2**333)[:20], str(2**333)[-20:])
print(2**64 - 1 == 18446744073709551615)
print(12345678901234567890 * 98765432109876543210)
print(99999999999999999999 + 1)
print(-99999999999999999999 - 1)
print(10**30 - 10**29)
