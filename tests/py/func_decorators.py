# Decorators with and without arguments, stacking order, and wrapped metadata.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + '!'
    wrapper.__name__ = fn.__name__
    return wrapper


def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco


def trace(label):
    def deco(fn):
        def wrapper(*args):
            print(label, 'enter', fn.__name__, args)
            result = fn(*args)
            print(label, 'exit', result)
            return result
        return wrapper
    return deco


@shout
def hello(name):
    return 'hello ' + name


@repeat(3)
def roll(x):
    return x * 2


@trace('outer')
@trace('inner')
def add(a, b):
    return a + b


print(hello('world'), hello.__name__)
print(roll(4))
print(add(2, 3))
calls = []


def register(fn):
    calls.append(fn.__name__)
    return fn


@register
def a():
    pass


@register
def b():
    pass


print(calls, a() is None)
