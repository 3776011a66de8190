# float() parses decimal strings, exponents, whitespace, underscores and special values.
for s in ('1.5', ' -2.25 ', '1e3', '1E-3', '.5', '5.', '+7', '1_000.5', '0x', 'inf', '-inf', 'Infinity',
          '-INFINITY', 'nan', 'NaN', '-nan', '1e400', '-1e400', '1e-400', '0.1', '00012', '3.14159265358979323846'):
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
print(float(), float(True), float('  12\n'))
for bad in ('', 'abc', '1.2.3', '1e', 'in f', '1__0'):
    try:
        float(bad)
    except ValueError as e:
        print('ValueError:', e)
