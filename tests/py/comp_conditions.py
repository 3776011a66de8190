# Comprehensions with filters and conditional expressions.
nums = range(-5, 6)
print([n for n in nums if n > 0 and n % 2 == 0])
print([n if n >= 0 else -n for n in nums])
print(['even' if n % 2 == 0 else 'odd' for n in range(4)])
print([c for c in 'Hello, World!' if c.isupper() or c == ',' ])
print([w for w in 'the quick brown fox jumps'.split() if len(w) > 3 if 'o' in w])
primes = [p for p in range(2, 50) if all(p % d for d in range(2, int(p ** 0.5) + 1))]
print(primes)
