def g():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from z
    w = (yield)
    v = yield *a, b
