# join() over lists, tuples, generators and strings.
print(', '.join(['a', 'b', 'c']), ''.join(('x', 'y')), '-'.join('abc'), '|'.join([]))
print(' '.join(str(i) for i in range(5)), '\n'.join(['line1', 'line2']))
print('::'.join(['only']), repr(''.join([])), ', '.join(map(str, [1.5, 2, None, True])))
try:
    ', '.join(['a', 1, 'b'])
except TypeError as e:
    print('TypeError:', e)
parts = []
for i in range(10):
    parts.append(chr(ord('a') + i) * (i % 3 + 1))
print('.'.join(parts))
