# A module body runs only once, however many times and ways it is imported; state is shared.
import sys
import _helper_mod
import _helper_mod
import _helper_mod as again
from _helper_mod import bump
import _helper_pkg_b
print(_helper_mod is again, '_helper_mod' in sys.modules, sys.modules['_helper_mod'] is _helper_mod)
bump()
print(_helper_pkg_b.bump_twice(), _helper_pkg_b.shared_counter(), _helper_mod.counter)


def late():
    import _helper_mod as inner
    return inner.bump(10)


print(late(), _helper_mod.counter)
