# SyntaxError: two expressions with no operator between them.
x = 1 2
