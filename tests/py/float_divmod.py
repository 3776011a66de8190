# divmod() on floats and mixed int/float.
for a, b in ((7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (1, 0.3), (10 ** 20, 7.0), (0.0, 1.5), (-0.0, 1.5)):
    q, r = divmod(a, b)
    print(a, b, q, r)
