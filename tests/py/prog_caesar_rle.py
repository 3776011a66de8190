# String algorithms: Caesar cipher, run-length encoding, palindromes, anagram groups.
def caesar(s, k):
    out = []
    for c in s:
        if 'a' <= c <= 'z':
            out.append(chr((ord(c) - 97 + k) % 26 + 97))
        elif 'A' <= c <= 'Z':
            out.append(chr((ord(c) - 65 + k) % 26 + 65))
        else:
            out.append(c)
    return ''.join(out)


def rle(s):
    if not s:
        return ''
    out, prev, n = [], s[0], 1
    for c in s[1:]:
        if c == prev:
            n += 1
        else:
            out.append(f'{n}{prev}')
            prev, n = c, 1
    out.append(f'{n}{prev}')
    return ''.join(out)


def unrle(s):
    out, num = [], ''
    for c in s:
        if c.isdigit():
            num += c
        else:
            out.append(c * int(num))
            num = ''
    return ''.join(out)


msg = 'Hello, World! xyz'
enc = caesar(msg, 3)
print(enc, caesar(enc, -3), caesar(msg, 26) == msg)
for s in ['aaabccddddde', 'abc', '', 'zzzzzzzzzzzz']:
    print(repr(s), rle(s), unrle(rle(s)) == s)
pal = [w for w in ['level', 'Racecar', 'python', 'A man a plan a canal Panama'] if
       (lambda t: t == t[::-1])(''.join(c.lower() for c in w if c.isalnum()))]
print(pal)
groups = {}
for w in ['listen', 'silent', 'enlist', 'google', 'gooegl', 'cat', 'act', 'tac', 'dog']:
    groups.setdefault(''.join(sorted(w)), []).append(w)
print(sorted(groups.values(), key=lambda g: (-len(g), g)))
