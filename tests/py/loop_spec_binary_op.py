# Binary operators in hot loops: every int/float/str specialization, then operand types that change
# mid-loop (int -> float -> str -> bool -> big int), edge values and exceptions raised inside the loop.


def ops(a, b):
    return (a + b, a - b, a * b, a // b, a % b, a & b, a | b, a ^ b)


acc = [0] * 8
for i in range(3000):
    r = ops(i * 7 - 5000, (i % 13) + 1)
    for k in range(8):
        acc[k] += r[k]
print('int ops', acc)

neg = []
for a in range(-9, 10):
    for b in (-4, -3, 3, 4):
        neg.append((a // b, a % b))
print('neg divmod', neg[:12], sum(x for x, y in neg), sum(y for x, y in neg))


def shifts(a, n):
    return (a << n, a >> n)


sl = 0
sr = 0
for i in range(2000):
    l, r = shifts(i, i % 5)
    sl += l
    sr += r
print('shifts', sl, sr)
print('shift 0/60', shifts(5, 0), shifts(-5, 0), shifts(3, 60), shifts(-3, 60), shifts(1 << 70, 60))
errs = 0
for i in range(200):
    try:
        shifts(i, 1 - (i % 3))
    except ValueError as e:
        errs += 1
        msg = str(e)
print('negative shifts', errs, msg)


def fops(a, b):
    return (a + b, a - b, a * b, a / b)


facc = [0.0] * 4
for i in range(2000):
    r = fops(i * 0.5, i * 0.25 + 1.0)
    for k in range(4):
        facc[k] += r[k]
print('float ops', facc)


def add(a, b):
    return a + b


def mixed(a, b):
    return a * b - a


seq = []
for i in range(600):
    if i < 100:
        x = add(i, 1)
    elif i < 200:
        x = add(i * 0.5, 1)
    elif i < 300:
        x = add(str(i), '!')
    elif i < 400:
        x = add(i % 2 == 0, True)
    elif i < 500:
        x = add(2 ** 60, i)
    else:
        x = add(i, 1)
    if i % 50 == 0:
        seq.append(x)
    mixed(i, i)
print('add switch', seq)
print('mixed', [mixed(v, 3) for v in (4, 2.5, True, 2 ** 62, -7)])

s = ''
for i in range(500):
    s = s + chr(97 + i % 26)
print('concat', len(s), s[:30], s[-5:])

big = 1
trace = []
for i in range(80):
    big = big * 2 + 1
    if i in (47, 48, 49, 50, 61, 62, 63, 64, 79):
        trace.append(big)
print('overflow', trace)
x = 2 ** 49 - 3
out = []
for i in range(6):
    out.append(x + i)
    out.append(-x - i)
    out.append((x + i) * (x + i) // 3)
print('near 2**49', out)
y = 2 ** 63 - 3
print('near 2**63', [y + i for i in range(6)], [(y + i) - 2 ** 63 for i in range(6)])
m = 1
for i in range(70):
    m = m * 3 - i
print('mul chain', m, m % 1000003, m // (2 ** 40))

zero_div = 0
total = 0
for i in range(1000):
    d = i % 10
    try:
        total += 1000 // d + 1000 % d
    except ZeroDivisionError:
        zero_div += 1
print('zero div int', total, zero_div)
fz = 0
ftot = 0.0
for i in range(1000):
    try:
        ftot += 1.0 / (i % 8 * 0.5)
    except ZeroDivisionError as e:
        fz += 1
        fmsg = str(e)
print('zero div float', ftot, fz, fmsg)

edge = []
for n in range(70):
    a = 3 << n
    b = (-3) << n
    c = ((1 << 69) + 12345) >> n
    if n % 7 == 0 or n > 45:
        edge.append((a, b, c))
print('shift sweep', edge[:3], edge[-3:], sum(a + c for a, b, c in edge), sum(b for a, b, c in edge))
lim = []
for base in (2 ** 49, 2 ** 62, 2 ** 63):
    for i in range(4):
        v = -base + i
        lim.append((v // -1, v % -7, v - 5, v * -1, v & -base, v | 1, v ^ -1))
print('limits', lim)
