# Writing a text file in the current directory and reading it back several ways.
with open('data.txt', 'w') as f:
    n = f.write('first line\n')
    f.write('second line\n')
    f.write('third')
print('wrote', n)
with open('data.txt') as f:
    print(repr(f.read()))
with open('data.txt', 'r') as f:
    print(f.readline(), end='')
    print(repr(f.readline()))
    print(repr(f.readline()), repr(f.readline()))
with open('data.txt') as f:
    print(f.readlines())
with open('data.txt') as f:
    for i, line in enumerate(f):
        print(i, line.rstrip('\n'))
f = open('data.txt')
print(f.closed, f.read(5), f.read(6))
f.close()
print(f.closed)
