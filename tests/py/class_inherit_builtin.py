# Subclassing builtins: list, dict, str and int keep their behaviour and add methods.
class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0


class Shout(str):
    def shout(self):
        return self.upper() + '!'


class Meters(int):
    def __repr__(self):
        return f'{int(self)}m'


s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), isinstance(s, list), type(s).__name__, s + [4], type(s + [4]).__name__)
d = DefaultDict()
d['a'] += 5
print(d['a'], d['b'], d, d.get('c'), 'c' in d)
w = Shout('hey')
print(w.shout(), w + '?', len(w), w == 'hey', type(w.upper()).__name__)
m = Meters(5)
print(repr(m), m + 1, type(m + 1).__name__, m * 2, m == 5, [m])
