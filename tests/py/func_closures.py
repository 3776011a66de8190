# Closures capture variables, not values; late binding in loops; counters with nonlocal.
def make_adder(n):
    def add(x):
        return x + n
    return add


add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(0))
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns2 = [lambda i=i: i for i in range(3)]
print([f() for f in fns2])


def counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc


c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())


def outer():
    x = 'before'

    def get():
        return x
    x = 'after'
    return get


print(outer()())
