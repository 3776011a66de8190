# range with one, two and three arguments, negative steps, empty ranges.
print(list(range(5)), list(range(2, 7)), list(range(0, 20, 5)), list(range(10, 0, -3)), list(range(-5, -1)))
print(list(range(0)), list(range(5, 2)), list(range(2, 5, -1)), list(range(-1, -10, -4)))
print(range(10), range(1, 10, 2), repr(range(0, 5)), str(range(-3, 3, 2)))
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], r.start, r.stop, r.step, r.index(11), r.count(11), r.count(12))
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20), range(0, 10 ** 18, 7)[10 ** 16])
try:
    range(1, 2, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    range(3)[3]
except IndexError as e:
    print('IndexError:', e)
try:
    range(1.5)
except TypeError as e:
    print('TypeError:', e)
