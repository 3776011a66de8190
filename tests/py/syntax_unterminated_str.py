# SyntaxError: a string literal with no closing quote.
print('fine')
msg = 'never closed
print(msg)
