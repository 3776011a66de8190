# Helper module for the mod_import_* tests: module-level state, functions, classes, __name__.
print('_helper_mod executing, __name__ =', __name__)
counter = 0
CONSTANT = 'helper constant'
_private = 'underscored'


def bump(n=1):
    global counter
    counter += n
    return counter


class Thing:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f'Thing({self.v})'


def whoami():
    return __name__
