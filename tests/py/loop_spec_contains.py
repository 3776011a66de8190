# `in` / `not in` in hot loops over dicts, sets, frozensets, lists, strings and user classes whose
# __contains__ is switched mid-loop, plus keys with user-defined __hash__/__eq__.


def has(x, c):
    return x in c


def lacks(x, c):
    return x not in c


d = {i * 3: i for i in range(100)}
s = set(range(0, 300, 5))
fs = frozenset(range(0, 300, 7))
lst = list(range(0, 300, 11))
st = 'the quick brown fox jumps over the lazy dog'
cnt = [0] * 6
for i in range(3000):
    k = i % 310
    cnt[0] += has(k, d)
    cnt[1] += has(k, s)
    cnt[2] += has(k, fs)
    cnt[3] += lacks(k, lst)
    cnt[4] += has(st[i % 43:i % 43 + (i % 4)], st)
    cnt[5] += lacks(chr(97 + i % 30), st)
print('basic', cnt)
print('edge', has('', 'abc'), has('abcd', 'abc'), has(1.0, d), has(3.0, d), has(5.0, s), has(7.0, fs), has(True, {1: 0}), has(0, fs), has(2 ** 70, s))
mut = {}
trace = []
for i in range(400):
    if has(i % 20, mut):
        del mut[i % 20]
        trace.append(i)
    else:
        mut[i % 20] = i
print('mutating dict', len(trace), trace[:5], sorted(mut))
ms = set()
mc = 0
for i in range(1000):
    if lacks(i % 37, ms):
        ms.add(i % 37)
    else:
        mc += 1
        ms.discard((i * 7) % 37)
print('mutating set', mc, len(ms))
try:
    has([1], s)
except TypeError as e:
    print('unhashable', e)
try:
    has([1], d)
except TypeError as e:
    print('unhashable dict', e)
try:
    has(1, 'abc')
except TypeError as e:
    print('str needs str', e)


class Box:
    def __init__(self, items):
        self.items = items

    def __contains__(self, x):
        return x in self.items


class NoContains:
    def __iter__(self):
        return iter([1, 2, 3])


b = Box([1, 2, 3])
containers = [d, s, fs, b, NoContains()]
res = []
for i in range(500):
    if i == 100:
        Box.__contains__ = lambda self, x: x not in self.items
    if i == 200:
        Box.__contains__ = lambda self, x: 'truthy string'
    if i == 300:
        Box.__contains__ = lambda self, x: []
    if i == 400:
        del Box.__contains__
        Box.__iter__ = lambda self: iter([2])
    res.append(sum(has(2, c) for c in containers))
print('user contains', res[99:101], res[199:201], res[299:301], res[399:401], sum(res))


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 5

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v


kd = {Key(i): i for i in range(50)}
kset = {Key(i) for i in range(0, 50, 2)}
kc = 0
for i in range(2000):
    kc += has(Key(i % 60), kd) + has(Key(i % 60), kset) * 10
print('user keys', kc, has(3, kd), has(Key(3), {3: 0}))


class AlwaysEq:
    def __hash__(self):
        return hash(7)

    def __eq__(self, other):
        return True


print('always eq', has(AlwaysEq(), {7: 'x'}), has(AlwaysEq(), {8: 'x'}), has(AlwaysEq(), [1, 2]), has(7, [AlwaysEq()]))
mixed = [d, s, fs, lst, st, (1, 2, 3), range(0, 100, 9), b]
print('mixed', [has(9, c) if not isinstance(c, str) else has('o', c) for c in mixed * 3])


class DSub(dict):
    pass


class SSub(set):
    pass


ds = DSub(a=1)
ss = SSub('b')
sub = []
for i in range(300):
    if i == 100:
        DSub.__contains__ = lambda self, k: k == 'z'
        SSub.__contains__ = lambda self, k: k == 'y'
    if i == 200:
        del DSub.__contains__
        del SSub.__contains__
    sub.append((has('a', ds), has('z', ds), has('b', ss), lacks('y', ss)))
print('subclass contains', sub[99], sub[100], sub[199], sub[200])
