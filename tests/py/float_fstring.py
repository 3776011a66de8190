# Floats inside f-strings with specs, widths from variables, and str()/repr().
pi = 3.141592653589793
w, p = 10, 3
print(f'{pi}', f'{pi:.2f}', f'{pi:{w}.{p}f}|', f'{pi:<{w}}|', f'{-pi:+.4f}')
print(f'{pi * 1000:,.2f}', f'{0.000123:.2e}', f'{1/8:.1%}', f'{2/3!r}', f'{2/3!s}')
items = [('apple', 1.5, 3), ('kiwi', 0.25, 12), ('melon', 3.0, 1)]
for name, price, qty in items:
    print(f'{name:<8}{price:>8.2f}{qty:>4d}{price * qty:>9.2f}')
total = sum(p * q for _, p, q in items)
print(f'{"total":<8}{total:>21.2f}')
print(f'{1e-7}', f'{1e16}', f'{123.0}', f'{-0.0}')
