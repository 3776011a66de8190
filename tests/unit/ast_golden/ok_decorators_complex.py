@a.b.c
@a(1)(2)
@x[0]
@(lambda f: f)
@y := z
def g(): pass
