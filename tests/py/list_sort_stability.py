# Sorting is stable, including with reverse=True and repeated keyed sorts.
recs = [('ann', 3), ('bob', 1), ('cat', 3), ('dan', 2), ('eve', 1), ('fay', 3), ('gus', 2)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
by_name = sorted(recs, key=lambda r: r[0], reverse=True)
print(sorted(by_name, key=lambda r: r[1]))
data = [(i % 7, i) for i in range(50)]
s = sorted(data, key=lambda t: t[0])
ok = all(s[i][0] < s[i + 1][0] or (s[i][0] == s[i + 1][0] and s[i][1] < s[i + 1][1]) for i in range(len(s) - 1))
print(ok, s[:8])
big = [(i * 7919) % 1000 for i in range(3000)]
big.sort()
print(big[:5], big[-5:], all(big[i] <= big[i + 1] for i in range(len(big) - 1)))
