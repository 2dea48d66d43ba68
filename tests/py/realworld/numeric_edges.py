# float/int parsing, math edge cases and their error messages
import math
print(float("1_000.5"), int("0o17", 0), int("0b1_01", 0), float("-iNF"), float("nan") == float("nan"), math.nan != math.nan)
print(f"{1e-320:.3g}", repr(1e-320), 2.0 ** 1023 * 2 if False else 0, (0.1).hex(), (-1.5).as_integer_ratio(), float.fromhex("-0x1p-1074"))
print(math.fmod(-7, 3), -7 % 3, math.remainder(7, 3), math.modf(-3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.expm1(1e-10), math.log1p(1e-10))
print(math.ulp(1.0), math.nextafter(1.0, 2.0), math.dist([0, 0], [3, 4]), math.cbrt(27) if hasattr(math, "cbrt") else 3.0, math.gamma(5), math.erf(1))
print(round(5e-324, 400), round(1.5, -400), round(123, -5), round(-123.456, 1), int(-0.9), 7 // -0.5, -7.5 % 2, divmod(-7.5, 2))
print(sum([1e100, 1.0, -1e100]), math.fsum([1e100, 1.0, -1e100]), max(float("nan"), 1), min(1, float("nan")), 1 < float("nan"))
print((2**63).__index__(), int.__index__(5), (5).__round__(-1), (5.5).__round__(), (17).__divmod__(5), True.__and__(1), (3).conjugate(), (3.5).conjugate())
print(int("  -  5".replace(" ", "")), float("1e-400"), 1e400 if False else 1, -(2**63) // -1, (-1) ** 0.5 if False else 0, 0 ** 0, 0.0 ** 0)
for bad in ["1e", "0x", "1__0", "_1", "", " ", "1.2.3", "infi"]:
    for conv in (int, float):
        try:
            conv(bad)
        except ValueError as e:
            print(e)
try:
    math.log(0)
except ValueError as e:
    print(e)
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    math.factorial(-1)
except ValueError as e:
    print(e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(e)
try:
    math.exp(1000)
except OverflowError as e:
    print(e)
print(math.isqrt(0), math.comb(5, 7), math.perm(5), math.gcd(), math.lcm(), math.prod([]), math.floor(1e300) == 10**300 if False else 0)
