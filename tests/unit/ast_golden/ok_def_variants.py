def f(): pass
def g(a, /): pass
def h(*, a): pass
def i(*a, b=1, **c): pass
def j(a=1, /, b=2): pass
def k(*a: *Ts): pass
