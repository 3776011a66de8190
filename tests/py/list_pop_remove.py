# pop/remove/index/count/clear on lists.
a = [5, 3, 8, 3, 1, 3]
print(a.pop(), a, a.pop(0), a, a.pop(-2), a)
a.remove(3)
print(a, a.count(3), a.count(99), a.index(8))
a += [8, 8]
print(a.index(8), a.index(8, 2), a.count(8))
try:
    a.remove(99)
except ValueError as e:
    print('ValueError:', e)
try:
    a.index(99)
except ValueError as e:
    print('ValueError:', e)
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
try:
    [1].pop(5)
except IndexError as e:
    print('IndexError:', e)
a.clear()
print(a, len(a))
stack = [1, 2, 3]
while stack:
    print('popped', stack.pop())
