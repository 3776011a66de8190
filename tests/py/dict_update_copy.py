# update() from dicts, pairs and kwargs; copy() is shallow; clear().
d = {'a': 1}
d.update({'b': 2})
d.update([('c', 3)], d=4)
d.update(a=10)
print(d)
c = d.copy()
c['a'] = 'changed'
print(d['a'], c['a'])
n = {'lst': [1]}
m = n.copy()
m['lst'].append(2)
print(n)
d.clear()
print(d, len(d), c)
print(dict({'x': 1}, y=2), dict([('k', 'v')]), dict(), dict(zip('ab', range(2))))
