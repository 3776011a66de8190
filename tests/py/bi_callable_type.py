# type() with one argument, callable(), and calling types as constructors.
print(type(1) is int, type(1)(5), type('a')('b'), type([])(), type(None)(), type(type)(3) is int)
print(callable(len), callable(type), callable(None), callable([].append), callable(int.bit_length))


class Widget:
    pass


W = type(Widget())
print(W is Widget, W.__name__, type(W).__name__, isinstance(W(), Widget))
