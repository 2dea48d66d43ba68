# round() with and without ndigits (banker's rounding, float representation)
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(3.14159, 2), round(2.675, 2), round(1.005, 2))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(5, 2), round(12345, -3), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(0.125, 2), round(0.375, 2), round(-2.675, 2))
print(round(1e20, 2), round(123.456, 10))
print(round(7), round(-7.7), round(7.49999))
print(round(2**70 + 1, -5))
try:
    round(float('inf'))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
print(round(float('inf'), 2), round(float('nan'), 2))
import math
print(math.floor(2.5), math.ceil(2.5), math.trunc(-2.5))
