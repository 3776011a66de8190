# union/intersection/difference/symmetric_difference as methods accepting any iterable.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(sorted(a.union([9], (8,))), sorted(a.intersection(range(3))), sorted(a.difference([1], (2,))))
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({7, 8}), a.isdisjoint(b))
c = set(a)
c.update([10, 11], {12})
c.intersection_update(range(11))
print(sorted(c))
c.difference_update([1, 2])
c.symmetric_difference_update({3, 99})
print(sorted(c))
print(sorted(a), sorted(b))
