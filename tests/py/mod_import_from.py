# from-imports bind names; rebinding a global in the module is not seen through the imported name.
from _helper_mod import bump, counter, Thing as T, CONSTANT
import _helper_mod as hm
print(counter, bump(), bump(), counter, hm.counter)
print(T('x'), CONSTANT, hm.Thing is T)
from _helper_mod import *
print(Thing(1), whoami())
try:
    _private
except NameError as e:
    print('NameError:', e)
try:
    from _helper_mod import does_not_exist
except ImportError as e:
    print(type(e).__name__, e.name, 'does_not_exist' in str(e))
