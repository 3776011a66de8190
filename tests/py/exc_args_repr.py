# Exception args, str() and repr() with zero, one and several arguments.
for e in [Exception(), Exception('one'), Exception('a', 2), ValueError(''), KeyError('k'), KeyError(),
          RuntimeError(None), TypeError(['x']), StopIteration(5)]:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = ValueError('msg')
e.args = ('changed', 1)
print(str(e), repr(e))
print(repr(ZeroDivisionError('division by zero')), str(AssertionError()), repr(SystemExit(3)))
