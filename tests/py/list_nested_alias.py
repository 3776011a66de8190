# Lists of lists, aliasing through names, and self-referencing lists.
row = [0, 0]
m = [row, row]
m[0][1] = 5
print(m, m[0] is m[1])
a = [1, 2]
b = [a, a]
a.append(3)
print(b)
c = [1]
c.append(c)
print(c, len(c), c[1][1][1][0])
d = {'k': []}
e = [d, d]
e[0]['k'].append('v')
print(e)
deep = [[[1, 2], [3]], [[4]]]
flat = [x for l1 in deep for l2 in l1 for x in l2]
print(flat, deep[0][0][1], len(deep[1][0]))
