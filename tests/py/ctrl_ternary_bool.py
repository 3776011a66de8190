# Conditional expressions, and/or returning operands, not, truthiness of builtin values.
for n in (-2, 0, 7):
    print(n, 'neg' if n < 0 else 'zero' if n == 0 else 'pos')
print(0 or 'default', '' or [] or None, 'a' and 'b', 0 and 1/0, 1 or 1/0, None or 0)
print(not 0, not [], not [0], not '', not ' ', not None, not 0.0, not -0.0, not 1e-300)
vals = [0, 1, -1, 0.0, 0.5, '', 'x', [], [0], (), (0,), {}, {0: 0}, set(), None, True, False, range(0), range(1)]
print([bool(v) for v in vals])
x = []
y = x or ['fresh']
print(y, x is y, (x and 'nonempty') == x)
