# GeneratorExit on close(); a generator that yields in response raises RuntimeError.
def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('got GeneratorExit')
        raise


it = g()
next(it)
it.close()
it.close()
print('closed twice ok')


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'refuse'


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print('RuntimeError:', e)
fresh = g()
fresh.close()
print(list(fresh))
