# + and * on lists, += versus + aliasing, and the shared-row gotcha.
a = [1, 2]
b = a
a = a + [3]
print(a, b)
c = [1, 2]
d = c
c += [3]
print(c, d, c is d)
c *= 2
print(d)
print([0] * 5, [1, 2] * 0, [] * 3, [None] * 2, 2 * [7])
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
e = [1]
e += 'ab'
e += range(2)
print(e)
try:
    [1] + (2,)
except TypeError as e2:
    print('TypeError:', e2)
