# !r, !s, !a conversions and = self-documenting expressions.
s = "it's"
u = 'café'
print(f'{s!r}', f'{s!s}', f'{u!a}', f'{u!r}', f'{[s]}', f'{ {"q": s} }')
x, y = 3, 4.5
print(f'{x=}', f'{y=}', f'{x + y=}', f'{s=}', f'{x = }', f'{y=:.2f}', f'{s=!s}')
vals = [1, 2]
print(f'{vals=}', f'{len(vals)=}', f'{vals[0]*10=}')


class V:
    def __repr__(self):
        return 'V()'

    def __str__(self):
        return 'v-str'


v = V()
print(f'{v}', f'{v!r}', f'{v=}', f'{v!s:>8}|')
