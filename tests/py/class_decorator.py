# Class decorators: registering, adding methods, and wrapping.
registry = {}


def register(cls):
    registry[cls.__name__.lower()] = cls
    return cls


def with_describe(cls):
    def describe(self):
        return f'{type(self).__name__} with {sorted(self.__dict__)}'
    cls.describe = describe
    return cls


def tagged(tag):
    def deco(cls):
        cls.tag = tag
        return cls
    return deco


@register
@with_describe
@tagged('beta')
class Widget:
    def __init__(self):
        self.w, self.h = 1, 2


@register
class Gadget:
    pass


print(sorted(registry), registry['widget'] is Widget, Widget().describe(), Widget.tag)
