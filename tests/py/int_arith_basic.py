# Basic int arithmetic: + - * / and precedence.
a, b = 17, 5
print(a + b, a - b, a * b, a / b)
print(-a + b, -(a - b), a * -b)
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2)
print(10 / 4, 10 / 5, -10 / 4, 7 / -7)
print(0 * -1, 0 - 0, -0)
x = 0
for i in range(1, 101):
    x += i * i - i
print(x)
print(1 - 2 - 3, 100 // 7 // 2, 2 * 3 % 4)
print(type(6 / 3).__name__, type(6 // 3).__name__)
