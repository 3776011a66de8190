# Lone surrogate code points are valid in str values; repr escapes them.
s = '\ud800'
t = 'a\udc00b'
print(len(s), len(t), repr(s), repr(t), ord(s), hex(ord(t[1])), s == chr(0xD800), t[1:2] == '\udc00')
print(ascii(t), (s + t)[1], repr(s * 2), s in t, '\ud800\udc00' == '\U00010000', len('\ud800\udc00'))
try:
    s.encode('utf-8')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e.reason, e.start, e.end)
