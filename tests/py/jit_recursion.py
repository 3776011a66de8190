# Recursive functions traced from their entry: the call to itself runs the trace itself (nested), the return comes
# back to the call. Every way out of the nesting must leave frames tier 1 can continue.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)   # big ints past 20!


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def boom(n):
    # An exception raised deep in the nesting, caught some levels up.
    if n == 0:
        raise ValueError("bottom")
    try:
        return boom(n - 1)
    except ValueError as e:
        if n % 3 == 0:
            return "caught at %d: %s" % (n, e)
        raise


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def is_even(n):   # mutual recursion: calls through another function
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def walk(tree):
    # Recursion through a loop, with a keyword call (not exact positional arguments).
    total = tree[0]
    for child in tree[1]:
        total += walk(tree=child)
    return total


def rebinding(n):
    # The global the trace inlined changes in the middle of the recursion: the executor is invalidated.
    global rebinding
    if n == 5:
        old = rebinding
        rebinding = lambda k: -1000
        try:
            return old(n - 1) + rebinding(n - 1)
        finally:
            rebinding = old
    if n == 0:
        return 0
    return n + rebinding(n - 1)


print([fib(i) for i in range(20)], fib(24))
print(fact(30))
print(depth(500))
sys.setrecursionlimit(5000)
print(depth(3000))   # deeper than the JIT nests: the deeper calls go through tier 1
sys.setrecursionlimit(1000)
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(200)   # reached while the JIT nests (the traced call's own frame push raises)
for attempt in range(3):
    try:
        depth(1000)
    except RecursionError as e:
        print("RecursionError at limit 200:", e)
sys.setrecursionlimit(1000)
print(depth(900))             # and the frames left behind were all popped
print([boom(6), boom(9)])
try:
    boom(2)
except ValueError as e:
    print("escaped:", e)
print(ackermann(2, 3), ackermann(2, 50))
print(is_even(300), is_odd(301))
t = (1, [(2, []), (3, [(4, []), (5, [(6, [])])])])
print([walk(t) for _ in range(30)][-1])
print([rebinding(10) for _ in range(20)])


def closure_recursion(n):
    # A closure's frame starts with COPY_FREE_VARS before its RESUME: its recursive calls stay tier 1's.
    found = []

    def place(r):
        if r == n:
            found.append(r)
            return
        for c in range(n):
            place(r + 1)
    place(0)
    return len(found)


print([closure_recursion(k) for k in range(1, 6)])
