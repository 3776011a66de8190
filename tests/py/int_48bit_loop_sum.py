# Sums that cross the 48-bit and 64-bit boundaries inside hot loops.
x = 2 ** 47 - 1000
for i in range(2000):
    x += 1
print(x, x - 2 ** 47)
y = -(2 ** 47) + 500
for i in range(1000):
    y -= 1
print(y)
z = 2 ** 63 - 50000
for i in range(100000):
    z += 1
print(z, z - 2 ** 63)
w = 0
for i in range(100000):
    w += 2 ** 40 + i
print(w)
back = 2 ** 48 + 100
for i in range(200):
    back -= 1
print(back, back < 2 ** 48)
