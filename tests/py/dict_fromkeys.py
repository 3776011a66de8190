# dict.fromkeys shares one value object among all keys.
d = dict.fromkeys(['a', 'b', 'c'])
print(d)
e = dict.fromkeys('xyz', 0)
e['x'] += 1
print(e)
f = dict.fromkeys(['p', 'q'], [])
f['p'].append(1)
print(f)
print(dict.fromkeys(range(3), 'v'), dict.fromkeys([]), dict.fromkeys('aab'))
