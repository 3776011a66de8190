# keys/values/items views are live and iterable; key views support set operations.
d = {'a': 1, 'b': 2}
k, v, it = d.keys(), d.values(), d.items()
d['c'] = 3
print(list(k), list(v), list(it), len(k), 'a' in k, 2 in v, ('b', 2) in it, ('b', 3) in it)
del d['a']
print(list(k), list(v))
print(sorted(k & {'b', 'x'}), sorted(k | {'z'}), sorted(k - {'b'}), sorted(k ^ {'b', 'q'}))
print(sorted(it & {('c', 3)}), k == {'b', 'c'}, list(reversed(d)), list(reversed(d.values())))
for key, val in d.items():
    print(key, val)
print(type(k).__name__, type(v).__name__, type(it).__name__)
