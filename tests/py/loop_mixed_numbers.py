# Arithmetic mixing floats and ints in hot loops: the specialized mixed forms (BINARY_OP_*_NUMBER: float and
# int operands as doubles, int / int as a float division) and what they leave to the generic path: an int that
# is not an immediate (a big int), bools, zero divisors, operand kinds changing mid-loop.


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def kernel(n):
    s = 0.0
    for i in range(n):
        for j in range(n):
            s += eval_a(i, j) * (j + 1)
    return s


def mixed(n):
    out = []
    t = 0.5
    for i in range(n):
        t = t * 2 - i + 0.25      # float * int, float - int, float + float
        u = 3 - t / 4             # int - float, float / int
        w = i / (i % 5 + 1)       # int / int
        out.append((t, u, w))
    return out[-3:], sum(x + y + z for x, y, z in out)


def changing(n):
    res = []
    for i in range(n):
        a = 1.5 if i < 20 else (2**60 if i < 40 else (True if i < 50 else i))
        b = i if i % 7 else 0
        try:
            res.append((a + b, a - b, a * b, a / b))
        except ZeroDivisionError as e:
            res.append(str(e))
    return res[::9]


print(kernel(40))
print(mixed(300))
for r in changing(70):
    print(r)
print(-0.0 * 0, 0 * -1.5, 7 / 2, -7 / 2, (2**49 - 1) / 3, 1 / 3.0, 2**49 * 0.5)
