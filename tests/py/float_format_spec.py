# format() of floats with the common presentation types.
x = 1234.56789
for spec in ('', 'f', '.2f', '.0f', '10.2f', '<10.1f', '^12.3f', '>12.3f', '+.2f', ' .2f', ',.2f', '_.3f',
             'e', '.3e', 'E', 'g', '.3g', '.10g', 'G', '%', '.1%', '012.2f', '*^15.1f', '=+12.2f'):
    print(repr(spec), repr(format(x, spec)))
for v in (0.0, -0.0, 1e-10, 1e20, 0.5, 2.5, 1.5, 123456789.0, 1e16):
    print(format(v, '.0f'), format(v, '.3g'), format(v, 'e'), format(v, 'g'), format(v, ''))
print(format(float('inf'), '.2f'), format(float('-inf'), 'e'), format(float('nan'), 'g'))
