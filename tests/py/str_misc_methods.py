# Less common but everyday str methods: expandtabs, isprintable, maketrans/translate, str(), repr of numbers.
print(repr('a\tb\tc'.expandtabs(4)), repr('ab\t'.expandtabs()), 'abc'.isprintable(), 'a\nb'.isprintable())
table = str.maketrans('abc', 'xyz', '!')
print('aabbcc!!'.translate(table), 'hello'.translate({ord('l'): 'L', ord('o'): None}))
print(str(12), str(1.5), str(None), str(True), str([1, 'a']), str((1,)), str(''), str('x'))
print('a,b;c'.replace(';', ',').split(','), 'CSV,,row'.split(',', 1), ' x '.center(9, '='))
print('Hello'.ljust(8, '.') + 'World'.rjust(8, '.'), 'title case words'.title().swapcase())
