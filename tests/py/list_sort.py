# sort() and sorted() with key and reverse.
a = [5, 2, 9, 1, 5, 6, -3, 0]
b = sorted(a)
print(a, b)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ['pear', 'Fig', 'apple', 'kiwi', 'banana', 'date']
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower), sorted(words, key=lambda w: w[-1]))
print(sorted(words, key=len, reverse=True))
pts = [(1, 'b'), (0, 'z'), (1, 'a'), (0, 'a')]
print(sorted(pts), sorted(pts, key=lambda p: p[1]), sorted(pts, key=lambda p: (-p[0], p[1])))
print(sorted('hello'), sorted((3, 1, 2)), sorted({'b': 1, 'a': 2}), sorted([]), sorted([1.5, 1, True, 0]))
r = a.sort()
print(r)
try:
    [1, 'a', 2].sort()
except TypeError as e:
    print('TypeError:', e)
