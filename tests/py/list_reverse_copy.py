# reverse() in place, copy() is shallow, and slicing copies.
a = [1, [2, 3], 4]
b = a.copy()
c = a[:]
d = list(a)
a.reverse()
print(a, b, c, d)
b[1].append(99)
print(a, b, c, d)
print(b is not a, b[1] is a[1])
e = []
e.reverse()
print(e, [1].copy(), list(reversed([1, 2, 3])))
