# startswith/endswith with tuples and ranges.
s = 'filename.tar.gz'
print(s.startswith('file'), s.startswith('name'), s.startswith(''), s.startswith(('x', 'fi')))
print(s.endswith('.gz'), s.endswith(('.zip', '.tar')), s.endswith('tar', 0, 12), s.startswith('name', 4))
print(''.startswith(''), ''.endswith('a'), 'abc'.startswith('abcd'), 'abc'.endswith('abc'))
for f in ['a.py', 'b.txt', 'c.PY', 'd.pyc']:
    print(f, f.endswith('.py'), f.lower().endswith(('.py', '.pyc')))
