# slice objects: attributes, indices(), use in subscripts and as dict keys of custom classes.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None))
print(s.indices(6), slice(None, None, -1).indices(5), slice(-3, None).indices(10), slice(-100, 100).indices(4))
data = list(range(10))
print(data[s], 'abcdefghij'[s], tuple(data)[slice(None, 3)], range(10)[s])


class Probe:
    def __getitem__(self, key):
        return key


p = Probe()
print(p[1:2], p[::3], p[1:2, 3], p[...], p[:, None], p[5])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print('ValueError:', e)
