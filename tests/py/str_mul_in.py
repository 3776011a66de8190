# Repetition, membership and concatenation.
print('ab' * 3, 3 * 'ab', repr('ab' * 0), repr('ab' * -2), repr('' * 100), '-' * 20)
print('a' in 'abc', 'bc' in 'abc', 'ac' in 'abc', '' in '', '' in 'x', 'x' not in 'abc')
s = ''
for i in range(5):
    s += str(i)
print(s, s + s[::-1], 'x' + 'y' * 2 + 'z')
try:
    'a' + 1
except TypeError as e:
    print('TypeError:', e)
try:
    'a' * 2.0
except TypeError as e:
    print('TypeError:', e)
try:
    1 in 'abc'
except TypeError as e:
    print('TypeError:', e)
