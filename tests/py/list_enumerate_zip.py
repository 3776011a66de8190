# enumerate, zip (including strict) and reversed over lists.
names = ['a', 'b', 'c']
nums = [1, 2, 3, 4]
print(list(enumerate(names)), list(enumerate(names, 10)), list(enumerate(names, start=-1)))
print(list(zip(names, nums)), list(zip()), list(zip(names)), list(zip(names, nums, 'xy')))
print(dict(zip(names, nums)), list(zip(*[(1, 'x'), (2, 'y')])))
print(list(reversed(names)), list(reversed(range(4))), list(reversed((1, 2))))
for i, (n, v) in enumerate(zip(names, nums)):
    print(i, n, v)
try:
    list(zip(names, nums, strict=True))
except ValueError as e:
    print('ValueError:', e)
print(list(zip(names, nums[:3], strict=True)))
