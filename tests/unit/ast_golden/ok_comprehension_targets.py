[a for a, *b in c]
[1 for x.y in z]
[1 for [a, b] in c]
[1 for (a) in b]
