# Infinite generators consumed partially: primes, cycling, take/drop helpers without itertools.
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out


def cycle(seq):
    while True:
        for x in seq:
            yield x


def naturals(start=0):
    while True:
        yield start
        start += 1


print(take(15, primes()))
print(take(7, cycle('abc')))
evens = (n for n in naturals() if n % 2 == 0)
print(take(5, evens), take(3, evens))
p = primes()
for _ in range(999):
    next(p)
print(next(p))
