f(z, x for x in y)
