# __eq__ and __hash__ together make instances usable as dict keys and set members.
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)

    def __hash__(self):
        return hash((self.a, self.b))

    def __repr__(self):
        return f'Key({self.a}, {self.b})'


d = {Key(1, 2): 'first'}
d[Key(1, 2)] = 'second'
print(d, len(d), Key(1, 2) in d, Key(2, 1) in d)
s = {Key(0, 0), Key(0, 0), Key(0, 1)}
print(len(s), Key(1, 2) == Key(1, 2), Key(1, 2) != Key(1, 3), Key(1, 2) == (1, 2))


class EqOnly:
    def __eq__(self, other):
        return True


print(EqOnly.__hash__ is None, EqOnly() == 5, EqOnly() != 5)
try:
    {EqOnly(): 1}
except TypeError as e:
    print('TypeError:', e)


class Plain:
    pass


p = Plain()
print(p == p, p == Plain(), p != Plain(), {p: 1}[p], hash(p) == hash(p))
