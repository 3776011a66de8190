def outer():
    x = 1
    def inner():
        nonlocal x
        global y
        x += 1
    return inner
