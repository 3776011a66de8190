# ord() and chr() over ASCII, Latin-1, BMP and astral code points.
for c in 'Az09 ~\n':
    print(repr(c), ord(c))
print(ord('é'), ord('€'), ord('😀'), chr(233), chr(8364), chr(128512), chr(0x41), chr(0) == '\x00')
print(''.join(chr(ord('a') + i) for i in range(26)))
print([ord(c) - ord('0') for c in '2024'])
print(chr(1114111) == '\U0010ffff', len(chr(1114111)))
try:
    chr(1114112)
except ValueError as e:
    print('ValueError:', e)
try:
    ord('ab')
except TypeError as e:
    print('TypeError:', e)
