# An exception raised while handling another (implicit chaining), left uncaught.
try:
    [][0]
except IndexError:
    print('handling IndexError')
    raise KeyError('during handling')
