# Errors in __enter__ skip __exit__; errors in __exit__ replace the body's exception; missing protocol.
class FailEnter:
    def __enter__(self):
        raise RuntimeError('enter failed')

    def __exit__(self, *a):
        print('never called')


class FailExit:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        raise KeyError('exit failed')


try:
    with FailEnter():
        print('body not run')
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    with FailExit():
        raise ValueError('body')
except KeyError as e:
    print('KeyError:', e, type(e.__context__).__name__)
try:
    with 42:
        pass
except TypeError as e:
    print('TypeError:', e)
