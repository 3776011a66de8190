# Uncaught ZeroDivisionError from float modulo.
print(5.5 % 2.0)
print(5.5 % 0.0)
