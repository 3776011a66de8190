# A context manager's __exit__ sees the exception but does not suppress it.
class Tx:
    def __enter__(self):
        print('begin')
        return self

    def __exit__(self, et, ev, tb):
        print('rollback because', et.__name__)
        return False


with Tx():
    print('working')
    raise LookupError('row not found')
