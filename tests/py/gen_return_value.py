# A generator's return value travels in StopIteration.value.
def g():
    yield 1
    return 'done'


it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print('StopIteration value:', e.value, e.args)
try:
    next(it)
except StopIteration as e:
    print('second time:', e.value)


def empty():
    return 42
    yield


try:
    next(empty())
except StopIteration as e:
    print('empty returned', e.value)


def delegate():
    result = yield from g()
    yield 'got ' + result


print(list(delegate()))
