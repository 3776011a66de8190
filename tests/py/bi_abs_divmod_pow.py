# abs, divmod and pow over ints, floats and bools.
print(abs(-3), abs(-3.5), abs(True), abs(-0.0), abs(float('-inf')), abs(-10 ** 20))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(True, 2), divmod(10 ** 20, 10 ** 9 + 7))
print(pow(2, 8), pow(2, -1), pow(2.5, 2), pow(-8, 1), pow(0, 0), pow(3, 4, 5), pow(base=2, exp=5), pow(2, 3, mod=3))
try:
    divmod('a', 1)
except TypeError as e:
    print('TypeError:', e)
try:
    abs('x')
except TypeError as e:
    print('TypeError:', e)
