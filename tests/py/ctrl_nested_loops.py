# Nested loops: multiplication table, triangle patterns, early exit with flags.
for i in range(1, 6):
    print(' '.join(f'{i * j:3d}' for j in range(1, 6)))
for i in range(1, 5):
    print(' ' * (4 - i) + '*' * (2 * i - 1))
target = 24
found = None
for a in range(1, 10):
    for b in range(a, 10):
        for c in range(b, 10):
            if a * b * c == target and a + b + c == 9:
                found = (a, b, c)
                break
        if found:
            break
    if found:
        break
print(found)
