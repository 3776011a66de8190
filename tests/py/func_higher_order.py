# Functions as values: passing, returning, storing, map/filter and a hand-written reduce.
def apply_twice(f, x):
    return f(f(x))


def my_reduce(f, items, init):
    acc = init
    for it in items:
        acc = f(acc, it)
    return acc


def pipeline(*funcs):
    def run(x):
        for fn in funcs:
            x = fn(x)
        return x
    return run


print(apply_twice(lambda x: x * 3, 2), apply_twice(str.upper, 'a'), my_reduce(lambda a, b: a * b, range(1, 6), 1))
p = pipeline(str.strip, str.lower, lambda s: s.replace(' ', '_'))
print(p('  Hello World  '))
print(list(map(len, ['a', 'bb', ''])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b: a + b, 'ab', 'xyz')))
print(list(filter(None, [0, 1, '', 'x', None, [], [0]])), list(filter(str.isdigit, 'a1b2c3')))
table = [abs, str, bool, len]
print([f(-3) if f is not len else f('xyz') for f in table])
print(callable(print), callable(len), callable(3), callable(lambda: 0), callable(str), callable('s'))
m = map(lambda x: x * 10, [1, 2, 3])
print(type(m).__name__, next(m), list(m), list(m))
