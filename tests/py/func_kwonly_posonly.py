# Keyword-only (after *) and positional-only (before /) parameters and their errors.
def kw(a, *, b, c=2):
    return a, b, c


def pos(a, b, /, c, *, d=0):
    return a, b, c, d


print(kw(1, b=5), kw(a=1, b=2, c=3), pos(1, 2, 3), pos(1, 2, c=3, d=4))
for call in (lambda: kw(1, 2), lambda: kw(1), lambda: pos(a=1, b=2, c=3), lambda: pos(1, 2, 3, 4),
             lambda: kw(1, b=2, e=5), lambda: pos(1, 2)):
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)


def both(x, /, **kwargs):
    return x, kwargs


print(both(1, x=2))
