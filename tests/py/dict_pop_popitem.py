# pop() with defaults and popitem() in LIFO order.
d = {'x': 1, 'y': 2, 'z': 3}
print(d.pop('x'), d.pop('nope', None), d.pop('nope', 'dflt'), d)
d['w'] = 4
print(d.popitem(), d.popitem(), d)
try:
    d.pop('missing')
except KeyError as e:
    print('KeyError:', e)
d.popitem()
try:
    d.popitem()
except KeyError as e:
    print('KeyError:', e)
