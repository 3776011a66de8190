# __repr__ and __str__: which one print/str/repr/f-strings/containers use.
class Both:
    def __repr__(self):
        return 'Both(repr)'

    def __str__(self):
        return 'Both(str)'


class OnlyRepr:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f'OnlyRepr({self.v!r})'


b, r = Both(), OnlyRepr('x')
print(b, r, str(b), repr(b), str(r), f'{b}', f'{b!r}', [b, r], (b,), {'k': b})
print('%s %r' % (b, b), '{} {!r}'.format(b, r), format(r), str([OnlyRepr(1), OnlyRepr([2])]))
