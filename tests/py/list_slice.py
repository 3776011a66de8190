# Reading slices of lists, with steps and out-of-range bounds.
a = list(range(10))
print(a[2:5], a[:3], a[-3:], a[::2], a[::-1], a[8:2:-3], a[100:], a[-100:2], a[5:5])
print(a[slice(1, 4)], a[slice(None, None, -4)])
b = a[:]
b[0] = 'x'
print(a[0], b[0])
nested = [[1, 2], [3, 4]]
print(nested[1][0], nested[-1][-1], nested[0][::-1])
