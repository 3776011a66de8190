# Default arguments are evaluated once, at definition time.
def greet(name, greeting='Hello', punct='!'):
    return greeting + ', ' + name + punct


print(greet('Ann'), greet('Bo', 'Hi'), greet('Cy', punct='?'), greet(punct='.', name='Di'))
x = 10


def show(v=x):
    return v


x = 20
print(show(), show(5))


def append_to(item, target=[]):
    target.append(item)
    return target


print(append_to(1), append_to(2), append_to(3, []), append_to(4))


def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(append_safe(1), append_safe(2))
print(greet.__defaults__, append_to.__defaults__, greet.__name__)
