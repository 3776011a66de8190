# divmod() matches (a // b, a % b) for all sign combinations.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (3, 7), (-3, 7), (10 ** 25, 7), (-(10 ** 25), 10 ** 12 + 39)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(a, b, q, r, q == a // b and r == a % b)
