# find/rfind/index/rindex including start/end arguments and failures.
s = 'hello hello world'
print(s.find('hello'), s.find('hello', 1), s.find('world'), s.find('xyz'), s.find(''), s.find('', 100))
print(s.rfind('hello'), s.rfind('l'), s.rfind('o', 0, 5), s.rfind('xyz'), s.rfind(''))
print(s.find('l', 3, 4), s.find('l', -5), s.find('o', -20, -10))
print(s.index('world'), s.rindex('hello'), s.index('o', 5))
try:
    s.index('xyz')
except ValueError as e:
    print('ValueError:', e)
try:
    s.rindex('q')
except ValueError as e:
    print('ValueError:', e)
print('abc' in s, 'lo w' in s, '' in s)
