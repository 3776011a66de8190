# strip/lstrip/rstrip with default whitespace and explicit character sets.
s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'xyhiyx'.strip('xy'), 'abc'.strip('cba'), repr('aaa'.strip('a')))
print('www.example.com'.lstrip('w.'), 'file.txt...'.rstrip('.'), '0012300'.strip('0'))
print(repr(''.strip()), repr('   '.strip()), 'no-op'.strip(), repr('\x0b\x0cx\r'.strip()))
print('prefix_name'.removeprefix('prefix_'), 'name.py'.removesuffix('.py'), 'abc'.removeprefix('x'))
