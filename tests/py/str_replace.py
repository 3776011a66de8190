# replace() with counts, empty patterns and no matches.
s = 'the cat sat on the mat'
print(s.replace('at', 'og'), s.replace('the', 'a', 1), s.replace('xyz', '!'), s.replace('', '-', 3))
print('aaaa'.replace('a', 'b', 2), 'aaaa'.replace('aa', 'a'), 'abc'.replace('', '|'))
print(''.replace('', 'x'), 'abc'.replace('abc', ''), 'a.b.c'.replace('.', ''), 'aXbXc'.replace('X', '\n').split())
print('banana'.replace('ana', 'ANA'), 'mississippi'.replace('ss', 'SS', -1))
