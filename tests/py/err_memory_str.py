# Repeating a string 10**12 times fails with MemoryError.
s = 'x' * 10
print(len(s))
big = 'x' * 10 ** 12
print(len(big))
