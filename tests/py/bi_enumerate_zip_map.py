# enumerate/zip/map/filter are lazy iterators that can be consumed once.
e = enumerate(['a', 'b', 'c'], 1)
print(next(e), list(e), list(e))
z = zip(range(3), 'xyz', [True, False, None])
print(list(z))
m = map(lambda a, b: a * b, [1, 2, 3], [4, 5])
print(list(m))
f = filter(lambda x: x % 2, range(10))
print(next(f), next(f), list(f))
names = ['ann', 'bob']
ages = [30, 25]
for i, (n, a) in enumerate(zip(names, ages), start=100):
    print(i, n, a)
print(dict(enumerate('ab')), list(map(str.upper, 'hi')), list(zip(*zip('ab', 'cd'))))
