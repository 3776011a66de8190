# Helper module that itself imports another helper module.
import _helper_mod
from _helper_mod import bump

print('_helper_pkg_b executing')


def bump_twice():
    bump()
    return bump()


def shared_counter():
    return _helper_mod.counter
