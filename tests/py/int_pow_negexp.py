# A negative exponent on ints produces a float.
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -1, (-2) ** -2)
print(type(2 ** -1).__name__)
print(pow(4, -2), pow(1, -10), pow(-1, -3))
print(2 ** -50)
