# hash() of small ints, tuples of ints, and hash-equality for equal values.
print(hash(0), hash(1), hash(-1), hash(-2), hash(12345), hash(True), hash(False))
print(hash((1, 2, 3)) == hash((1, 2, 3)), hash((1, 2)) != hash((2, 1)), hash(()) == hash(tuple()))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0), hash(2 ** 10) == 1024)
print(hash('abc') == hash('ab' + 'c'), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
for bad in ([], {}, set()):
    try:
        hash(bad)
    except TypeError as e:
        print('TypeError:', e)
