# unary operators and operator chaining on numbers
x = 5
print(-x, +x, ~x, not x, - -x, ~~x, -(-x), not not x)
y = -3.5
print(-y, +y, abs(y), -0.0, +(-0.0))
print(~0, ~-1, ~(2**70), -(2**70), +True, -False, ~False)
print(-x ** 2, (-x) ** 2, -x * -x, 2 - -2, 2 + -2, 2 - +2)
print(not x == 5, (not x) == 5, not [] and not {})
try:
    print(~2.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(-[1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(+'s')
except TypeError as e:
    print(type(e).__name__, e)
