# Keyword arguments, *args, **kwargs and argument unpacking at call sites.
def f(a, b, *args, c=3, **kwargs):
    return (a, b, args, c, sorted(kwargs.items()))


print(f(1, 2))
print(f(1, 2, 3, 4, 5))
print(f(1, b=2, c=9, z=0, y=1))
print(f(*[1, 2, 3], **{'c': 4, 'd': 5}))
print(f(*'ab', *(1,), **{'e': 0}, c=7))


def total(*nums):
    return sum(nums), len(nums), type(nums).__name__


print(total(), total(1), total(*range(5)))


def opts(**kw):
    return kw


print(opts(), opts(x=1, y=2), opts(**{'a': 1}, b=2))
