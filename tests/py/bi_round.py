# round() of ints and floats with positive, zero, negative and missing ndigits.
for v in (0.5, 1.5, 2.5, -2.5, 2.675, 1234.5, 0.05, 0.15, 0.25, 0.35):
    print(v, round(v), round(v, 1), round(v, 0), round(v, -1))
print(round(12345, -2), round(-12355, -1), round(5, 2), round(True), round(10 ** 20 + 1, -20))
