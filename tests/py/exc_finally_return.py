# finally runs on return; a return in finally overrides the try's return and swallows exceptions.
def f1():
    try:
        return 'try'
    finally:
        print('f1 finally')


def f2():
    try:
        return 'try'
    finally:
        return 'finally'


def f3():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'


def f4():
    x = 1
    try:
        return x
    finally:
        x = 2


def f5():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print('f5 finally', i)


print(f1(), f2(), f3(), f4(), f5())
