# Set operators and comparisons (subset/superset ordering).
a = {1, 2, 3}
b = {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a <= a, a < a, {1} < a, a > {1, 2}, a >= b, a == {3, 2, 1}, a != b)
x = set(a)
x |= {7}
x &= {1, 7, 3}
x -= {1}
x ^= {3, 8}
print(sorted(x))
try:
    a | [1]
except TypeError as e:
    print('TypeError:', e)
print(sorted(set('hello') & set('world')), len(set('mississippi')))
