# bit_length and bit_count methods, int.to_bytes-free introspection.
for v in (0, 1, -1, 2, 7, 8, -8, 255, 256, 2 ** 47, 2 ** 64 - 1, -(2 ** 64)):
    print(v, v.bit_length(), v.bit_count())
print((5).real, (5).imag, (5).numerator, (5).denominator)
print((-7).conjugate(), int.__name__, (10).__index__())
print((42).as_integer_ratio(), (3).is_integer() if hasattr(3, 'is_integer') else 'n/a')
