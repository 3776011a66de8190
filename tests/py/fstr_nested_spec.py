# Nested replacement fields inside format specs.
for width in (4, 8):
    for prec in (1, 3):
        print(f'|{3.14159:{width}.{prec}f}|{"ab":>{width}}|{42:0{width}d}|')
align = '^'
fill = '*'
print(f'{"mid":{fill}{align}{11}}', f'{255:#{"x"}}', f'{1234567:{","}}')
rows = [('x', 1), ('yy', 22), ('zzz', 333)]
w1 = max(len(a) for a, _ in rows)
w2 = max(len(str(b)) for _, b in rows)
for a, b in rows:
    print(f'{a:<{w1}} | {b:>{w2}}')
