# Operators and subscripts on instances of classes defined in Python (BINARY_OP_DUNDER,
# BINARY_SUBSCR_GETITEM): hot paths, NotImplemented, in-place methods, a method replaced mid-loop,
# a subclass arriving mid-loop, and an exception raised inside __getitem__.
class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return V(self.x + other.x)

    def __sub__(self, other):
        return NotImplemented

    def __getitem__(self, i):
        return self.x * i


class Acc(V):
    def __iadd__(self, other):
        self.x += 10 * other.x
        return self


acc = V(0)
for i in range(300):
    acc = acc + V(i)
    acc += V(1)
print('sum', acc.x)

a = Acc(0)
for i in range(100):
    a += Acc(1)
print('iadd', a.x, type(a).__name__)

errors = 0
for i in range(60):
    try:
        V(1) - V(2)
    except TypeError as e:
        errors += 1
        msg = str(e)
print('errors', errors, msg)

out = []
for i in range(200):
    if i == 100:
        V.__add__ = lambda self, other: V(self.x * 1000 + other.x)
    out.append((V(1) + V(2)).x)
print(out[98:102])


class W(V):
    def __getitem__(self, i):
        return -i


vals = []
for k, o in enumerate([V(2)] * 60 + [W(3)] * 60 + [V(5)] * 60):
    vals.append(o[k % 7])
print(vals[55:65], sum(vals))


class Grid:
    def __init__(self, n):
        self.rows = [[r * n + c for c in range(n)] for r in range(n)]

    def __getitem__(self, rc):
        r, c = rc
        if r >= len(self.rows):
            raise IndexError('row %d out of range' % r)
        return self.rows[r][c]


g = Grid(4)
total = 0
for r in range(4):
    for c in range(4):
        total += g[r, c]
print('grid', total)
for r in range(3, 6):
    try:
        print(g[r, 0])
    except IndexError as e:
        print('IndexError', e)
