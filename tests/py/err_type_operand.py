# Uncaught TypeError for unsupported operand types.
items = ['a', 'b']
print(len(items))
print(items + 1)
