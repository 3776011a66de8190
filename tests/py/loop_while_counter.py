# Counting loops in many shapes: while with compound conditions, countdowns, and step patterns.
i, s = 0, 0
while i < 100000 and s >= 0:
    s += i & 7
    i += 1
print(i, s)
n = 1000
steps = 0
while n:
    n -= 1 if n % 2 else 2
    steps += 1
print(steps, n)
a = b = 0
for i in range(0, 10000, 7):
    a += i
for i in range(10000, 0, -13):
    b -= i
print(a, b)
k = 0
while True:
    k += 1
    if k * k > 123456:
        break
print(k)
