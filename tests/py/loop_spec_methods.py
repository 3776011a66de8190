# Method calls in hot loops: replacing the method on the class, shadowing it with an instance
# attribute, builtin methods of list/str/dict, and receivers alternating between classes.


class C:
    def __init__(self, k):
        self.k = k

    def m(self, x):
        return x + self.k


class Sub(C):
    pass


c = C(1)
s = Sub(2)
trace = []
total = 0
for i in range(600):
    if i == 100:
        C.m = lambda self, x: x * self.k
    if i == 200:
        c.m = lambda x: -x
    if i == 300:
        del c.m
    if i == 400:
        Sub.m = lambda self, x: 'sub'
    if i == 500:
        del Sub.m
        del C.m
        C.m = lambda self, x, y=7: x - y
    a = c.m(i)
    b = s.m(i)
    if i % 50 == 0:
        trace.append((a, b))
    if isinstance(a, int):
        total += a
print('replace/shadow', trace)
print('total', total)


def new_fn(self, x):
    return [self.k, x]


C.m = new_fn
print('new_fn', c.m(3), s.m(4), C.m(c, 5))


class X:
    def val(self):
        return 1

    def both(self, n):
        return n


class Y:
    def val(self):
        return 2

    def both(self, n):
        return n * 10


objs = [X(), Y(), X(), X(), Y()]
pt = 0
for i in range(3000):
    o = objs[i % 5]
    pt += o.val() + o.both(i % 3)
print('polymorphic', pt)

lst = []
up = ''
d = {}
for i in range(2000):
    lst.append(i % 17)
    if i % 200 == 0:
        up += ('ab' + str(i)).upper()
    d[i % 11] = d.get(i % 11, 0) + i
    if i % 7 == 0:
        lst.pop()
print('builtin methods', len(lst), sum(lst), up, sorted(d.items())[:4], d.get('none'), d.get('none', 'dflt'))
strs = ['  Hello ', 'WORLD', 'mixed Case', '', 'x']
out = []
for i in range(500):
    t = strs[i % 5]
    r = t.strip().lower().replace('l', 'L').split(' ')
    if i < 5:
        out.append(r)
print('str methods', out, ','.join(['a', 'b'] * 3).count(','))


class MyList(list):
    def append(self, v):
        list.append(self, v * 2)


recv = [[], MyList(), []]
for i in range(300):
    recv[i % 3].append(i)
print('list subclass method', sum(recv[0]), sum(recv[1]), sum(recv[2]))
app = []
bound = app.append
for i in range(1000):
    bound(i)
print('bound builtin', len(app), sum(app))


class Counter:
    def __init__(self):
        self.n = 0

    def inc(self):
        self.n += 1
        return self


ct = Counter()
for i in range(1000):
    ct.inc().inc()
    if i == 500:
        Counter.inc = lambda self: (setattr(self, 'n', self.n + 10), self)[1]
print('chained', ct.n)
