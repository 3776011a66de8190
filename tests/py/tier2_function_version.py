# A call to a global function in a hot loop: the trace checks only the function's version (the optimizer found the
# callable constant: _CHECK_FUNCTION_VERSION_INLINE). Assigning __code__ changes the version, so the guard must
# leave the trace and the call run the new code, with its own argument count.


def f(x):
    return x + 1


def g(x):
    return x * 10


def loop(n):
    total = 0
    for i in range(n):
        if i == 300:
            f.__code__ = g.__code__
        total += f(i)
    return total


print(loop(600))


def k(x):
    return x


def k2(x, y):
    return x + y


def loop2(n):
    out = []
    for i in range(n):
        if i == 200:
            k.__code__ = k2.__code__
        try:
            out.append(k(i))
        except TypeError as e:
            out.append(type(e).__name__)
            break
    return out[-3:]


print(loop2(400))


def twice(x):
    return 2 * x


def loop3(n):
    # The function itself rebound (a dict change: the executor's dependency) between calls.
    global twice
    s = 0
    for i in range(n):
        if i == 250:
            twice = lambda x: -x
        s += twice(i)
    return s


print(loop3(500))
