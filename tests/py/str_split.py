# split() with and without separators and maxsplit.
print('a b  c'.split(), '  lead and trail  '.split(), ''.split(), '   '.split())
print('a,b,,c'.split(','), ',a,'.split(','), ''.split(','), 'abc'.split(','))
print('a::b::c'.split('::'), 'a b c d'.split(' ', 2), 'a b c d'.split(maxsplit=1))
print('one\ttwo\nthree  four'.split(), 'x'.split('x'), 'xx'.split('x'))
print('1 2 3'.split(None, 0), '  1 2 3'.split(None, 1), 'a-b-c'.split('-', -1))
try:
    'abc'.split('')
except ValueError as e:
    print('ValueError:', e)
print([int(x) for x in '10 20 30'.split()])
