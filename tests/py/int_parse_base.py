# int(str, base) for many bases and prefixes.
print(int('101', 2), int('777', 8), int('ff', 16), int('FF', 16), int('z', 36), int('Zz', 36))
print(int('0x1f', 16), int('0o17', 8), int('0b101', 2))
print(int('0x1f', 0), int('0o17', 0), int('0b101', 0), int('42', 0))
print(int('-101', 2), int('+7f', 16), int('  12  ', 10))
print(int('1' * 30, 2), int('7' * 25, 8))
print(int('10', 3), int('10', 36), int('0', 5))
for bad in ('12', '2', 'g'):
    try:
        int(bad, 2 if bad != 'g' else 16)
    except ValueError as e:
        print(e)
try:
    int('10', 1)
except ValueError as e:
    print(e)
try:
    int('010', 0)
except ValueError as e:
    print(e)
