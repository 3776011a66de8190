# Uncaught TypeError: subscripting None.
def find(d, k):
    return d.get(k)


result = find({'a': [1, 2]}, 'b')
print(result)
print(result[0])
