# Keys of mixed types; 1, 1.0 and True are the same key; the first key object is kept.
d = {}
d[1] = 'int'
d[1.0] = 'float'
d[True] = 'bool'
print(d, len(d))
e = {True: 'a'}
e[1] = 'b'
print(e)
m = {'s': 1, 2: 'two', (1, 'a'): [3], -0.0: 'zero', frozenset([1]): 'fs', None: 0}
print(m[0], m[0.0], m[frozenset({1})], m[(1, 'a')], m[None], len(m))
for k in m:
    print(type(k).__name__, end=' ')
print()
