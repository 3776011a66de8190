d = {}
d = {1: 2, **a, "k": v}
d = {**a, **b}
d = {a: b for a, b in c}
d = {1: 2,}
