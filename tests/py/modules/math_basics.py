# math constants and rounding functions
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.isqrt(17), math.sqrt(10**20))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.floor(5), math.ceil(1e20))
print(type(math.floor(2.5)).__name__, math.trunc(2.9), math.trunc(-2.9), math.trunc(7))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
print(math.isfinite(0.0), math.isfinite(math.nan), math.fabs(-3), math.fabs(2.5))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.copysign(0.0, -1))
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.modf(3.25), math.modf(-1.5))
print(math.degrees(math.pi), math.radians(180))
print(math.floor(-0.5), math.ceil(-0.5), math.floor(2**60 + 0.0))
