# Floor division rounds toward negative infinity for every sign combination.
for a in (7, -7, 6, -6, 0, 1, -1):
    for b in (2, -2, 3, -3, 7, -7):
        print(a, b, a // b)
print(10**20 // 3, -10**20 // 3, 10**20 // -3, -10**20 // -3)
print(-1 // 10**30, 1 // -10**30)
