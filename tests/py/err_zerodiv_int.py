# Uncaught ZeroDivisionError from integer true division.
print('before')
x = 10
y = x - 10
print(x / y)
print('not reached')
