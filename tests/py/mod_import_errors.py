# Import failures: missing modules raise ModuleNotFoundError; a module failing at import is not cached.
import sys
try:
    import _no_such_helper_module
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e, e.name)
try:
    import _helper_raises
except RuntimeError as e:
    print('RuntimeError:', e)
print('_helper_raises' in sys.modules)
try:
    import _helper_raises
except RuntimeError as e:
    print('again RuntimeError:', e)
