# divmod and pow incl. 3-arg pow
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(divmod(17.5, 5), divmod(-17.5, 5))
print(divmod(0, 3), divmod(2**65, 3))
print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(0, 0))
print(pow(2, 10, 1000), pow(3, 200, 13), pow(7, 0, 5), pow(7, 1, 1))
print(pow(-3, 3, 7), pow(3, 3, -7))
print(pow(2, 10**18, 10**9 + 7))
print(pow(3, -1, 7), pow(10, -2, 17))
print(pow(123456789, 987654321, 10**20))
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2)
