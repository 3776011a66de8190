# Binary operator dunders with reflected versions and NotImplemented fallback.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        print('  radd called with', other)
        return self.__add__(other)

    def __sub__(self, other):
        return Money(self.cents - other.cents)

    def __mul__(self, k):
        return Money(self.cents * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Money(-self.cents)

    def __repr__(self):
        return f'Money({self.cents})'


a, b = Money(150), Money(75)
print(a + b, a - b, a * 2, 3 * b, -a, a + 5)
print(5 + a)
print(sum([a, b, Money(1)]))
try:
    a + 'x'
except TypeError as e:
    print('TypeError:', e)
try:
    'x' + a
except TypeError as e:
    print('TypeError:', e)
