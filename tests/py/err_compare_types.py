# Ordering comparison between unrelated types is a TypeError.
print(sorted([3, 1, 2]))
print(sorted([3, 'one', 2]))
