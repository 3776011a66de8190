# Left and right shifts, including negatives and large counts.
print(1 << 0, 1 << 1, 1 << 10, 1 << 62, 1 << 63, 1 << 64, 1 << 100)
print(5 >> 1, 5 >> 3, 5 >> 100, -5 >> 1, -5 >> 100, -1 >> 1)
print(-1 << 10, -3 << 70)
print((1 << 200) >> 199, (3 << 100) >> 100)
print(12345678901234567890 >> 7, -12345678901234567890 >> 7)
try:
    print(1 << -1)
except ValueError as e:
    print('ValueError', e)
try:
    print(1 >> -1)
except ValueError as e:
    print('ValueError', e)
x = 1
for i in range(100):
    x = (x << 1) | (i & 1)
print(x)
