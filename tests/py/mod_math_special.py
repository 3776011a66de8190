# math.isnan/isinf/isfinite/isclose and inf/nan propagation.
import math
vals = [0.0, 1.5, math.inf, -math.inf, math.nan, 1e308 * 10, 10 ** 300]
for v in vals:
    print(repr(v) if not isinstance(v, int) else 'bigint', math.isnan(v), math.isinf(v), math.isfinite(v))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10))
print(math.isclose(0, 1e-10, abs_tol=1e-9), math.inf > 10 ** 1000, math.floor(-0.0), math.sqrt(math.inf))
print(math.copysign(math.inf, -1), math.fabs(-math.inf), math.isnan(math.inf - math.inf), math.isnan(math.nan * 0))
try:
    math.floor(math.nan)
except ValueError as e:
    print('ValueError:', e)
try:
    math.ceil(math.inf)
except OverflowError as e:
    print('OverflowError:', e)
