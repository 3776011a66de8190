# __call__ makes instances callable; __bool__ and __len__ decide truthiness.
class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x, y=1):
        return self.k * x * y


class Empty:
    def __len__(self):
        return 0


class Falsy:
    def __bool__(self):
        return False

    def __len__(self):
        return 10


class Default:
    pass


m = Multiplier(3)
print(m(2), m(2, y=5), callable(m), callable(Multiplier), list(map(m, [1, 2])))
print(bool(Empty()), bool(Falsy()), bool(Default()), len(Falsy()))
print('yes' if Empty() else 'no', not Falsy(), Empty() or 'fallback', Default() and 'both')


class BadBool:
    def __bool__(self):
        return 1


try:
    bool(BadBool())
except TypeError as e:
    print('TypeError:', e)
