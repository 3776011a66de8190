# range membership, slicing, equality, reversed and iteration.
r = range(0, 100, 3)
print(33 in r, 34 in r, -3 in r, 99 in r, 100 in r, 3.0 in r, 'x' in r)
print(r[5:10], r[::-1], r[::2][:3], list(r[-3:]), r[10:2:-3])
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 10, 2) == range(1, 11, 2), range(2) == [0, 1])
print(list(reversed(range(1, 8, 3))), sum(range(1, 1001)), max(range(7)), min(range(3, 9)))
total = 0
for i in range(200000):
    total += i
print(total)
print(bool(range(0)), bool(range(1)), list(range(3)) == [0, 1, 2], hash(range(3)) == hash(range(0, 3)))
