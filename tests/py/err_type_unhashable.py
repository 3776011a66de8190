# Uncaught TypeError: a list used as a dict key.
cache = {}
key = [1, 2]
print('storing')
cache[key] = 'value'
