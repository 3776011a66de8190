# OSError with an errno picks the matching subclass; str() shows the errno in brackets.
e = OSError(2, 'No such file or directory')
print(type(e).__name__, e.errno, e.strerror, str(e), e.args)
f = OSError(2, 'No such file or directory', 'missing.txt')
print(type(f).__name__, str(f), f.filename)
g = OSError('plain message')
print(type(g).__name__, g.errno, str(g))
print(issubclass(FileNotFoundError, OSError), issubclass(FileExistsError, OSError), IOError is OSError)
