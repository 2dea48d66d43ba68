# bitwise operators including negatives and big ints
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(-12 & 10, -12 | 10, -12 ^ 10, ~-12)
print(-1 >> 10, -1024 >> 3, -5 >> 1, 5 >> 10)
print(1 << 100, (1 << 100) >> 99)
print((2**100 - 1) & 0xFFFF, (2**100) | 1)
print(-(2**100) & 0xFF, -(2**100) >> 90)
print(~(2**80))
print(True & False, True | False, True ^ True, ~True)
print(6 & 3 | 8 ^ 1)
print(1 << 2 + 1, (1 << 2) + 1)
try:
    print(1 << -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(1 >> -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(1.0 & 1)
except TypeError as e:
    print(type(e).__name__, e)
