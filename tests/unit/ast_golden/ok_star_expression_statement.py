*a, b = c
a, *b = c
print(*a, *b)
