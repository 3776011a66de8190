# Nested handlers, exceptions raised in except and finally blocks, and propagation through calls.
def level3():
    raise IndexError('deep')


def level2():
    try:
        level3()
    finally:
        print('level2 cleanup')


def level1():
    try:
        level2()
    except KeyError:
        print('not this one')


try:
    level1()
except IndexError as e:
    print('top caught', e)
try:
    try:
        raise ValueError('a')
    except ValueError:
        raise TypeError('b')
except TypeError as e:
    print(e, repr(e.__context__))
try:
    try:
        raise ValueError('c')
    finally:
        raise KeyError('d')
except KeyError as e:
    print(e, repr(e.__context__))
except ValueError:
    print('ValueError lost')
