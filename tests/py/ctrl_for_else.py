# for/else and while/else: else runs only when the loop was not broken.
def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            print('found', target, 'at', i)
            break
    else:
        print(target, 'not found')


find([1, 2, 3], 2)
find([1, 2, 3], 5)
find([], 1)
n = 10
while n > 0:
    n -= 3
else:
    print('while finished, n =', n)
n = 10
while n > 0:
    if n == 4:
        print('breaking at', n)
        break
    n -= 3
else:
    print('not printed')
for p in range(2, 30):
    for d in range(2, p):
        if p % d == 0:
            break
    else:
        print(p, end=' ')
print()
