# Membership, len, list() of iterables, indexing errors, and repr of nested lists.
a = [1, 'two', 3.0, None, [5], (6,), True]
print(len(a), 'two' in a, 3 in a, 1.0 in a, [5] in a, 6 in a, None in a)
print(a)
print(list('abc'), list(range(3)), list((1, 2)), list({'x': 1, 'y': 2}), list(), list([]))
try:
    a[7]
except IndexError as e:
    print('IndexError:', e)
try:
    a[-8] = 0
except IndexError as e:
    print('IndexError:', e)
try:
    a['x']
except TypeError as e:
    print('TypeError:', e)
print(a[True], a[-7], [1, 2, 3][1:][0])
b = [0] * 3
b[-1] = 'last'
print(b, b.__len__(), bool([]), bool([0]))
