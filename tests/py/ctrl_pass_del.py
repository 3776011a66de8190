# pass, del of names and subscripts, and augmented assignment on every operator.
def noop():
    pass


class Empty:
    pass


print(noop(), type(Empty()).__name__)
x = 10
x += 5; x -= 3; x *= 4; x //= 5; x **= 2; x %= 50; x <<= 3; x >>= 1; x |= 1; x &= 0xFF; x ^= 0b101
print(x)
f = 10.0
f /= 4
f -= 0.5
print(f)
y = 1
del y
try:
    y
except NameError as e:
    print('NameError:', e)
lst = [1, 2, 3]
d = {'a': 1}
del lst[0], d['a']
print(lst, d)
s = 'ab'
s *= 3
print(s)
