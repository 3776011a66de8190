# Slicing with omitted bounds, negative bounds and out-of-range bounds.
s = 'abcdefghij'
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2], s[3:3], s[5:2])
print(s[0:100], s[-100:3], s[100:], repr(s[10:]), s[-1:], s[:-1])
print(s[None:4], s[4:None])
t = s[:]
print(t == s, t)
for i in range(0, 11, 5):
    print(i, s[:i], s[i:])
