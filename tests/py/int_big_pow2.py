# Powers of two and their decimal forms.
x = 2 ** 1000
s = str(x)
print(len(s), s[:30], s[-30:])
print(sum(int(c) for c in s))
print(x.bit_length(), (x - 1).bit_length(), (x + 1).bit_length())
print(2 ** 64, 2 ** 64 - 1, 2 ** 63, -2 ** 63)
print(2 ** 128)
print(x >> 990, x >> 1000, x >> 1001)
print((x - 1) & 0xFF, (x - 1) % 10**10)
