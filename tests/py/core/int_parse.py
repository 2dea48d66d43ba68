# int() parsing with bases
print(int('42'), int('-42'), int('  17  '), int('+5'))
print(int('1_000'), int('0x1f', 16), int('0x1f', 0), int('0o17', 0), int('0b101', 0))
print(int('ff', 16), int('FF', 16), int('777', 8), int('1010', 2))
print(int('z', 36), int('ZZ', 36), int('10', 36))
print(int('12345678901234567890123'))
print(int(3.9), int(-3.9), int(True), int(1e20))
print(int('0'), int('-0'), int('000'))
print(int('  -0x10  ', 16))
for s, base in [('x', 10), ('1.5', 10), ('', 10), ('12', 2), ('0x10', 10), ('1__0', 10), ('_1', 10)]:
    try:
        print(int(s, base))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int('5', 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int('5', 37)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(float('inf'))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
