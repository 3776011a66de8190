# frozenset is hashable and immutable; it mixes with set in operations.
f = frozenset([3, 1, 2])
print(sorted(f), len(f), 2 in f, type(f).__name__, type(f | {9}).__name__, type({9} | f).__name__)
d = {f: 'fs', frozenset(): 'empty'}
print(d[frozenset([1, 2, 3])], d[frozenset()])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s), frozenset([1, 2]) == {1, 2}, hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    f.add(4)
except AttributeError as e:
    print('AttributeError:', e)
nested = frozenset([frozenset([1]), frozenset([1, 2])])
print(sorted(len(x) for x in nested))
try:
    {[1, 2]}
except TypeError as e:
    print('TypeError:', e)
try:
    {{1}}
except TypeError as e:
    print('TypeError:', e)
