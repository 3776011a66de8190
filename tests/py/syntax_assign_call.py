# SyntaxError: assignment to a function call.
f() = 3
