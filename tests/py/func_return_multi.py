# Multiple return values, early returns, implicit None.
def minmax(items):
    if not items:
        return None
    return min(items), max(items)


def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    return 'positive'


def nothing():
    x = 1


lo, hi = minmax([4, 1, 9])
print(lo, hi, minmax([]), [classify(n) for n in (-2, 0, 3)], nothing())


def divide(a, b):
    q, r = divmod(a, b)
    return q, r, a / b


print(divide(17, 5), type(divide(1, 1)).__name__)
