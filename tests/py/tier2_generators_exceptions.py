# Generators and exceptions inside traced loops: a loop over a generator (each next() resumes it from the trace),
# loops inside generators (their traces end at each yield), try/except/finally and with blocks in loop bodies.
def countdown(n):
    while n > 0:
        yield n
        n -= 1


def squares(n):
    for i in range(n):
        yield i * i


def consume(n):
    s = 0
    for v in squares(n):
        s += v
    for v in countdown(n):
        s -= v
    return s


print(consume(200))


def pipeline(n):
    evens = (x for x in range(n) if x % 2 == 0)
    doubled = (x * 2 for x in evens)
    return sum(doubled), list(zip(range(3), squares(10)))


print(pipeline(500))


def with_finally(n):
    log = []
    total = 0
    for i in range(n):
        try:
            if i % 10 == 9:
                raise KeyError(i)
            total += i
        except KeyError as e:
            log.append(e.args[0])
        finally:
            total += 1
    return total, log


print(with_finally(60))


class Ctx:
    def __init__(self):
        self.entered = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, *exc):
        return exc[0] is ZeroDivisionError


def with_loop(n):
    c = Ctx()
    r = 0
    for i in range(n):
        with c:
            r += 10 // (i % 4)
    return r, c.entered


print(with_loop(40))


def gen_send():
    got = []
    while True:
        x = yield len(got)
        if x is None:
            break
        got.append(x * 2)
    return got


g = gen_send()
next(g)
for i in range(30):
    g.send(i)
try:
    g.send(None)
except StopIteration as e:
    print(e.value[-3:])


def stop_inside(n):
    it = iter(range(n))
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration:
            break
    return len(out), out[-1]


print(stop_inside(100))


def early_return(items):
    for k, x in enumerate(items):
        if x == 'stop':
            return k
    return -1


print(early_return(['a'] * 50 + ['stop']), early_return(['a'] * 5))
