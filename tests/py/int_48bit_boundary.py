# Values on both sides of the 47/48-bit and 63/64-bit boundaries must stay exact.
for k in (31, 32, 46, 47, 48, 49, 52, 53, 62, 63, 64, 65):
    p = 2 ** k
    print(k, p - 1, p, p + 1, -p - 1, -p, -p + 1)
a = 2 ** 47 - 1
print(a + 1, a + 2, -a - 1, -a - 2, a * 2, a * a)
b = -(2 ** 47) - 1
print(b, b - 1, b * b, b // 3, b % 7, b >> 1, b << 1)
print((2 ** 47) * (2 ** 47) == 2 ** 94, (2 ** 48 - 1) * (2 ** 48 + 1))
print(2 ** 47 - 2 ** 47, (2 ** 48) // (2 ** 47), (2 ** 63) // (2 ** 62))
print(-(2 ** 63) - 1, (2 ** 63 - 1) + 1, -(-(2 ** 63)))
