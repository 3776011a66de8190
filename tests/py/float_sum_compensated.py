# Python 3.12's sum() of floats uses compensated summation.
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0)
print(sum([1e100, 1.0, -1e100, 1.0]))
print(sum([0.1, 0.2, 0.3]), 0.1 + 0.2 + 0.3)
print(sum([1, 0.5, 2]), sum([], 0.0), sum([0.5], 1), sum(x / 10 for x in range(100)))
print(sum([1.0, 1e100, 1.0, -1e100]))
