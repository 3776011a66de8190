# Dict comprehensions, inversion, filtering, nested comprehensions.
sq = {x: x * x for x in range(6)}
print(sq)
inv = {v: k for k, v in sq.items()}
print(inv)
even = {k: v for k, v in sq.items() if k % 2 == 0}
print(even)
table = {(i, j): i * j for i in range(1, 4) for j in range(1, 4) if i <= j}
print(table)
words = ['apple', 'bob', 'kayak', 'level', 'python']
print({w: w == w[::-1] for w in words})
dup = {x % 3: x for x in range(10)}
print(dup)
