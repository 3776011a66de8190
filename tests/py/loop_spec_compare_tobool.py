# Comparisons and truth tests in hot loops: int/float/str compare specializations, NaN, mixed int/float
# after warm-up, and truth tests whose operand type (or whose class's __bool__/__len__) changes mid-loop.


def cmp6(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


def count(pairs):
    c = [0] * 6
    for a, b in pairs:
        r = cmp6(a, b)
        for k in range(6):
            if r[k]:
                c[k] += 1
    return c


ints = [(i % 17 - 8, i % 5 - 2) for i in range(2000)]
print('int', count(ints))
print('big int', count([(2 ** 62 + i % 3, 2 ** 62 + 1) for i in range(300)]), count([(-2 ** 70, i - 5) for i in range(10)]))
floats = [((i % 11) * 0.5 - 2.5, (i % 7) * 0.75 - 2.0) for i in range(2000)]
print('float', count(floats))
nan = float('nan')
inf = float('inf')
print('nan', count([(nan, 1.0)] * 50 + [(1.0, nan)] * 50 + [(nan, nan)] * 50), count([(inf, 1e308), (-inf, -1e308), (inf, inf)] * 30))
strs = ['', 'a', 'ab', 'b', 'B', 'abc', 'é', 'ab\x00']
print('str', count([(strs[i % 8], strs[(i * 3) % 8]) for i in range(2000)]))
mixed = [(i, i + 0.5) for i in range(100)] + [(i + 0.0, i) for i in range(100)] + [(2 ** 53 + 1, 2.0 ** 53)] * 10
mixed += [(True, 1), (1, 1.0), (False, 0.0), (2 ** 64, 1.8446744073709552e19)] * 10
print('mixed', count(mixed))
order = []
for i in range(400):
    a = i if i < 200 else i * 1.0
    if a < 100:
        order.append(0)
    elif a == 150:
        order.append(1)
    elif a >= 300.5:
        order.append(2)
print('switch', sum(order), len(order))


def truthy(x):
    return 1 if x else 0


class Plain:
    pass


class Grows:
    pass


values = [True, False, 0, 7, -1, 2 ** 70, None, [], [0], '', 'x', 0.0, -0.0, 1e-300, (), (0,), {}, {0: 0}, Plain(), Grows()]
tally = [0] * len(values)
for rep in range(200):
    for k in range(len(values)):
        tally[k] += truthy(values[k])
print('truth', tally)

g = Grows()
res = []
for i in range(300):
    if i == 100:
        Grows.__bool__ = lambda self: False
    if i == 200:
        del Grows.__bool__
        Grows.__len__ = lambda self: 0
    res.append(truthy(g))
print('grows', res[0:3], sum(res[:100]), sum(res[100:200]), sum(res[200:]))
Grows.__len__ = lambda self: 3
print('len 3', truthy(g), not g, bool(g))


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


seen = 0
for i in range(1000):
    s = Sized(i % 3)
    if s:
        seen += 1
    if not s:
        seen -= 100
print('sized', seen)

lst = []
empties = 0
for i in range(600):
    if not lst:
        empties += 1
    if i % 4 == 0:
        lst.append(i)
    elif lst and i % 3 == 0:
        lst.pop()
print('list', empties, len(lst))
n = 0
objs = [0, 1, '', 'a', None, [], [1], 2.5, Plain()]
for i in range(900):
    while_val = objs[i % 9]
    n = n * 2 % 1000003 + (3 if while_val else 1)
print('poly', n)


class Base:
    pass


class Sub(Base):
    pass


sb = Sub()
res = []
for i in range(300):
    if i == 100:
        Base.__len__ = lambda self: 0
    if i == 200:
        Sub.__bool__ = lambda self: True
    res.append(1 if sb else 0)
print('inherited', sum(res[:100]), sum(res[100:200]), sum(res[200:]))
