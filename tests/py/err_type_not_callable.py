# Uncaught TypeError: calling an int.
value = 42
print(value)
value()
