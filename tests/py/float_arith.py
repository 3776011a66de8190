# Float arithmetic follows IEEE 754 double precision.
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(1.0 + 2, 2 * 0.5, 3 - 1.5, 7 / 2.0, 1 + 1e-16, 1 + 2e-16)
x = 0.0
for i in range(10):
    x += 0.1
print(x, x == 1.0)
print(1e16 + 1, 1e16 + 2, 1.1 * 1.1)
print(-1.5 * -2, -0.0 * 5, 0.0 * -5, -0.0 + 0.0, -0.0 - 0.0)
print(float('inf') - float('inf'), float('inf') * 0, float('inf') + 1, 1 / float('inf'))
print(2.0 ** 10, 2.0 ** -1, 4.0 ** 0.5, (-8.0) ** 2, 10.0 ** 15, 10.0 ** 16)
