# str()/repr() of ints and parsing back, up to the 4300 digit limit.
for v in (0, -0, 7, -7, 10 ** 18, -(10 ** 18), 10 ** 100 + 1):
    s = str(v)
    print(s, repr(v) == s, int(s) == v)
big = int('9' * 4300)
print(len(str(big)), big % 97, big + 1 == 10 ** 4300)
x = 10 ** 4299
print(len(str(x)), str(x)[:5], str(-x)[:5])
print(int('-' + '1' * 4000) % 1000)
