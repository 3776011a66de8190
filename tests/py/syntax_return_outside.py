# SyntaxError: return outside a function.
print('top level')
return 5
