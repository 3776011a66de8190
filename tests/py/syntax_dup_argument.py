# SyntaxError: duplicate parameter names.
def f(a, a):
    return a
