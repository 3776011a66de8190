# Numeric operator dunders beyond + and -: *, /, //, %, **, unary, abs, comparisons via a Vector.
class Vec:
    def __init__(self, *c):
        self.c = c

    def __repr__(self):
        return 'Vec' + repr(self.c)

    def __mul__(self, k):
        return Vec(*(x * k for x in self.c))

    def __truediv__(self, k):
        return Vec(*(x / k for x in self.c))

    def __floordiv__(self, k):
        return Vec(*(x // k for x in self.c))

    def __mod__(self, k):
        return Vec(*(x % k for x in self.c))

    def __pow__(self, k):
        return Vec(*(x ** k for x in self.c))

    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.c, other.c))

    def __neg__(self):
        return self * -1

    def __pos__(self):
        return self

    def __abs__(self):
        return sum(x * x for x in self.c) ** 0.5

    def __invert__(self):
        return Vec(*reversed(self.c))

    def __eq__(self, other):
        return self.c == other.c

    def __len__(self):
        return len(self.c)

    def __getitem__(self, i):
        return self.c[i]


v = Vec(3, 4)
print(v * 2, v / 2, v // 2, v % 2, v ** 2, v @ Vec(1, 1), -v, +v, abs(v), ~v, v == Vec(3, 4), len(v), v[1])
print(v != Vec(1), list(v), Vec(*v) == v)
