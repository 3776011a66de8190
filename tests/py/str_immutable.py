# Strings are immutable: item assignment fails; methods return new strings.
s = 'abc'
try:
    s[0] = 'z'
except TypeError as e:
    print('TypeError:', e)
try:
    del s[0]
except TypeError as e:
    print('TypeError:', e)
t = s.upper()
print(s, t, s is not t)
u = s
s += 'd'
print(s, u)
print('z' + s[1:], s.replace('a', 'z'), s[:1] + 'X' + s[2:])
