# partition and rpartition return 3-tuples even when the separator is missing.
print('key=value=more'.partition('='), 'key=value=more'.rpartition('='))
print('novalue'.partition('='), 'novalue'.rpartition('='))
print('=start'.partition('='), 'end='.rpartition('='))
line = 'Content-Type: text/html; charset=utf-8'
name, _, value = line.partition(': ')
print(name, '|', value, '|', value.partition(';')[0])
