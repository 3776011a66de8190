# True division of huge ints whose quotient does not fit a float overflows.
print(10 ** 300 / 10 ** 10)
print(10 ** 400 / 3)
