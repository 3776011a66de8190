# import of a helper module: attribute access, functions, classes, __name__ of both modules.
import _helper_mod
print('main __name__ =', __name__)
print(_helper_mod.CONSTANT, _helper_mod.counter, _helper_mod.bump(), _helper_mod.bump(5), _helper_mod.counter)
print(_helper_mod.Thing(3), _helper_mod.whoami(), _helper_mod.__name__, type(_helper_mod).__name__)
print(hasattr(_helper_mod, 'bump'), hasattr(_helper_mod, 'nope'), _helper_mod._private)
