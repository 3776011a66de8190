# Assignment expressions in conditions, comprehensions and while loops.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print('long list', n)
queue = list(range(5))
while (item := queue.pop() if queue else None) is not None:
    print('item', item)
values = [y for x in data if (y := x * 2) > 6]
print(values, y)
lines = iter(['a', 'b', '', 'c'])
while line := next(lines):
    print('line', line)
print([last := i for i in range(3)], last)
total = 0
print([total := total + x for x in [1, 2, 3, 4]], total)
