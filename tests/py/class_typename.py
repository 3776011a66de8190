# type(x).__name__ for builtin values and user classes.
class Mine:
    pass


vals = [1, 2.0, 'x', b'b', None, True, [1], (1,), {1: 2}, {1}, frozenset(), range(1), slice(1),
        len, print, Mine, Mine(), type, object(), iter([]), (x for x in []), lambda: 0, NotImplemented, ...]
print([type(v).__name__ for v in vals])
print(type(5) is int, type(True) is bool, type(type(5)) is type, type('') == str)
