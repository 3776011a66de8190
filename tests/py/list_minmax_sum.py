# min/max with key and default, sum with start.
a = [4, -7, 2, 9, -1]
print(min(a), max(a), min(a, key=abs), max(a, key=abs), min(4, 2, 8), max('a', 'bb', key=len))
print(min([], default='empty'), max([], default=None), min([3], default=0), max((), key=len, default=-1))
print(sum(a), sum(a, 100), sum([[1], [2, 3]], []), sum(range(101)), sum([]), sum([0.5, 0.25]))
words = ['ccc', 'a', 'bb', 'dd']
print(max(words, key=len), min(words, key=len), max(words), min(enumerate(words), key=lambda p: p[1]))
print(max([1, 3, 3], key=lambda x: x), max([(1, 'a'), (1, 'b')]), min(x * x for x in range(-3, 4)))
try:
    min([])
except ValueError as e:
    print('ValueError:', e)
try:
    max(1)
except TypeError as e:
    print('TypeError:', e)
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError:', e)
