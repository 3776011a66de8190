# Helper module that raises while being imported.
print('_helper_raises starting')
value = 1
raise RuntimeError('import-time failure in helper')
