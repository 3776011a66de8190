# Uncaught ZeroDivisionError from the modulo operator.
for d in (3, 2, 1, 0):
    print(17 % d)
