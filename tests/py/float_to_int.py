# Conversions between floats and ints.
print(int(2.999999), int(-2.999999), int(1e18), int(-1e18), int(2.0 ** 63), int(2.0 ** 64))
print(float(3), float(-3), float(2 ** 63), float(2 ** 64 - 1), float(10 ** 22), float(10 ** 23))
print(float(2 ** 53 + 1), float(2 ** 53 + 3), float(-(2 ** 53) - 1))
print(float(10 ** 308), float(123456789123456789123456789))
print((2.5).is_integer(), (2.0).is_integer(), (1e300).is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.75).as_integer_ratio())
print(int(7.0) == 7, 7.0 == 7, hash(7.0) == hash(7))
