# math: constants, sqrt, floor/ceil/trunc, fabs, copysign, isqrt, hypot (exactly rounded results only).
import math
print(math.pi, math.e, math.inf, -math.inf, math.nan != math.nan, math.tau)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.sqrt(1e100), math.sqrt(-0.0))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.9), math.trunc(2.9))
print(type(math.floor(1.5)).__name__, math.floor(10 ** 20 + 0.0), math.ceil(5), math.floor(-0.5))
print(math.fabs(-3), math.fabs(2.5), math.copysign(3, -0.0), math.copysign(-2, 1), math.copysign(0.0, -1))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 30), math.isqrt(2 ** 127))
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(0, 0), math.hypot(-8, 15))
print(math.pow(2, 10), math.pow(2, -2), math.pow(9, 0.5), math.pow(0, 0), math.fmod(7, 3), math.fmod(-7, 3))
try:
    math.sqrt(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    math.isqrt(-1)
except ValueError as e:
    print('ValueError:', e)
