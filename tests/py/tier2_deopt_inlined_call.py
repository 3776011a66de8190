# Deopt out of inlined calls: the trace follows calls into callees (frames pushed by the trace), and a guard that
# fails two frames down must rebuild the exact state: both frames, their stacks, the instruction pointers.
def leaf(x, k):
    return x * k + 1


def middle(x, k):
    y = leaf(x, k)
    return y - k


def outer(values, k):
    out = []
    for v in values:
        out.append(middle(v, k))
    return out


print(outer(list(range(20)), 3)[-3:])
print(outer(list(range(20)) + [1.5, 2.5] + list(range(5)), 2)[-8:])
try:
    print(outer([4] * 30 + ['ab'], 2))
except TypeError as e:
    print('type error:', e)


# An exception raised inside an inlined callee, caught by the loop; and one that escapes the loop.
def checked(i):
    if i % 7 == 6:
        raise ValueError('bad %d' % i)
    return i * 2


def run(n):
    good, bad = 0, []
    for i in range(n):
        try:
            good += checked(i)
        except ValueError as e:
            bad.append(str(e))
    return good, bad[:3], len(bad)


print(run(50))


def escapes(n):
    t = 0
    for i in range(n):
        t += checked(i)
    return t


try:
    escapes(100)
except ValueError as e:
    print('escaped:', e)


# Methods and __init__ followed into: a class whose __init__ starts returning a value mid-loop is an error.
class P:
    def __init__(self, x):
        self.x = x

    def norm(self):
        return abs(self.x)


def build(n):
    s = 0
    for i in range(n):
        s += P(i - n // 2).norm()
    return s


print(build(40))


class Bad:
    count = 0

    def __init__(self):
        Bad.count += 1
        if Bad.count > 25:
            return 1


try:
    for i in range(40):
        Bad()
except TypeError as e:
    print('init:', e, Bad.count)


# Deep recursion inside a traced loop still raises RecursionError, and the loop survives it.
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)


depths = []
for i in range(5):
    try:
        depths.append(down(50 * (i + 1)))
    except RecursionError:
        depths.append(-1)
print(depths)
try:
    for i in range(3):
        down(10 ** 6)
except RecursionError as e:
    print('recursion:', type(e).__name__)
