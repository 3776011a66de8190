# Dicts keep insertion order; re-assigning keeps position; delete then re-insert moves to the end.
d = {}
for k in ['zeta', 'alpha', 'mid', 'beta']:
    d[k] = len(k)
print(d, list(d))
d['alpha'] = 100
print(list(d.items()))
del d['zeta']
d['zeta'] = 0
print(list(d.keys()))
e = dict(b=1, a=2)
e.update([('c', 3), ('a', 4)])
print(e)
big = {}
for i in range(1000):
    big[i * 7 % 1000] = i
for i in range(0, 1000, 2):
    del big[i]
for i in range(0, 20, 2):
    big[i] = -i
keys = list(big)
print(len(big), keys[:10], keys[-10:])
