# Converting a 400-digit int to float overflows.
x = 10 ** 400
print(len(str(x)))
print(float(x))
