# A bare raise with no active exception is a RuntimeError.
print('nothing to re-raise')
raise
