# Bitwise ops on negative ints behave as infinite two's complement.
for a in (-1, -2, -7, -128, 5, 0):
    for b in (-1, 3, -8, 255):
        print(a, b, a & b, a | b, a ^ b)
print(~0, ~-1, ~5, ~-6)
print(-(2 ** 70) & 0xFFFF, -(2 ** 70) | 1, (-(2 ** 70)) ^ -1)
print(-1 & (2 ** 80 - 1) == 2 ** 80 - 1)
print(~(2 ** 100), -(2 ** 100) - 1)
