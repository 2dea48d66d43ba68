# round, divmod, pow, chr, ord, hex, oct, bin as builtins
print(round(3.7), round(-3.7), round(2.5), round(3.5), round(3.14159, 3), round(-0.0))
print(round(1234, -1), round(1235, -1), round(1245, -1), round(15, -1), round(25, -1))
print(divmod(9, 4), divmod(-9, 4), divmod(9.0, 4), divmod(2**70, 10**10))
print(pow(3, 4), pow(3, -1), pow(3, 4, 5), pow(-2, 5), pow(2.5, 2), pow(4, 0.5))
print([chr(c) for c in range(65, 70)], [ord(c) for c in 'AZaz09'])
print(hex(0), hex(4096), oct(64), bin(255), bin(-10), hex(2**64), oct(-8))
print(round(0.5 + 1e-9), round(1e15 + 0.5), round(2.5000001))
print(round(12.345, 1), round(-12.345, 1), round(1.25, 1), round(1.35, 1))
print(abs(round(-0.4)), round(True), type(round(1.2, None)).__name__)
try:
    round('1.5')
except TypeError as e:
    print(type(e).__name__, e)
