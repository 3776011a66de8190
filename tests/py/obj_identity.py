# Identity (is / is not) where the language defines it: singletons, same object, copies.
a = [1, 2]
b = a
c = list(a)
print(a is b, a is c, a == c, a is not c, None is None, True is True, ... is Ellipsis)
x = None
print(x is None, x is not None, type(None) is type(x), NotImplemented is NotImplemented)
d = {'k': a}
print(d['k'] is a, d.copy()['k'] is a, [a][0] is a, (a,)[0] is b)


def same(o):
    return o


obj = object()
print(same(obj) is obj, obj is not object(), obj == obj, obj != object())
t = (1, 2)
print(a[:] is a, a[:] == a, list(t) == [1, 2], tuple(a) == t, str('abc') == 'abc')
