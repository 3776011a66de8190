# A class with __iter__ returning self and __next__; used by for, list, zip and in.
class Fib:
    def __init__(self, limit):
        self.limit = limit
        self.a, self.b = 0, 1

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        val = self.a
        self.a, self.b = self.b, self.a + self.b
        return val


for v in Fib(20):
    print(v, end=' ')
print()
f = Fib(100)
print(next(f), next(f), next(f), list(f), 55 in Fib(100), 56 in Fib(100))
print(list(zip(Fib(5), 'abcdefg')))
