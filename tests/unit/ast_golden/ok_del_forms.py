del a
del a, b
del a.b, c[1], (d, e), [f]
del (g)
del a,
