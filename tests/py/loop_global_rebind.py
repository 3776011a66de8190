# Globals and builtins rebound while a hot loop keeps reading them.
FACTOR = 2


def scaled(v):
    return v * FACTOR


out = []
for i in range(1000):
    if i == 500:
        FACTOR = 3
    if i % 250 == 0:
        out.append(scaled(i))
print(out)


def measure(s):
    return len(s)


res = []
for i in range(600):
    if i == 300:
        len = lambda s: -1
    if i == 400:
        del len
    if i % 100 == 0:
        res.append(measure('abc'))
print(res)


def f():
    return 'first'


names = []
for i in range(400):
    if i == 200:
        def f():
            return 'second'
    if i % 100 == 0:
        names.append(f())
print(names)
