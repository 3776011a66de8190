# printf-style % formatting.
print('%d items' % 5, '%s and %s' % ('a', 'b'), '%r' % 'q', '%5d|%-5d|' % (42, 42), '%05d' % -42)
print('%.2f' % 3.14159, '%8.3f|' % 2.5, '%e' % 12345.678, '%g' % 0.00001234, '%x %X %o' % (255, 255, 8))
print('%c%c' % (72, 'i'), '%%', '%s' % [1, 2], '%s' % (1,), '%(a)s=%(b)d' % {'a': 'x', 'b': 7})
print('%+d %+d' % (5, -5), '% d' % 5, '%#x %#o' % (255, 8), '%*d|' % (6, 3), '%.*f' % (1, 2.25))
print('%s' % None, '%d' % 3.99, '%i' % -7, '%.3s' % 'abcdef', '%10.3s|' % 'abcdef')
try:
    '%d' % 'x'
except TypeError as e:
    print('TypeError:', e)
try:
    '%s %s' % ('one',)
except TypeError as e:
    print('TypeError:', e)
try:
    '%s' % (1, 2)
except TypeError as e:
    print('TypeError:', e)
