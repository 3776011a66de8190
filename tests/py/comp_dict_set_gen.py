# Dict, set and generator comprehensions side by side.
words = ['apple', 'banana', 'avocado', 'cherry', 'blueberry']
by_letter = {w[0]: [v for v in words if v[0] == w[0]] for w in words}
print(by_letter)
lengths = {len(w) for w in words}
print(sorted(lengths))
gen = (len(w) for w in words)
print(type(gen).__name__, next(gen), sum(gen))
print({k: v for k, v in zip('abc', range(3)) if v}, {i % 3 for i in range(100)} == {0, 1, 2})
