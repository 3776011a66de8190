# str.format with positional, keyword, indexed and attribute fields.
print('{} + {} = {}'.format(1, 2, 3), '{0}{1}{0}'.format('ab', 'cd'), '{x}-{y}'.format(x=1, y='z'))
print('{0[1]} {0[0]}'.format(['a', 'b']), '{d[k]}'.format(d={'k': 'v'}), '{{literal}} {}'.format(5))
print('{:>6}|{:<6}|{:^6}|'.format('r', 'l', 'c'), '{:*^9}'.format('mid'), '{:06.2f}'.format(3.14159))
print('{:,}'.format(1234567), '{:x} {:o} {:b} {:#X}'.format(255, 8, 5, 255), '{!r} {!s}'.format('q', 'q'))


class P:
    def __init__(self):
        self.name = 'pt'
        self.xy = (3, 4)


print('{0.name} at {0.xy[1]}'.format(P()), '{:{w}.{p}f}'.format(2.71828, w=8, p=2))
print('{:d}'.format(True), '{:5}|{:<5}|'.format(12, 12), '{:+d} {: d}'.format(5, 5))
try:
    '{} {}'.format(1)
except IndexError as e:
    print('IndexError:', e)
try:
    '{name}'.format(nam=1)
except KeyError as e:
    print('KeyError:', e)
