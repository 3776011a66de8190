# Extreme floats: subnormals, max, min normal, infinities and nan.
print(5e-324, 2.5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308)
print(1.7976931348623157e308, 1.7976931348623157e308 * 10, -1.7976931348623157e308 * 10)
print(1e308 * 10 - 1e308 * 10)
print(float('inf'), float('-inf'), float('nan'), -float('nan'))
print(1e22, 1e23, 1e21, 1e-7, 123e-20)
print(4.9406564584124654e-324 / 2, 5e-324 * 0.6)
print(0.1 ** 400, 2.0 ** -1074, 2.0 ** -1075)
print(1e300 * 1e10, -1e300 * 1e10)
