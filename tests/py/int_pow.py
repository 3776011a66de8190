# Integer powers, including zero and negative bases.
print(2 ** 10, 2 ** 0, 0 ** 0, 0 ** 5, 1 ** 1000)
print((-2) ** 3, (-2) ** 4, (-1) ** 999, (-1) ** 1000)
print(3 ** 40)
print(10 ** 18, 10 ** 19, 10 ** 25)
print(pow(7, 3), pow(-3, 5))
x = 1
for i in range(70):
    x *= 3
print(x == 3 ** 70, x)
