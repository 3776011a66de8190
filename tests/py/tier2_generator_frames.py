# Loops over generators, which tier 1 resumes in its own loop and traces follow into: each resume pushes the
# generator's frame, each yield pops it. What must stay exact: the generator's state and locals between resumes,
# its handled exception (sys.exc_info()) apart from the caller's, its return ending the loop, exceptions leaving it,
# a generator of another function (or suspended elsewhere) in the same loop, generators nested in generators.
import sys


def count_up(n):
    for i in range(n):
        yield i


def evens(n):  # its loop runs more than once between two yields
    for i in range(n):
        if i % 2 == 0:
            yield i


def two_yields(n):  # resumed at two places in turn
    for i in range(n):
        yield i
        yield -i


def total(gen):
    s = 0
    for x in gen:
        s += x
    return s


print(total(count_up(300)), total(evens(300)), total(two_yields(300)))

# The same loop over generators of different functions, started and part-way through.
mixed = [count_up(50), evens(50), two_yields(50), (x * 3 for x in range(50))]
half = count_up(100)
for _ in range(50):
    next(half)
mixed.append(half)
print([total(g) for g in mixed])


# Generators nested in generators, each level a for loop.
def flatten(rows):
    for row in rows:
        for x in row:
            yield x


def pairs(n):
    for a in count_up(n):
        for b in evens(a):
            yield a * b


print(total(flatten([[1, 2], [], [3], list(range(100))])), total(pairs(40)))


# A generator raising mid-loop: the loop's caller catches it; the generator is finished after it.
def fails_at(n, k):
    for i in range(n):
        if i == k:
            raise ValueError("at %d" % i)
        yield i


def run_until_error(k):
    g = fails_at(100, k)
    seen = 0
    try:
        for x in g:
            seen += 1
    except ValueError as e:
        return seen, str(e), list(g)


print([run_until_error(k) for k in (0, 1, 60)])


# StopIteration raised inside a generator becomes RuntimeError.
def leaks_stop(n):
    for i in range(n):
        if i == n - 1:
            raise StopIteration
        yield i


for n in (1, 40):
    try:
        print(total(leaks_stop(n)))
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__)


# The handled exception is the generator's own while it runs, the caller's while it is suspended.
def reports_handled(n):
    try:
        raise KeyError("inside")
    except KeyError:
        for i in range(n):
            yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


def handled_views():
    out = []
    try:
        raise IndexError("outside")
    except IndexError:
        for s in reports_handled(3):
            out.append((s, repr(sys.exc_info()[1])))
    out.append(repr(sys.exc_info()[1]))
    return out


for _ in range(30):
    views = handled_views()
print(views)


# try/finally inside the generator, closed early, and a generator resumed by the for loop then by next().
def guarded(log, n):
    try:
        for i in range(n):
            yield i
    finally:
        log.append("finally")


log = []
g = guarded(log, 100)
for x in g:
    if x == 70:
        break
print(x, next(g), next(g), log)
g.close()
print(log, list(g))


# Iterating a generator inside its own body: ValueError, as in CPython.
def selfish():
    yield 1
    for x in me:
        yield x


me = selfish()
try:
    print(list(me))
except ValueError as e:
    print("ValueError:", e)


# Recursive generators: the traces end at the recursive resume; too deep a nesting is a RecursionError.
def walk(tree):
    if isinstance(tree, list):
        for sub in tree:
            for leaf in walk(sub):
                yield leaf
    else:
        yield tree


def nest(depth):
    t = 0
    for _ in range(depth):
        t = [t, 1]
    return t


print(total(walk(nest(50))), total(walk([list(range(20)), [[5] * 30, 7]])))
try:
    total(walk(nest(5000)))
except RecursionError:
    print("RecursionError")


# A generator function whose code changes between loops: the traces' guards on its version fail, not misrun.
def source():
    for i in range(5):
        yield i


def other():
    for i in range(5):
        yield 100 + i


results = []
for k in range(60):
    if k == 30:
        source.__code__ = other.__code__
    results.append(total(source()))
print(results[28:32])
