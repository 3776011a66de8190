# f-strings: expressions, method calls, nested quotes, braces and conversions.
name, n = 'Ada', 3
print(f'Hello, {name}!', f'{n * 2}', f'{name.upper()}', f"{'quoted'}", f'{{braces}}', f'{n!r:>4}')
items = ['a', 'b']
print(f'{items}', f'{items[0]}', f'{len(items)}', f'{ {"k": 1}["k"] }', f'{(lambda x: x + 1)(1)}')
print(f'{n if n > 2 else 0}', f'{"yes" if name else "no"}', f'{n:03d}', f'{name:>6}|{name:<6}|{name:^7}|')
x = 10
print(f'{x}{x}', f'{x:{x}}|', f'a{""}b', f'''{x}
{x + 1}''')
print(F'{name}' + f'{n}', rf'\n{n}', f'{3.0:g}')
