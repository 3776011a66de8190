# Nested list comprehensions: matrices, transposes, flattening, cartesian products.
m = [[r * 3 + c for c in range(3)] for r in range(3)]
print(m)
print([[row[i] for row in m] for i in range(3)])
print([x for row in m for x in row])
print([(a, b) for a in 'xy' for b in range(2)])
print([[x for x in row if x % 2] for row in m])
print([x * y for x, y in zip([1, 2, 3], [4, 5, 6])])
print([[0] * n for n in range(4)])
print([(i, j) for i in range(4) for j in range(i)])
