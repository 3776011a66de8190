r = a not in b
s = a is not b
t = not a in b
