# Products that overflow machine words in loops, then shrink back.
x = 1
trail = []
for i in range(40):
    x *= 3
    if i % 5 == 4:
        trail.append(x)
print(trail)
y = x
for i in range(40):
    y //= 3
print(y)
m = 1
for i in range(1, 30):
    m = m * i % (2 ** 61 - 1)
print(m)
z = 7
for i in range(10):
    z = z * z
print(z.bit_length(), z % 1000000007)
neg = -1
for i in range(100):
    neg *= -2
print(neg)
