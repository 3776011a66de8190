# Arithmetic and comparisons on constants inside traced loops (module constants the optimizer inlines, locals set
# to constants before the loop): the folded result must be the one the operation gives at run time, at the edges
# of the immediate int range (a result that is not an immediate is a big int, not folded), and for floats with
# NaN, infinities and negative zero.
BIG = 2 ** 48
NEG = -(2 ** 48)
NAN = float("nan")
INF = float("inf")
NZ = -0.0
K = 7


def ints(n):
    out = []
    for i in range(n):
        out.append((BIG + BIG, BIG * 4, NEG - BIG, BIG * BIG, K * K - 1, K & 3, K | 8, K ^ 5, BIG > NEG, K <= 7))
    return out[-1], len(out)


def floats(n):
    out = []
    for i in range(n):
        out.append((NAN == NAN, NAN != NAN, NAN < 1.0, INF > 1e308, INF - INF, NZ * 1.0, NZ + 0.0, 0.1 + 0.2,
                    1e308 * 10.0))
    return repr(out[-1]), len(out)


def branches(n):
    t = 0
    for i in range(n):
        if K > 5:
            t += 1
        if K * 2 == 15:
            t -= 100
        if BIG * 2 > BIG:
            t += 2
    return t


def local_constants(n):
    a = 3
    b = 2.5
    t = 0
    x = 0.0
    for i in range(n):
        t += a * 4 - a
        x += b * 2.0 - b
    return t, x


print(ints(50))
print(floats(50))
print(branches(50))
print(local_constants(50))
