# math transcendental functions, printed rounded so every libm agrees.
import math


def r(x):
    return round(x, 10)


print(r(math.sin(0)), r(math.sin(math.pi / 2)), r(math.sin(math.pi / 6)), r(math.cos(0)), r(math.cos(math.pi)))
print(r(math.sin(1)), r(math.cos(1)), r(math.tan(0.5)), r(math.atan(1) * 4), r(math.asin(1)), r(math.acos(0)))
print(r(math.atan2(1, 1)), r(math.atan2(-1, -1)), r(math.atan2(0, -1)), math.atan2(0.0, 0.0), r(math.atan2(1, 0)))
print(r(math.exp(0)), r(math.exp(1)), r(math.exp(-2)), r(math.log(math.e)), r(math.log(100, 10)), r(math.log(8, 2)))
print(math.log2(1024), math.log2(1), r(math.log10(1000)), r(math.log10(1e-5)), r(math.log(10)), r(math.log1p(1e-5) * 1e5))
print(r(math.degrees(math.pi)), r(math.radians(180)), r(math.sinh(1)), r(math.cosh(1)), r(math.tanh(0.5)))
print(math.exp(-1000), math.log(math.inf), math.log2(2 ** 100), r(math.log10(10 ** 50)))
for bad in (0, -1):
    try:
        math.log(bad)
    except ValueError as e:
        print('ValueError:', e)
