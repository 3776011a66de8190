# Invalidation: traces inline globals and builtins as constants and depend on the dicts they came from; changing a
# global, shadowing a builtin or changing a class between or during loops must be seen at once.
SCALE = 2


def scaled(n):
    s = 0
    for i in range(n):
        s += i * SCALE
    return s


print(scaled(100))
SCALE = 3
print(scaled(100))
SCALE = 0.5
print(scaled(100))


def rebinding_inside(n):
    global SCALE
    out = []
    for i in range(n):
        out.append(SCALE)
        if i == n // 2:
            SCALE = 'changed'
    return out[n // 2 - 1: n // 2 + 3]


print(rebinding_inside(60))


def uses_len(items):
    t = 0
    for x in items:
        t += len(x)
    return t


print(uses_len(['ab', 'cde'] * 20))
len = lambda x: 100
print(uses_len(['ab', 'cde'] * 20))
del len
print(uses_len(['ab', 'cde'] * 20))


class Shape:
    sides = 3

    def area(self):
        return 1.0


def total(shapes):
    t = 0.0
    for s in shapes:
        t += s.area() + s.sides
    return t


shapes = [Shape() for _ in range(30)]
print(total(shapes))
Shape.sides = 4
print(total(shapes))
Shape.area = lambda self: 2.5
print(total(shapes))


def mutate_class_midloop(shapes):
    t = 0.0
    for k, s in enumerate(shapes):
        if k == 10:
            Shape.sides = 10
        t += s.sides
    return t


print(mutate_class_midloop(shapes))


def helper():
    return 1


def calls_helper(n):
    s = 0
    for i in range(n):
        s += helper()
        if i == 40:
            globals()['helper'] = lambda: 1000
    return s


print(calls_helper(80))

# A module-level loop that stores globals every iteration while reading others.
LIMIT = 5
acc = 0
for i in range(200):
    acc = acc + LIMIT
    if i == 100:
        LIMIT = 7
print(acc)
