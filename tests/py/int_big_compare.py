# Comparisons between big ints, small ints and floats.
a = 2 ** 100
b = 2 ** 100 + 1
print(a < b, a > b, a == b, a != b, a <= a, b >= a)
print(-a < a, -a > -b, -b < -a)
print(a == 2.0 ** 100, b == 2.0 ** 100, b > 2.0 ** 100, a < float(b))
print(10 ** 400 > 1e308, -10 ** 400 < -1e308, 10 ** 400 < float('inf'))
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53 + 1))
print(max(a, b, 5), min(-a, 3, -b))
print(sorted([b, 3, -a, a, 0, -1]))
print(a == a + 0, 3 < a, 3 > -a)
