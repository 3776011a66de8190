# add/discard/remove/pop/clear; sets are printed only through sorted() or len().
s = set()
for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    s.add(x)
print(sorted(s), len(s), 4 in s, 7 in s)
s.discard(4)
s.discard(100)
s.remove(9)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print('KeyError:', e)
popped = []
while s:
    popped.append(s.pop())
print(sorted(popped), len(s))
try:
    s.pop()
except KeyError as e:
    print('KeyError:', e)
t = {1, 2}
t.clear()
print(len(t), bool(t), bool({0}))
