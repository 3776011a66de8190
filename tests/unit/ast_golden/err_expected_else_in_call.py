f(x if y)
