# iter()/next() on builtin containers, exhaustion, next() defaults and StopIteration.
for src in ([1, 2], (3,), 'ab', {'k': 1, 'j': 2}, range(2)):
    it = iter(src)
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration:
            break
    print(type(src).__name__, out, next(it, 'done'))
it = iter([10, 20])
print(next(it), list(it), list(it), next(it, None))
e = enumerate('xy')
print(iter(e) is e, next(e), next(e), next(e, 'end'))
z = zip([1, 2], 'ab')
print(next(z), list(z))
m = map(str, [1, 2, 3])
print(next(m), list(m))
try:
    next(iter([]))
except StopIteration as ex:
    print('StopIteration', ex.args, repr(ex))
try:
    next([1])
except TypeError as ex:
    print('TypeError:', ex)
try:
    iter(5)
except TypeError as ex:
    print('TypeError:', ex)
