# Uncaught ZeroDivisionError from float division.
values = [1.5, 0.5, 0.0]
for v in values:
    print(3.0 / v)
