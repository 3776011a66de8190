# Iterating strings, enumerate, reversed, and building new strings.
s = 'Mississippi'
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print([(i, c) for i, c in enumerate('abc')], list(reversed('abc')), list('xyz'), tuple('hi'))
vowels = sum(1 for c in 'programming language' if c in 'aeiou')
print(vowels, ''.join(sorted(s)), ''.join(c.upper() if i % 2 else c for i, c in enumerate('alternate')))
it = iter('ab')
print(next(it), next(it), next(it, 'end'))
print(list(map(ord, 'AB')), 'x'.join('123'), max('hello'), min('hello'))
