# sorted() and reversed() over various iterables, with keys, reverse and stability.
data = {'b': 3, 'a': 1, 'c': 2}
print(sorted(data), sorted(data.values()), sorted(data.items(), key=lambda kv: kv[1]), sorted(data, key=data.get))
print(sorted('Banana'), sorted('Banana', key=str.lower), sorted([3, 1, 2], reverse=True), sorted(range(5), key=lambda x: -x))
print(list(reversed('abc')), list(reversed([1, [2], 3])), list(reversed(range(0, 10, 3))), list(reversed(data)))
try:
    reversed({1, 2})
except TypeError as e:
    print('TypeError:', e)
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
