# len() of builtin containers and bool() conversions.
print(len('hello'), len([1, 2]), len((1,)), len({'a': 1}), len({1, 2, 2}), len(range(0, 10, 3)), len(''), len(b'xyz'))
print(len('日本'), len([[1, 2], [3]]), len(dict.fromkeys('abcabc')), len(frozenset('aab')))
try:
    len(5)
except TypeError as e:
    print('TypeError:', e)
try:
    len(x for x in [])
except TypeError as e:
    print('TypeError:', e)
print(bool(), bool(0), bool(2), bool(''), bool('0'), bool([]), bool([[]]), bool(None), bool(0.0), bool(-1))
