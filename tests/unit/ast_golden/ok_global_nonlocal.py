global a, b
def f():
    global c
    def g():
        nonlocal d, e
