# Passing generator expressions and iterables to builtins that consume them.
print(sum(x * x for x in range(10)), max(len(w) for w in ['a', 'abc', 'ab']), any(x > 8 for x in range(10)))
print(all(x < 5 for x in []), any([]), sorted((x % 4 for x in range(10)), reverse=True), list(x for x in 'ab'))
print(dict((i, chr(65 + i)) for i in range(3)), tuple(i for i in range(3) if i), ''.join(c for c in 'a1b2' if c.isalpha()))
