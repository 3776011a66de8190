# Exceptions inside generators: propagation to the consumer, finally on close, throw().
def numbers():
    try:
        yield 1
        yield 2
        raise ValueError('gen failed')
    finally:
        print('gen cleanup')


try:
    for n in numbers():
        print('got', n)
except ValueError as e:
    print('caught', e)
g = numbers()
print(next(g))
g.close()
print('closed')


def catcher():
    while True:
        try:
            x = yield
            print('received', x)
        except KeyError as e:
            print('generator handled', e)
            yield 'recovered'


c = catcher()
next(c)
c.send('hello')
print(c.throw(KeyError('oops')))
next(c)
c.send('again')
c.close()


def stopper():
    yield 1
    raise StopIteration


try:
    list(stopper())
except RuntimeError as e:
    print('RuntimeError:', e, type(e.__cause__).__name__)
