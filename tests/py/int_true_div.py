# True division of ints is correctly rounded even for big operands.
print(1 / 3, 2 / 3, 10 / 3, -10 / 3)
print(10 ** 30 / 10 ** 10, (10 ** 30 + 1) / 10 ** 30, 2 ** 1000 / 2 ** 999)
print((2 ** 53 + 1) / 1, 1 / 2 ** 60)
print(10 ** 400 // 10 ** 399, 10 ** 400 / 10 ** 399)
print(7 / 7, 0 / 5, -0 / 5)
