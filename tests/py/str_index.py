# Indexing strings with positive and negative indices.
s = 'Hello, world'
print(s[0], s[4], s[-1], s[-12], s[len(s) - 1])
print(len(s), len(''), len(' '), len('\n\t'))
for i in range(-3, 3):
    print(i, repr(s[i]))
try:
    s[12]
except IndexError as e:
    print('IndexError:', e)
try:
    s[-13]
except IndexError as e:
    print('IndexError:', e)
print(type(s[0]).__name__, s[0] == 'H', s[0] * 3)
