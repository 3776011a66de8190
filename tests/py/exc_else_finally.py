# try/except/else/finally in every combination and their execution order.
def run(fail):
    log = []
    try:
        log.append('try')
        if fail:
            raise ValueError('boom')
    except ValueError:
        log.append('except')
    else:
        log.append('else')
    finally:
        log.append('finally')
    log.append('after')
    return log


print(run(False))
print(run(True))


def only_finally():
    log = []
    try:
        try:
            log.append('inner try')
            raise KeyError('k')
        finally:
            log.append('inner finally')
    except KeyError:
        log.append('outer except')
    return log


print(only_finally())


def else_raises():
    try:
        pass
    except ZeroDivisionError:
        return 'not here'
    else:
        try:
            1 / 0
        except ZeroDivisionError:
            return 'else handled its own error'


print(else_raises())
