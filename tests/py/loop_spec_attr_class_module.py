# Class attributes (via instances and via the class), module attributes, staticmethods, classmethods
# and properties read in hot loops while the class, a subclass or the property is changed mid-loop.
import math


class C:
    x = 10
    lst = [1, 2]

    @staticmethod
    def st(v):
        return v + 1

    @classmethod
    def cm(cls, v):
        return (cls.x, v)


class D(C):
    pass


c = C()
d = D()
rows = []
for i in range(500):
    if i == 100:
        C.x = 20
    if i == 200:
        D.x = 'D'
    if i == 300:
        del D.x
    if i == 400:
        C.x = 40.5
    if i % 50 == 0:
        rows.append((c.x, C.x, d.x, D.x))
print('class attr', rows)

acc = 0
for i in range(1000):
    acc += C.st(i) + c.st(-i) + D.st(0)
    if i == 600:
        C.st = staticmethod(lambda v: v * 100)
print('staticmethod', acc)
cms = []
for i in range(300):
    cms.append(C.cm(i)[0] if i % 2 else d.cm(i)[0])
    if i == 100:
        D.x = 'DD'
    if i == 200:
        C.cm = classmethod(lambda cls, v: (cls.__name__, v))
print('classmethod', cms[99:103], cms[199:203], cms[-2:])

ms = 0.0
for i in range(1, 2000):
    ms += math.sqrt(i) * math.pi - math.floor(math.sqrt(i))
print('module', round(ms, 6), math.pi, math.sqrt(2.0))
sq = []
orig = math.sqrt
for i in range(300):
    if i == 100:
        math.sqrt = lambda v: -v
    if i == 200:
        math.sqrt = orig
    sq.append(math.sqrt(4.0))
print('module rebind', sq[99], sq[100], sq[199], sq[200], sq.count(-4.0))
math.tau_copy = math.tau
vals = []
for i in range(200):
    if i == 100:
        del math.tau_copy
    try:
        vals.append(math.tau_copy)
    except AttributeError:
        vals.append(None)
print('module del', vals.count(None), vals[99] == math.tau)


class R:
    def __init__(self, r):
        self._r = r

    @property
    def area(self):
        return self._r * self._r * 3


rs = [R(i) for i in range(20)]
ptot = 0
for rep in range(100):
    for r in rs:
        ptot += r.area
print('property', ptot)
seen = []
for i in range(300):
    if i == 100:
        R.area = property(lambda self: -self._r)
    if i == 200:
        R.area = 'plain'
    seen.append(rs[3].area)
print('property replaced', seen[99], seen[100], seen[199], seen[200])


class R2:
    @property
    def area(self):
        return 'R2'


obj = R(5)
sw = []
for i in range(300):
    if i == 150:
        obj.__class__ = R2
    sw.append(obj.area)
print('instance class replaced', sw[149], sw[150], sw.count('R2'))

C.lst.append(3)
print('mutable class attr', [C.lst is D.lst, c.lst, len(C.__dict__['lst'])])


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    k = 1


mk = 0
for i in range(300):
    if i == 100:
        Meta.k = 'meta'
    if i == 200:
        del WithMeta.k
    v = WithMeta.k
    mk += v if isinstance(v, int) else 1000
print('metaclass', mk, WithMeta.k)
