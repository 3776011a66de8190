# Bare raise re-raises the current exception; raising inside except after partial handling.
def handler(fn):
    try:
        fn()
    except ValueError as e:
        print('logging', e)
        raise


def bad():
    raise ValueError('original')


try:
    handler(bad)
except ValueError as e:
    print('outer got', e, type(e).__name__)


def reraise_other():
    try:
        raise KeyError('first')
    except KeyError as e:
        err = e
    raise err


try:
    reraise_other()
except KeyError as e:
    print('KeyError again', e)


def conditional(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        if n == 0:
            raise
        return None


try:
    conditional(0)
except ZeroDivisionError as e:
    print('re-raised:', e)
print(conditional(3))
