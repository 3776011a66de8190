# if/elif/else chains, nested conditions and match-like dispatch with dicts.
def grade(score):
    if score >= 90:
        return 'A'
    elif score >= 80:
        return 'B'
    elif score >= 70:
        return 'C'
    else:
        return 'F'


def fizzbuzz(n):
    if n % 15 == 0:
        return 'FizzBuzz'
    if n % 3 == 0:
        return 'Fizz'
    if n % 5 == 0:
        return 'Buzz'
    return str(n)


print([grade(s) for s in (95, 85, 75, 65, 90, 80)])
print(' '.join(fizzbuzz(i) for i in range(1, 31)))
dispatch = {'add': lambda a, b: a + b, 'mul': lambda a, b: a * b}
for op in ('add', 'mul', 'pow'):
    fn = dispatch.get(op)
    print(op, fn(3, 4) if fn else 'unknown')
