if a: b = 1; c = 2
else: d = 3
