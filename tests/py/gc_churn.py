# Heavy short-lived allocation of strings, tuples, lists, dicts and big ints; only aggregates are printed.
acc = 0
for i in range(20000):
    t = (i, str(i), [i] * 3, {'k': i})
    acc += t[0] + len(t[1]) + sum(t[2]) + t[3]['k']
print(acc)
s = 0
for i in range(5000):
    big = (10 ** 30 + i) * (10 ** 30 - i)
    s = (s + big) % (2 ** 89 - 1)
print(s)
pieces = []
for i in range(5000):
    pieces.append(('%05d' % i)[::-1])
    if len(pieces) > 100:
        pieces = pieces[-10:]
print(len(pieces), pieces[-3:])
survivors = {}
for i in range(10000):
    survivors[i % 97] = [i, str(i)]
print(len(survivors), survivors[0], survivors[96])
nested = []
for i in range(200):
    nested = [nested, i]
depth = 0
while nested:
    nested = nested[0]
    depth += 1
print(depth)
