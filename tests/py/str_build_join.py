# Building long strings piecewise: join versus +=, checked for equality and length.
parts = []
for i in range(2000):
    parts.append(str(i % 10))
a = ''.join(parts)
b = ''
for i in range(2000):
    b += str(i % 10)
print(len(a), a == b, a[:25], a[-5:])
lines = ['row %03d: %s' % (i, '*' * (i % 7)) for i in range(12)]
report = '\n'.join(lines)
print(report)
print(len(report), report.count('*'), report.count('\n'))
