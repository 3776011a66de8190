# append/extend/insert and growing lists in loops.
a = []
for i in range(5):
    a.append(i * i)
print(a, len(a))
a.extend([100, 200])
a.extend(range(3))
a.extend('xy')
a.extend((7,))
print(a)
a.append([1, 2])
print(a[-1], len(a))
a.insert(0, 'first')
a.insert(3, 'mid')
a.insert(100, 'end')
a.insert(-1, 'before-end')
a.insert(-100, 'very-first')
print(a)
b = []
for i in range(10000):
    b.append(i)
print(len(b), b[9999], sum(b))
b.extend(b)
print(len(b), b[10000])
