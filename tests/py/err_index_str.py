# Uncaught IndexError from a string.
s = 'abc'
print(s[-3])
print(s[3])
