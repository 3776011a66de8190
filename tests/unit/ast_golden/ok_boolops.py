r = a and b or c and not d or e
s = a or b or c
t = a and b and c
