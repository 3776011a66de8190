# int() of strings with underscores, whitespace and signs; int literals with underscores.
print(int('1_000_000'), int(' 42\n'), int('\t-17 '), int('+0'), int('-0'))
print(int('0x_ff', 16), int('0b_1010', 0), int('1_0', 16))
print(1_000_000 + 0x_FF + 0o_17 + 0b_11)
for bad in ('1__0', '_1', '1_', '', ' ', '1 2', '1.5', '0x'):
    try:
        print(int(bad))
    except ValueError as e:
        print('ValueError:', e)
print(int('007'), int('-0_0'))
