# math integer functions: gcd, lcm, factorial, comb, perm, prod.
import math
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(0, 0), math.gcd(2 ** 100, 6 ** 50), math.gcd(12, 18, 27))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(0, 5))
print(math.factorial(0), math.factorial(10), math.factorial(25), len(str(math.factorial(500))))
print(math.comb(5, 2), math.comb(10, 0), math.comb(10, 11), math.comb(100, 50), math.perm(5, 2), math.perm(5), math.perm(3, 5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 21)), math.prod([0.5, 4]), math.prod([2, 3], start=10))
for bad in (lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.comb(-1, 2)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
