# Float powers with exactly representable results, and int ** float.
print(2.0 ** 3, 2 ** 3.0, 9 ** 0.5, 16.0 ** 0.25, 0.5 ** 2, 1.5 ** 2, 10 ** -2.0)
print(0.0 ** 0, 0.0 ** 2, 1.0 ** 1e300, (-1.0) ** 3, (-2.0) ** 2, 2.0 ** -1)
print((-1.0) ** float('inf'), 2.0 ** float('-inf'), 0.5 ** float('inf'), float('nan') ** 0)
print(pow(2.0, 10), pow(4, 0.5), pow(2, -2.0), 1e10 ** 2, 1e200 ** 1)
print(round(2.0 ** 0.5, 12), round(10 ** 0.3, 12), round(7.0 ** 1.5, 10))
