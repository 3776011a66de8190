# yield from delegates to sub-iterables and sub-generators and returns their return value.
def inner():
    yield 1
    yield 2
    return 'inner-result'


def outer():
    r = yield from inner()
    print('inner returned', r)
    yield from [10, 20]
    yield from 'ab'
    yield from range(2)


print(list(outer()))


def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x


print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))


def tree(depth):
    if depth == 0:
        yield 'leaf'
        return
    yield f'node{depth}'
    yield from tree(depth - 1)
    yield from tree(depth - 1)


print(list(tree(2)))
