# The | and |= merge operators (right side wins).
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print(a | b, b | a, a)
c = a
c |= b
print(a, c is a)
c |= [('w', 0)]
print(c)
try:
    a | [('q', 1)]
except TypeError as e:
    print('TypeError:', e)
