# zfill/center/ljust/rjust and their fill characters.
print(repr('42'.zfill(5)), repr('-42'.zfill(5)), repr('+7'.zfill(4)), repr('abc'.zfill(2)), repr(''.zfill(3)))
print(repr('ab'.center(6)), repr('ab'.center(7)), repr('abc'.center(6)), repr('abc'.center(8, '*')))
print(repr('x'.ljust(4)), repr('x'.rjust(4)), repr('x'.ljust(4, '.')), repr('x'.rjust(4, '0')), repr('long'.ljust(2)))
for n in (1, 22, 333):
    print('|' + str(n).rjust(5) + '|' + str(n).ljust(5) + '|' + str(n).center(5, '-') + '|')
try:
    'x'.center(5, 'ab')
except TypeError as e:
    print('TypeError:', e)
