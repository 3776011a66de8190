# The built-in exception hierarchy: base classes catch their subclasses.
def catch(exc, base):
    try:
        raise exc
    except base:
        return True
    except BaseException:
        return False


checks = [(KeyError, LookupError), (IndexError, LookupError), (ZeroDivisionError, ArithmeticError),
          (OverflowError, ArithmeticError), (UnboundLocalError, NameError), (RecursionError, RuntimeError),
          (NotImplementedError, RuntimeError), (ModuleNotFoundError, ImportError), (FileNotFoundError, OSError),
          (UnicodeDecodeError, ValueError), (StopIteration, Exception), (KeyboardInterrupt, Exception),
          (SystemExit, Exception), (GeneratorExit, Exception), (KeyboardInterrupt, BaseException),
          (Exception, BaseException), (TypeError, ValueError), (AssertionError, Exception)]
for exc, base in checks:
    print(exc.__name__, base.__name__, issubclass(exc, base), catch(exc if exc is not UnicodeDecodeError
          else UnicodeDecodeError('utf-8', b'', 0, 1, 'x'), base))
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in KeyError.__mro__])
