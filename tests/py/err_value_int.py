# Uncaught ValueError from int() of a non-numeric string.
for token in ['12', '7', 'x']:
    print(int(token) * 2)
