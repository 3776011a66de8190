# Subscript loads and stores in hot loops: list/tuple/str with int indices, dicts, negative and
# out-of-range indices, subclasses with __getitem__ switched in mid-loop, KeyError, resizing lists.


def get(c, i):
    return c[i]


def put(c, i, v):
    c[i] = v


lst = list(range(100))
tup = tuple(range(0, 300, 3))
st = ''.join(chr(65 + i % 26) for i in range(100))
sl = 0
stp = 0
ss = ''
for i in range(3000):
    k = i % 200 - 100
    sl += get(lst, k)
    stp += get(tup, k)
    if i % 97 == 0:
        ss += get(st, k)
print('seq', sl, stp, ss)
print('ends', get(lst, -1), get(lst, -100), get(tup, -1), get(st, -100), get(lst, True), get(tup, False))

errs = []
total = 0
for i in range(1000):
    c = (lst, tup, st)[i % 3]
    try:
        v = get(c, i % 130 - 115)
        total += v if isinstance(v, int) else ord(v)
    except IndexError as e:
        errs.append(str(e))
print('oob', total, len(errs), sorted(set(errs)))

d = {}
for i in range(2000):
    put(d, i % 50, i)
    put(d, 'k' + str(i % 7), i)
print('dict store', len(d), sum(v for k, v in d.items() if isinstance(k, int)), d['k0'], d['k6'])
misses = 0
dsum = 0
for i in range(2000):
    try:
        dsum += get(d, i % 60)
    except KeyError as e:
        misses += 1
        last = e.args
print('dict load', dsum, misses, last)
mixk = {1: 'int', 1.5: 'float', 'one': 'str', (1, 2): 'tuple', None: 'none', True: 'bool?'}
print('dict keys', [get(mixk, k) for k in [1, 1.0, True, 1.5, 'one', (1, 2), None]] * 1)

arr = [0] * 64
for i in range(5000):
    put(arr, i % 64, arr[(i * 7) % 64] + i)
    put(arr, -(i % 64) - 1, arr[-1] ^ i)
print('list store', sum(arr), arr[:5], arr[-3:])
try:
    for i in range(100):
        put(arr, 60 + i, 1)
except IndexError as e:
    print('store oob', i, e)


class MyList(list):
    pass


class MyDict(dict):
    pass


ml = MyList(range(10))
md = MyDict(a=1, b=2)
out = []
for i in range(300):
    if i == 100:
        MyList.__getitem__ = lambda self, k: ('ML', k)
        MyDict.__getitem__ = lambda self, k: ('MD', k)
    if i == 200:
        del MyList.__getitem__
        MyDict.__missing__ = lambda self, k: 'missing ' + k
        del MyDict.__getitem__
    if i % 50 == 0:
        out.append((get(ml, i % 10), get(md, 'a'), get(md, 'zz') if i >= 100 else None))
print('subclass', out)
mixed = [lst, tup, st, ml, md, {0: 'z', 5: 'five'}, range(10, 20)]
print('mixed', [get(mixed[i % 7], 5 if i % 7 != 4 else 'b') for i in range(14)])

grow = [1]
tot = 0
for i in range(2000):
    tot += grow[i % len(grow)] + grow[-1]
    if i % 10 == 0:
        grow.append(i)
    if i % 333 == 0:
        del grow[len(grow) // 2:]
print('resize', tot, len(grow), grow[-3:])
shrink = list(range(50))
caught = 0
for i in range(200):
    try:
        shrink[i % 40] += 1
    except IndexError:
        caught += 1
    if i % 10 == 9:
        shrink.pop()
print('shrink', caught, len(shrink), sum(shrink))
