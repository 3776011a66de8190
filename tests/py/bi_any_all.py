# any() and all() short-circuit and work on any iterable.
print(any([]), all([]), any([0, '', None]), any([0, 1]), all([1, 'a', [0]]), all([1, 0]))
seen = []


def mark(x):
    seen.append(x)
    return x


print(any(mark(x) for x in [0, 0, 3, 4]), seen)
seen.clear()
print(all(mark(x) for x in [1, 2, 0, 5]), seen)
print(any(c.isdigit() for c in 'abc1'), all(c.islower() for c in 'abc'), all(x > 0 for x in range(1, 10)))
