# Old-style sequence protocol: __getitem__ with IndexError makes a class iterable.
class Squares:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


s = Squares(5)
print(list(s), 9 in s, 10 in s, [x for x in s if x % 2], s[3])
a, b, *c = Squares(4)
print(a, b, c, sorted(Squares(3), reverse=True), sum(Squares(10)))
