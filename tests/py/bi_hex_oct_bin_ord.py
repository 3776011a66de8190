# hex/oct/bin/ord/chr round trips.
for n in (0, 7, 255, 4096, -1, 2 ** 40):
    h, o, b = hex(n), oct(n), bin(n)
    print(n, h, o, b, int(h, 16) == n, int(o, 8) == n, int(b, 2) == n, int(h, 0) == n)
word = 'Python'
codes = [ord(c) for c in word]
print(codes, ''.join(chr(c) for c in codes), ''.join(chr(c + 1) for c in codes))
print([hex(ord(c)) for c in 'é€'], chr(0x263A), ord('\t'))
try:
    hex(1.5)
except TypeError as e:
    print('TypeError:', e)
