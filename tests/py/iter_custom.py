# Custom iterators and iterables via __iter__/__next__; one-shot versus reusable.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Span:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __iter__(self):
        i = self.a
        while i < self.b:
            yield i
            i += 1


c = Countdown(3)
print(list(c), list(c))
s = Span(2, 6)
print(list(s), list(s), sum(s), max(s), sorted(s, reverse=True), 4 in s, 9 in s)
a, b, *rest = Span(0, 5)
print(a, b, rest, dict(zip(Span(0, 3), 'xyz')), [x * 2 for x in Countdown(4)])
print(tuple(enumerate(Countdown(2))), ', '.join(str(x) for x in Span(7, 10)))
