f(a=1, *b)
f(**a, b=2)
f(a, b=1, **c, d=2)
