# Generator functions: lazy evaluation, state across yields, exhaustion.
def count_up(n):
    print('start')
    i = 0
    while i < n:
        yield i
        i += 1
    print('end')


g = count_up(3)
print('created')
print(next(g))
print(next(g))
print(list(g))
print(list(g))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)


def pairs(seq):
    it = iter(seq)
    for a in it:
        yield a, next(it, None)


print(list(pairs('abcde')))
