# hex/oct/bin and format() conversions, including negatives and big values.
for v in (0, 1, 10, 255, -255, 2 ** 64, -(2 ** 70) + 1):
    print(hex(v), oct(v), bin(v))
print(format(255, 'x'), format(255, 'X'), format(255, '#x'), format(255, 'o'), format(255, 'b'))
print(format(255, '08b'), format(-5, '#06x'), format(2 ** 40, ','), format(10 ** 9, '_'))
print(f'{3735928559:#010x}', f'{5:b}', f'{-5:b}')
print(0xDEADBEEF, 0o777, 0b1111)
