# str() falls back to __repr__; exceptions in __repr__ propagate; repr of classes is their name.
class R:
    def __repr__(self):
        return '<R>'


class Broken:
    def __repr__(self):
        raise ValueError('cannot repr')


print(str(R()), [R()], f'{R()}')
try:
    repr(Broken())
except ValueError as e:
    print('ValueError:', e)
try:
    print([Broken()])
except ValueError as e:
    print('ValueError:', e)
print(R.__name__, R.__qualname__, int.__name__, repr(int), repr(str), str(ValueError))
