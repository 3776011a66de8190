# Polymorphic sites in traced loops: one call site reaching methods of several classes, a callee replaced by
# another function mid-loop, and an operator whose operand types alternate. While a loop is recorded, an
# instruction specialized for one type may run its generic path for another: the trace must record what ran.
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


class Z(X):
    def both(self, n):
        return -n


def site(objs, n):
    pt = 0
    for i in range(n):
        o = objs[i % len(objs)]
        pt += o.val() + o.both(i % 3)
    return pt


print(site([X(), Y(), X(), X(), Y()], 3000))
print(site([Z(), X(), Y()], 3000))
print(site([Y()] * 50 + [Z()] * 50, 1000))

objs = [X(), Y(), X(), X(), Y()]
total = 0
for i in range(3000):
    o = objs[i % 5]
    total += o.val() + o.both(i % 3)
print('module level', total)


def f1(x):
    return x + 1


def f2(x):
    return x * 2


def calls(n):
    fs = [f1, f2, f1]
    s = 0
    for i in range(n):
        s += fs[i % 3](i)
    return s


print(calls(3000))


def mixed(n):
    vals = [1, 2.5, 'a', 3, 0.5]
    acc = []
    for i in range(n):
        v = vals[i % 5]
        acc.append(v + v)
    return acc[-5:], len(acc)


print(mixed(1000))
