# Functions made by one `def` or `lambda` share their version (as in CPython 3.13): a call specialized, or a trace
# recorded, for one of them runs the others too. What differs between them must still come from the function
# called: its closure cells, its defaults; and assigning __defaults__ or __code__ to one of them must
# make calls to it miss while the others still hit.


def make(k):
    def add(x, y=k * 100):
        return x + y + k
    return add


adders = [make(k) for k in range(3)]


def closures_and_defaults(n):
    total = 0
    for i in range(n):
        f = adders[i % 3]
        total += f(i) + f(i, 1)
    return total


print(closures_and_defaults(3000))


def lambdas(n):
    total = 0
    for j in range(n):
        pred = lambda v, j=j: (v + j) % 3 != 0   # a new function on every iteration
        total += sum(1 for v in range(5) if pred(v))
    return total


print(lambdas(2000))


def changed_defaults(n):
    total = 0
    for i in range(n):
        if i == n // 2:
            adders[1].__defaults__ = (7,)
        total += adders[i % 3](i)
    return total


print(changed_defaults(3000))


def make_other(k):
    def other(x, y=0):
        return x * 2 + y + k
    return other


def changed_code(n):
    total = 0
    for i in range(n):
        if i == n // 2:
            adders[2].__code__ = make_other(9).__code__
        total += adders[i % 3](i)
    return total


print(closures_and_defaults(3000), changed_code(3000))
