# Equal numbers hash equal whatever their type.
vals = [0, 1, -1, 2 ** 40, 2 ** 61 - 1, 2 ** 61, 2 ** 100, -(2 ** 100), 10 ** 20]
for v in vals:
    print(v, hash(v) == hash(float(v)), float(v) == v)
print(hash(True) == hash(1), hash(False) == hash(0), hash(1.0) == hash(1))
print(hash(5), hash(-5), hash(-1), hash(-2), hash(0))
d = {2 ** 100: 'big', 1: 'one'}
print(d[2.0 ** 100], d[1.0], d[True])
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)))
