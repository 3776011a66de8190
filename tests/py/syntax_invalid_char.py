# SyntaxError: an invalid character (a Unicode arrow) in an expression.
x = 5 → 3
