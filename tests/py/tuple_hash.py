# Tuples of hashables are hashable; equal tuples hash equal; tuples as dict keys.
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))))
print(hash((1, 2)) == hash((1.0, 2)), hash((True,)) == hash((1,)))
d = {(0, 0): 'origin', (1, 2): 'p', ((1,), 2): 'nested'}
print(d[(0, 0)], d[1, 2], d[((1,), 2)], (0.0, 0) in d)
grid = {}
for x in range(3):
    for y in range(3):
        grid[x, y] = x * y
print(grid[2, 2], len(grid), sorted(grid)[:4])
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError:', e)
try:
    {([1],): 1}
except TypeError as e:
    print('TypeError:', e)
