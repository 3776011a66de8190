# Tuples compare element-wise; sorting records by tuple keys.
people = [('smith', 'john', 40), ('doe', 'jane', 31), ('smith', 'anna', 25), ('doe', 'adam', 31)]
for p in sorted(people):
    print(p)
for p in sorted(people, key=lambda p: (p[2], p[1])):
    print(p)
print(max(people, key=lambda p: p[2]), min(people)[1])
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, -1), (2,) > (1, 100), (1, 'a') == (1, 'a'))
