# Lambdas in expressions, sort keys, immediately invoked, and returning lambdas.
sq = lambda x: x * x
print(sq(7), (lambda: 'no args')(), (lambda *a, **k: (a, k))(1, z=2), (lambda x, y=2: x ** y)(3))
pairs = [(1, 'one'), (3, 'three'), (2, 'two')]
print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: len(p[1])))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), sq.__name__, (lambda: 0).__name__)
ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b}
print([ops[o](6, 3) for o in '+-*'])
print(list(map(lambda s: s[::-1], ['ab', 'cd'])), list(filter(lambda n: n % 3 == 0, range(10))))
