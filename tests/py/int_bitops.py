# Bitwise and, or, xor, invert on non-negative ints.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ^ 0xFF)
big = 2 ** 100 + 2 ** 50 + 1
print(big & (2 ** 64 - 1), big | 1, big ^ big, big & 0)
print((big | 2 ** 70) - big == 2 ** 70)
print(big.bit_length(), bin(big).count('1'))
x = 0
for i in range(0, 64, 3):
    x |= 1 << i
print(x, hex(x))
