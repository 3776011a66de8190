# Calls in hot loops: Python functions (exact args, defaults, keywords), bound methods, builtins,
# builtin classes, class instantiation with __init__, and callees that change mid-loop.


def f2(a, b):
    return a * 2 + b


def fdef(a, b=10, c=100):
    return a + b + c


def fkw(a, *, k=1):
    return a * k


def fvar(*args, **kw):
    return len(args) * 100 + len(kw)


t = [0] * 6
for i in range(2000):
    t[0] += f2(i, 1)
    t[1] += fdef(i)
    t[2] += fdef(i, 1)
    t[3] += fdef(i, c=0)
    t[4] += fkw(i, k=i % 3)
    t[5] += fvar(i, i, x=1) + fvar()
print('py calls', t)

dv = []
for i in range(300):
    if i == 100:
        fdef.__defaults__ = (20, 200)
    if i == 200:
        fdef.__defaults__ = (30,)
        try:
            fdef(0)
        except TypeError as e:
            dv.append(str(e))
    dv.append(fdef(i, 1) if i >= 200 else fdef(i))
print('defaults', dv[99:101], dv[199:203], dv[-1])


class Obj:
    def __init__(self, v):
        self.v = v

    def get(self, d):
        return self.v + d


bm = Obj(5).get
bsum = 0
for i in range(1000):
    bsum += bm(i) + Obj(i).get(1)
print('bound', bsum)

bi = 0
for i in range(2000):
    x = [i] * (i % 4)
    bi += len(x) + int(isinstance(i, int)) + int(isinstance(x, tuple)) + abs(i - 1000) + min(i, 7, 3)
    bi += int(str(i)) + int(float(i) / 2) + len(range(i % 9)) + len(list()) + len(tuple(x))
print('builtins', bi)
conv = []
for v in [3, 3.9, -3.9, '12', True, 2 ** 70, '  -5 ']:
    for i in range(3):
        r = (int(v), float(v), str(v))
    conv.append(r)
print('builtin classes', conv)


def target(x):
    return x + 1


def alt(x):
    return x * 1000


res = []
for i in range(300):
    if i == 100:
        target = alt
    if i == 200:
        target = len
    res.append(target(i) if i < 200 else target('abc'))
print('rebind callee', res[99:101], res[199:201], sum(res))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print('recursion', [fib(n) for n in range(18)])


def gen(n):
    for i in range(n):
        yield i * i


gs = 0
for i in range(500):
    gs += sum(gen(i % 10))
print('generator', gs)


class Init:
    def __init__(self, a, b=2):
        self.s = a + b


class Bad:
    def __init__(self):
        return 5


ts = 0
errs = []
ierrs = []
bad = 0
for i in range(600):
    if i == 200:
        Init.__init__ = lambda self, a, b=2: setattr(self, 's', a * b)
    if i == 400:
        del Init.__init__
    try:
        o = Init(i) if i < 400 or i >= 500 else Init()
        ts += getattr(o, 's', -1)
    except TypeError as e:
        ierrs.append(str(e))
    try:
        Bad()
    except TypeError as e:
        bad += 1
        if len(errs) < 3:
            errs.append(str(e))
print('init', ts, bad, errs[:3], len(ierrs), ierrs[0])


class NewOnly:
    def __new__(cls, x):
        return x * 2


print('new', [NewOnly(i) for i in range(5)], sum(NewOnly(i) for i in range(1000)))


class Call:
    def __call__(self, x):
        return x - 1


cobj = Call()
cs = 0
for i in range(1000):
    cs += cobj(i)
    if i == 500:
        Call.__call__ = lambda self, x: x * 3
print('callable obj', cs)


class Late:
    def __init__(self, v):
        self.v = v


lres = []
for i in range(300):
    if i == 100:
        Late.__new__ = lambda cls, v: 'new' + str(v)
    if i == 200:
        Late.__new__ = lambda cls, v: object.__new__(cls)
        Late.__init__ = lambda self, v: setattr(self, 'v', -v)
    o = Late(i)
    lres.append(o if isinstance(o, str) else o.v)
print('late __new__', lres[99:101], lres[199:201], lres[-1])
