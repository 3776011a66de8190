# StopIteration escaping a generator becomes RuntimeError.
def gen():
    yield 1
    next(iter([]))
    yield 2


for v in gen():
    print(v)
