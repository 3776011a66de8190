# isinstance/issubclass with tuples, builtin types, bool/int, and object.
class A: pass
class B(A): pass
class C: pass


b = B()
print(isinstance(b, A), isinstance(b, (C, B)), isinstance(b, C), isinstance(b, object), issubclass(B, (C, A)))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)), isinstance('s', str))
print(isinstance([], list), isinstance((), list), isinstance({}, dict), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, object), issubclass(B, B), issubclass(type, object))
print(isinstance(A, type), isinstance(int, type), type(A).__name__, type(type).__name__)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(OSError, Exception))
try:
    isinstance(b, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    issubclass(b, A)
except TypeError as e:
    print('TypeError:', e)
