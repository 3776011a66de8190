# Importing a module that does not exist.
print('before import')
import _this_helper_does_not_exist
