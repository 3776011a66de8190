# Set comprehensions and de-duplication.
sq = {x * x for x in range(-5, 6)}
print(sorted(sq), len(sq))
letters = {c.lower() for c in 'Hello World' if c.isalpha()}
print(sorted(letters))
words = 'a rose is a rose is a rose'.split()
print(len(words), len(set(words)), sorted(set(words)))
seen = set()
unique_in_order = []
for w in words:
    if w not in seen:
        seen.add(w)
        unique_in_order.append(w)
print(unique_in_order)
print(sorted({(i % 3, i % 2) for i in range(12)}))
