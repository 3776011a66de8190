# Assigning a function's __kwdefaults__, __code__ and __dict__, and an instance's __dict__, takes effect
# (also for calls that were already specialized), and bad values are TypeErrors.
def kw(a, *, c=2):
    return (a, c)


for _ in range(3):
    print(kw(1))
kw.__kwdefaults__ = {'c': 99}
print(kw(1), kw.__kwdefaults__)
kw.__kwdefaults__ = None
try:
    kw(1)
except TypeError as e:
    print('TypeError:', e)
try:
    kw.__kwdefaults__ = 5
except TypeError as e:
    print('TypeError:', e)


def f(a, b):
    return a + b


def g(a, b):
    return a * b


results = []
for i in range(200):
    if i == 100:
        f.__code__ = g.__code__
    results.append(f(i, 2))
print(results[98:103], f.__name__)
try:
    f.__code__ = 'nope'
except TypeError as e:
    print('TypeError:', e)


def outer():
    x = 1

    def inner():
        return x
    return inner


try:
    f.__code__ = outer().__code__
except ValueError as e:
    print('ValueError:', e)

f.__dict__ = {'tag': 'yes'}
print(f.tag)


class O:
    pass


objs = [O() for _ in range(5)]
for o in objs:
    o.x = 1
vals = []
for k, o in enumerate(objs * 20):
    if k == 50:
        objs[2].__dict__ = {'x': 'new'}
    vals.append(o.x)
print(vals[45:55])
objs[2].y = 2
print(sorted(objs[2].__dict__.items()))
try:
    objs[0].__dict__ = [1]
except TypeError as e:
    print('TypeError:', e)
try:
    del objs[0].__dict__
except TypeError as e:
    print('TypeError:', e)
del objs[0].__dict__
print(objs[0].__dict__, hasattr(objs[0], 'x'))
