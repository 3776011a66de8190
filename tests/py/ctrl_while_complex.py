# while loops with complex conditions: Collatz lengths, gcd, digit manipulation, binary search.
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def digits_rev(n):
    r = 0
    while n > 0:
        r, n = r * 10 + n % 10, n // 10
    return r


def bsearch(xs, t):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == t:
            return mid
        if xs[mid] < t:
            lo = mid + 1
        else:
            hi = mid - 1
    return -lo - 1


print([collatz_len(n) for n in range(1, 20)], collatz_len(27))
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20), gcd(17, 5), digits_rev(1234500), digits_rev(10 ** 30 + 7))
xs = list(range(0, 100, 3))
print(bsearch(xs, 42), bsearch(xs, 43), bsearch(xs, -5), bsearch(xs, 1000))
