# Chained comparisons evaluate each operand once and short-circuit.
def v(x):
    print('eval', x)
    return x


print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True, 1 < 2 > 1, 'a' < 'b' <= 'b' != 'c')
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
x = 5
print(0 <= x < 10, 0 <= x < 5, x in [5] in [[5]], None is None is not False)
print(1 < 2 == 2 < 3 != 4, (1 < 2) < 3, 1 < (2 < 3))
