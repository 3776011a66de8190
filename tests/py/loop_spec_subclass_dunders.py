# Subclasses of int, str and list that override operators, comparisons and truth, mixed with exact
# builtin operands at the same (specialized) sites in hot loops: the exact-type guards must reject them.


class I(int):
    def __add__(self, other):
        return 'I+'

    def __lt__(self, other):
        return 'I<'

    def __eq__(self, other):
        return 'I=='

    __hash__ = int.__hash__


class S(str):
    def __add__(self, other):
        return 'S+'

    def __lt__(self, other):
        return 'S<'

    def __len__(self):
        return 0


class L(list):
    def __len__(self):
        return 0


def add(a, b):
    return a + b


def lt(a, b):
    return a < b


def eq(a, b):
    return a == b


def truth(x):
    return 'T' if x else 'F'


ops = []
for i in range(300):
    if i % 100 == 99:
        ops.append((add(I(i), 1), add(S('s'), 'x'), lt(I(i), 5), lt(S('a'), 'b'), eq(I(i), i)))
    else:
        add(i, 1)
        add('s', 'x')
        lt(i, 5)
        lt('a', 'b')
        eq(i, i)
print('ops', ops)
print('exact again', add(2, 3), add('a', 'b'), lt(1, 2), lt('b', 'a'), eq(4, 4))

tr = []
for i in range(300):
    if i % 100 == 99:
        tr.append((truth(S('abc')), truth(L([1, 2])), truth(I(3))))
    else:
        truth('abc')
        truth([1])
        truth(i)
print('truth', tr)

late = []
for i in range(300):
    if i == 100:
        I.__bool__ = lambda self: False
        L.__bool__ = lambda self: True
    late.append(truth(I(7)) + truth(L()) + truth(7) + truth([]))
print('late', late[99], late[100], late.count('FTTF'))
