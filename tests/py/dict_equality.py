# Dict equality ignores order; values compared with ==.
a = {'x': 1, 'y': [1, 2]}
b = {'y': [1, 2], 'x': 1}
print(a == b, a != b, a == {'x': 1}, {} == {}, {1: 1.0} == {1.0: 1}, {'a': 1} == [('a', 1)])
print(list(a) == list(b), dict(a) is a, dict(a) == a)
try:
    a < b
except TypeError as e:
    print('TypeError:', e)
