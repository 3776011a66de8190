# int/float/str/list/tuple/dict/set/frozenset constructors on various inputs.
print(int(), int(3.9), int('42'), int(' -7 '), int(True), int('ff', 16), int(2 ** 70 + 0.0))
print(float(), float(3), float('2.5'), float(' -1e3 '), float(False))
print(str(), str(42), str(-0.5), str([1, '2']), str(None), str(str), str(b'ab'))
print(list(), list('ab'), list((1, 2)), list({'k': 1}), list(range(2)), list(x for x in 'xy'))
print(tuple(), tuple([1, 2]), tuple('ab'), dict(), dict(a=1), dict([(1, 2)]), dict({'x': 0}, y=1))
print(sorted(set('hello')), sorted(frozenset([3, 1])), len(set()), bool(frozenset()))
for bad in [lambda: int([1]), lambda: float([]), lambda: dict([1, 2]), lambda: list(5), lambda: int(None)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
