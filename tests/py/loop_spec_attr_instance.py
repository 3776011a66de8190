# Instance attribute loads and stores in hot loops while shapes differ, attributes are deleted, shadow
# class attributes, get shadowed by a data descriptor added later, and objects change class.


class P:
    def __init__(self, a, b, flip):
        if flip:
            self.b = b
            self.a = a
        else:
            self.a = a
            self.b = b


def load(o):
    return o.a * 10 + o.b


objs = [P(i, i % 7, i % 2 == 0) for i in range(60)]
t = 0
for rep in range(50):
    for o in objs:
        t += load(o)
print('alternating shapes', t)


class Many:
    def __init__(self, i):
        self.x = i
        self.y = i * 2
        if i % 3 == 0:
            self.z = i * 3
        self.w = -i


many = [Many(i) for i in range(3000)]
print('init stores', sum(m.x + m.y + m.w for m in many), sum(m.z for m in many if m.x % 3 == 0))


def store(o, v):
    o.a = v
    o.b = v + 1


for rep in range(40):
    for o in objs:
        store(o, rep + o.a % 3)
print('stores', sum(load(o) for o in objs))

q = P(1, 2, False)
res = []
for i in range(300):
    if i == 100:
        del q.a
    if i == 200:
        q.a = 'back'
    try:
        res.append(q.a)
    except AttributeError as e:
        res.append('AE')
        msg = str(e)
print('del', res[99:102], res.count('AE'), res[199:202], msg)


class S:
    kind = 'class'

    def __init__(self):
        self.n = 0


s = S()
kinds = []
for i in range(300):
    if i == 150:
        s.kind = 'inst'
    if i == 250:
        del s.kind
    kinds.append(s.kind)
print('shadow', kinds[149:152], kinds[249:252], kinds.count('inst'))


class D:
    def __init__(self):
        self.v = 'inst'


dd = D()
got = []
for i in range(300):
    if i == 100:
        D.v = property(lambda self: 'prop')
    if i == 200:
        D.v = property(lambda self: 'prop2', lambda self, val: got.append(('set', val)))
        dd.v = i
    got.append(dd.v)
print('descriptor wins', got[99], got[100], got[199], got[200:203], dd.__dict__)


class A:
    def __init__(self):
        self.x = 1

    def who(self):
        return 'A'


class B:
    x = 'Bx'

    def who(self):
        return 'B'


o = A()
seen = []
for i in range(300):
    if i == 100:
        o.__class__ = B
    if i == 200:
        o.__class__ = A
        o.x = 2
    seen.append((o.x, o.who()))
print('class switch', seen[99], seen[100], seen[199], seen[200], isinstance(o, A))
del o.x
o.__class__ = B
print('after del', o.x, o.who())

chain = []
node = None
for i in range(500):
    n = P(i, node, i % 3 == 0)
    n.extra = i
    node = n
k = 0
cur = node
while cur is not None:
    k += cur.a + cur.extra
    cur = cur.b
print('linked', k)


class Desc:
    def __get__(self, obj, owner):
        return 'desc-get'

    def __set__(self, obj, value):
        obj.__dict__['w'] = value * 2


class NonData:
    def __get__(self, obj, owner):
        return 'nondata'


class W:
    def __init__(self):
        self.w = 5


w = W()
trail = []
for i in range(400):
    if i == 100:
        W.w = NonData()
    if i == 200:
        W.w = Desc()
    if i == 300:
        W.__getattr__ = lambda self, name: 'ga-' + name
        del W.w
        del w.w
    if i >= 210 and i < 215:
        w.w = i
    trail.append(w.w)
print('descriptors', trail[99:101], trail[199:201], trail[209:216], trail[299:301], w.__dict__)


class St:
    pass


log = []
objs2 = [St() for _ in range(3)]
for i in range(300):
    o = objs2[i % 3]
    if i == 100:
        St.val = property(lambda self: -1, lambda self, v: log.append(v))
    if i == 200:
        del St.val
    o.val = i
    o.other = i * 2
print('store vs setter', len(log), log[:3], log[-1], [(x.val, x.other) for x in objs2])

dv = P(1, 2, False)
dvs = []
for i in range(300):
    if i == 100:
        dv.__dict__['a'] = 'via __dict__'
    if i == 150:
        vars(dv)['c'] = 'new key'
    if i == 200:
        dv.__dict__.clear()
        dv.__dict__['b'] = 'only b'
    dvs.append((dv.a if i < 200 else None, dv.b, dv.c if 150 <= i < 200 else None))
print('dict writes', dvs[99], dvs[100], dvs[150], dvs[200], dvs.count(dvs[-1]))
