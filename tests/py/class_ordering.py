# Rich comparisons: __lt__ enables sorting; reflected comparisons are used when one side lacks them.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split('.'))

    def __lt__(self, other):
        return self.parts < other.parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))


vs = [Version(s) for s in ['1.10', '1.2', '1.2.1', '0.9', '1.2']]
print(sorted(vs), max(vs), min(vs))
a, b = Version('2.0'), Version('10.0')
print(a < b, a > b, a <= b, a >= b, a == Version('2.0'), a != b)
try:
    a < 3
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)


class NoCmp:
    pass


try:
    NoCmp() < NoCmp()
except TypeError as e:
    print('TypeError:', e)
