# Generator expressions are lazy and single-use.
calls = []


def noisy(x):
    calls.append(x)
    return x * 10


g = (noisy(x) for x in range(5))
print(calls)
print(next(g), calls)
print(list(g), calls)
print(list(g))
g2 = (x for x in [1, 2, 3])
print(2 in g2, list(g2))
print(sum(x for x in range(200000) if x % 7 == 0))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
