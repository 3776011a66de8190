# SyntaxError: a def without its colon.
def greet(name)
    return 'hi ' + name
