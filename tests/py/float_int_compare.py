# Comparisons between ints and floats are exact, never via lossy conversion.
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 < -0.5, 0 == -0.0)
big = 2 ** 53
print(big + 1 == float(big + 1), big + 1 > float(big + 1), float(big) == big, float(big) < big + 1)
print(10 ** 20 == 1e20, 10 ** 20 + 1 == 1e20, 10 ** 20 + 1 > 1e20)
print(2 ** 1024 > 1.7976931348623157e308, -(2 ** 1024) < -1.7976931348623157e308)
print(0.1 < 1, 0.9999999999999999 < 1, 1.0000000000000002 > 1)
print(sorted([3, 2.5, -1, 0.0, 2, 1e-9]))
print(max(1, 1.0), min(1.0, 1), max(2, 1.5), type(max(2, 2.0)).__name__)
print(3 <= 3.0 < 4 > 3.5)
