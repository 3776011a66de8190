# Repeating a list 10**12 times fails with MemoryError.
xs = [0] * 1000
print(len(xs))
huge = [0] * 10 ** 12
print(len(huge))
