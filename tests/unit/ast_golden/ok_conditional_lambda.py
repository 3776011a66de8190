f = lambda x: x if x else (lambda: 0)
g = lambda: (yield)
