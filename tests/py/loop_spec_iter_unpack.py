# for-loops over ranges, lists, tuples, generators and strings, and sequence unpacking in hot loops,
# including lists mutated while iterated, huge ranges, wrong-length unpacking and generator unpacking.


def rsum(r):
    s = 0
    n = 0
    for v in r:
        s += v
        n += 1
    return s, n


print('ranges', rsum(range(1000)), rsum(range(1000, 0, -7)), rsum(range(-5, -500, -3)), rsum(range(0)), rsum(range(5, 5)))
big = 2 ** 62
print('big ranges', rsum(range(big - 5, big + 5)), rsum(range(big, big - 30, -7)), rsum(range(-big - 3, -big + 3)))
print('huge', rsum(range(2 ** 63 - 2, 2 ** 63 + 2)), rsum(range(2 ** 70, 2 ** 70 + 3)), len(range(0, 2 ** 62, 2 ** 40)))
mixed_src = [range(10), [1, 2, 3], (4, 5), 'ab' and [7], range(3, -3, -1), (x for x in range(4)), [], ()]
print('mixed iterables', [rsum(src) for src in mixed_src])

lst = [1, 2, 3]
visited = 0
for v in lst:
    visited += v
    if len(lst) < 500:
        lst.append(v + 1)
print('append during iteration', visited, len(lst), lst[-3:])
shrink = list(range(100))
seen = []
for v in shrink:
    seen.append(v)
    if v % 10 == 0:
        shrink.pop()
        shrink.pop(0)
print('remove during iteration', len(seen), seen[:6], seen[-3:], len(shrink))

tup = tuple(range(0, 50, 5))
ts = 0
for rep in range(200):
    for v in tup:
        ts += v
print('tuple', ts)


def squares(n):
    for i in range(n):
        yield i * i
    return 'done'


gsum = 0
for rep in range(100):
    for v in squares(rep % 20):
        gsum += v
print('generator', gsum)
chars = 0
for rep in range(100):
    for ch in 'héllo wörld ✓':
        chars += ord(ch)
print('str iter', chars)

pairs = [(i, i * 2) for i in range(1000)]
a_s = b_s = 0
for a, b in pairs:
    a_s += a
    b_s -= b
print('two-tuple', a_s, b_s)
rows = [(i, -i, str(i), i * 0.5) for i in range(500)] + [[i, i, 'l', 0.0] for i in range(500)]
acc = [0, 0, 0, 0.0]
for w, x, y, z in rows:
    acc[0] += w
    acc[1] += x
    acc[2] += len(y)
    acc[3] += z
print('four', acc)
items = [(1, 2), [3, 4], (5, 6, 7), 'ab', (8,), [9, 10], {11: 0, 12: 0}, range(13, 15), (16, 17)] * 50
got = 0
errs = set()
for it in items:
    try:
        p, q = it
        got += (p if isinstance(p, int) else ord(p)) + (q if isinstance(q, int) else ord(q))
    except ValueError as e:
        errs.add(str(e))
print('wrong lengths', got, sorted(errs))
gs = 0
for i in range(300):
    x, y, z = squares(3)
    u, *rest = squares(i % 6 + 1)
    gs += x + y + z + u + len(rest)
print('unpack generator', gs)
try:
    x, y = squares(3)
except ValueError as e:
    print('gen too many', e)
a, (b, c), *d = 1, (2, 3), 4, 5
first, *mid, last = range(10)
print('nested', a, b, c, d, first, mid, last)
sw = []
for i in range(300):
    src = (i, i + 1) if i < 100 else [i, i + 1] if i < 200 else str(i % 90 + 10)
    m, n = src
    if i % 40 == 0:
        sw.append((m, n))
print('unpack type switch', sw)
