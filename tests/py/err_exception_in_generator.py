# An exception inside a generator body propagates to the consuming loop.
def readings():
    yield 1.0
    yield 2.0
    raise ValueError('sensor disconnected')


for r in readings():
    print('reading', r)
