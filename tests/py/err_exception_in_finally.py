# An exception raised in finally replaces the one in flight.
def f():
    try:
        raise ValueError('original')
    finally:
        print('finally raising')
        raise TypeError('from finally')


f()
