# Branches on values the trace optimizer knows are constants (a callee that returns a constant is inlined into the
# trace): the branch's guard goes, but the value it tested must still leave the stack.


def always(x):
    return True


def nothing(x):
    return None


def something(x):
    return 7


def filtered(xs):
    return [x * 2 for x in xs if always(x)]


def count(n):
    total = 0
    marks = []
    for i in range(n):
        if always(i):
            total += i
        if nothing(i) is None:
            total += 1
        if something(i) is not None:
            total += 2
        if not always(i):
            total -= 1000
        marks.append(total % 7)
    return total, marks[-5:]


print(filtered(list(range(30))))
print(count(200))
print([filtered([i, i + 1]) for i in range(40)][-3:])
