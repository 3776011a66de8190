# SyntaxError: an if statement without its colon.
x = 1
if x == 1
    print('one')
