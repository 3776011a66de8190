# Recursive functions: factorial, fibonacci, Ackermann, mutual recursion, permutations.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def perms(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i in range(len(items)):
        for p in perms(items[:i] + items[i + 1:]):
            out.append(items[i:i + 1] + p)
    return out


print(fact(20), fact(30), [fib(i) for i in range(15)], fib(20))
print(ack(2, 3), ack(3, 3), is_even(100), is_odd(77), is_even(7))
print(perms('abc'), len(perms([1, 2, 3, 4, 5])))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
