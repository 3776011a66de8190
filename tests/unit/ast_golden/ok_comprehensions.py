[x for x in y]
[x for x in y if x if z for w in x]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
[(a, b) for a in r for b in s]
[x for x in (1, 2) if not x]
