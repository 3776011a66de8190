# Slice assignment can grow, shrink, or replace; extended slices need equal length.
a = list(range(8))
a[2:4] = ['a', 'b', 'c', 'd']
print(a)
a[1:7] = []
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100]
print(a)
a[:] = 'xyz'
print(a)
b = list(range(10))
b[::2] = ['e'] * 5
print(b)
b[::-3] = [0, 0, 0, 0]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print('ValueError:', e)
c = [1, 2, 3]
c[1:2] = c
print(c)
d = [1, 2, 3, 4]
d[3:1] = ['ins']
print(d)
