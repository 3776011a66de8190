# Tuples: packing, single-element syntax, methods, immutability, tuple().
t = 1, 2, 3
print(t, type(t).__name__, len(t), t[0], t[-1], t[1:], t[::-1])
single = (5,)
not_tuple = (5)
print(single, type(single).__name__, type(not_tuple).__name__, (), tuple(), tuple('ab'), tuple([1]))
print(t.count(2), t.index(3), (1, 2) + (3,), (0,) * 3, 2 in t, t + ())
try:
    t[0] = 9
except TypeError as e:
    print('TypeError:', e)
try:
    t.index(99)
except ValueError as e:
    print('ValueError:', e)
nested = ([1, 2], 3)
nested[0].append(99)
print(nested)
print(repr((1,)), repr(((),)), str((None, 'a')), tuple(x * 2 for x in range(3)))
