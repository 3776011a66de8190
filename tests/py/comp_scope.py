# Comprehension variables do not leak; the first iterable is evaluated in the enclosing scope.
x = 'outer'
squares = [x * x for x in range(4)]
print(x, squares)
y = 10
print([y + i for i in range(3)])


class K:
    base = [1, 2, 3]
    doubled = [v * 2 for v in base]
    try:
        broken = [v + len(base) for v in range(2)]
    except NameError as e:
        err = str(e)


print(K.doubled, K.err)


def f():
    n = 5
    return [lambda: n for _ in range(2)], [i for i in range(n)]


fs, lst = f()
print([g() for g in fs], lst)
