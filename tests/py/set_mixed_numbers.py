# 1, 1.0 and True collapse to one element; set() of various iterables.
s = {1, 1.0, True}
print(len(s), 1 in s, 1.0 in s, True in s, 0 in s)
t = {0, False, 0.0, -0.0}
print(len(t))
print(sorted(set([3, 3, 2])), sorted(set('aabbc')), sorted(set((1, 2))), sorted(set({'k': 1, 'j': 2})), len(set()))
print(sorted(set(range(5)) - set(range(2, 10))), sorted({2 ** 70, 2 ** 70, 2.0 ** 70}))
