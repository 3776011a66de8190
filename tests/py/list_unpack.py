# Sequence unpacking, nested targets and star-unpacking.
a, b, c = [1, 2, 3]
print(a, b, c)
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
x, *mid, y = range(6)
print(x, mid, y)
p, *q = [1]
print(p, q)
(m, n), o = [(1, 2), 3]
print(m, n, o)
for k, (v1, v2) in [('a', (1, 2)), ('b', (3, 4))]:
    print(k, v1 + v2)
print([*range(3), *'ab', *[9]], (*[1, 2], 3), [*[], *()])
d1 = {'a': 1}
print({**d1, 'b': 2, **{'a': 3}})
try:
    i, j = [1, 2, 3]
except ValueError as e:
    print('ValueError:', e)
try:
    i, j, k = [1, 2]
except ValueError as e:
    print('ValueError:', e)
try:
    i, *j, k = [1]
except ValueError as e:
    print('ValueError:', e)
