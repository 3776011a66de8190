# LEGB name resolution, class scope not visible to methods, and builtins shadowing.
x = 'global'


def outer():
    x = 'enclosing'

    def inner():
        return x
    return inner()


print(outer())


def uses_builtin():
    return len('abc')


def shadows_builtin():
    len = lambda s: 'shadowed'
    return len('abc')


print(uses_builtin(), shadows_builtin(), len('ab'))


class C:
    y = 'class attr'

    def m(self):
        try:
            return y
        except NameError as e:
            return 'NameError: ' + str(e)

    vals = [y for _ in range(1)] if False else None


print(C().m(), C.y)
