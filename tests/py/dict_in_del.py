# Membership tests on keys, del, and missing-key errors.
d = {1: 'one', 'two': 2, (3,): 'three', None: 'none', 2.5: 'x'}
print(1 in d, 'one' in d, (3,) in d, None in d, 2.5 in d, 1.0 in d, True in d, 'two' not in d)
del d['two']
print(d)
try:
    del d['two']
except KeyError as e:
    print('KeyError:', e)
try:
    d[[1]] = 0
except TypeError as e:
    print('TypeError:', e)
try:
    print([1] in d)
except TypeError as e:
    print('TypeError:', e)
