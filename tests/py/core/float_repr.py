# float repr: shortest round-trip
print(0.1 + 0.2, 0.1 + 0.7, 1.1 * 3)
print(1e16, 1e15, 123456789012345678.0, 1e22, 1e100)
print(1e-7, 1e-5, 0.0001, 0.00001, 1.5e-10)
print(1.0, -1.0, 0.0, -0.0, 100.0, 3.14)
print(2.5, 1/3, 2/3, 10/3)
print(float('1.7976931348623157e308'), 5e-324)
print(repr(0.1), str(0.1), repr(1e16), str(1e-4))
print(float('inf'), float('-inf'), float('nan'))
print(repr(float('inf')), -float('inf'))
print(1e300 * 1e10, -1e300 * 1e10)
print(float('  3.5  '), float('-2'), float('1e3'), float('.5'), float('5.'))
print(float('infinity'), float('-Infinity'), float('NaN'), float('1_000.5'))
print(123.456, 1234567.0, 12345678901234567.0)
print(0.30000000000000004 == 0.1 + 0.2)
print(float(2**53), float(2**53 + 1), float(10**20))
print(9007199254740993.0)
print(4.35 * 100, 0.1 * 3, 1.15 * 100)
try:
    float('abc')
except ValueError as e:
    print(type(e).__name__, e)
try:
    float(2**1100)
except OverflowError as e:
    print(type(e).__name__, e)
